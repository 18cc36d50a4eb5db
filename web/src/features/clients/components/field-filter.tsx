import { useTranslation } from 'react-i18next';

import { FIELD_GROUPS, type FieldGroup } from './field-groups';

export interface FieldFilterProps {
  readonly selected: ReadonlySet<FieldGroup>;
  readonly counts: ReadonlyMap<FieldGroup, number>;
  readonly onToggle: (group: FieldGroup) => void;
  readonly text: string;
  readonly onText: (text: string) => void;
}

/** The advisor chooses which groups of fields to see, and may narrow them by words. */
export function FieldFilter({ selected, counts, onToggle, text, onText }: FieldFilterProps) {
  const { t } = useTranslation();
  return (
    <div className="field-filter">
      <fieldset className="checkbox-group">
        <legend>{t('info.groupsLegend')}</legend>
        {FIELD_GROUPS.map((group) => (
          <label key={group} className="checkbox">
            <input
              type="checkbox"
              name="field-group"
              value={group}
              checked={selected.has(group)}
              onChange={() => onToggle(group)}
            />
            {t(`info.group.${group}`)} <span className="muted">({counts.get(group) ?? 0})</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="field-text-filter">{t('info.textFilter')}</label>
        <input id="field-text-filter" type="search" value={text} onChange={(e) => onText(e.target.value)} />
      </div>
    </div>
  );
}
