import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { asLang } from '../../../lib/i18n';
import { useClientInfo } from '../api/get-client-info';
import type { ClientField } from '../types';
import { DEFAULT_GROUPS, FIELD_GROUPS, groupFields, type FieldGroup } from './field-groups';
import { FieldFilter } from './field-filter';

const STORAGE_KEY = 'clairscore.fieldGroups';
const FIRST_FIELDS = 12;

function savedGroups(): Set<FieldGroup> {
  try {
    const saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (Array.isArray(saved)) return new Set(FIELD_GROUPS.filter((g) => saved.includes(g)));
  } catch {
    // a broken saved choice falls back to the default
  }
  return new Set(DEFAULT_GROUPS);
}

function FieldList({
  fields,
  group,
}: {
  readonly fields: readonly ClientField[];
  readonly group: FieldGroup;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? fields : fields.slice(0, FIRST_FIELDS);
  return (
    <section className="field-group" data-field-group={group} aria-labelledby={`fg-${group}`}>
      <h3 id={`fg-${group}`}>{t(`info.group.${group}`)}</h3>
      {fields.length === 0 ? (
        <p className="muted">{t('info.noField')}</p>
      ) : (
        <dl className="fields">
          {shown.map((field) => (
            <div key={field.name} className="field-row">
              <dt title={field.description}>{field.label}</dt>
              <dd>{field.formatted}</dd>
            </div>
          ))}
        </dl>
      )}
      {fields.length > FIRST_FIELDS ? (
        <button
          type="button"
          className="button button--link"
          onClick={() => setAll(!all)}
          aria-expanded={all}
        >
          {all ? t('info.showFewer') : t('info.showAll', { count: fields.length })}
        </button>
      ) : null}
    </section>
  );
}

/** The client's descriptive information, grouped, with the groups to show chosen by the advisor (remembered). */
export function ClientInfoCard({ clientId }: { readonly clientId: number }) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const info = useClientInfo(clientId, lang);
  const [selected, setSelected] = useState<Set<FieldGroup>>(savedGroups);
  const [text, setText] = useState('');
  const grouped = useMemo(() => groupFields(info.data?.fields ?? []), [info.data]);
  const counts = useMemo(() => new Map([...grouped].map(([g, f]) => [g, f.length])), [grouped]);

  const toggle = (group: FieldGroup) => {
    const next = new Set(selected);
    if (next.has(group)) next.delete(group);
    else next.add(group);
    setSelected(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify([...next]));
    } catch {
      // not remembered then
    }
  };
  const needle = text.trim().toLowerCase();
  const matches = (field: ClientField) => !needle || field.label.toLowerCase().includes(needle);

  return (
    <section className="card client-info" aria-labelledby="client-info-title">
      <h2 id="client-info-title">{t('info.title')}</h2>
      {info.error ? <ErrorMessage error={info.error} onRetry={info.reload} /> : null}
      {info.loading ? <Loading /> : null}
      {info.data ? (
        <>
          <p className="muted">
            {info.data.set === 'train'
              ? t(info.data.target === 1 ? 'info.trainDefaulted' : 'info.trainRepaid')
              : t('info.testSet')}
          </p>
          <FieldFilter selected={selected} counts={counts} onToggle={toggle} text={text} onText={setText} />
          <div className="field-groups">
            {FIELD_GROUPS.filter((g) => selected.has(g)).map((group) => (
              <FieldList key={group} group={group} fields={(grouped.get(group) ?? []).filter(matches)} />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
