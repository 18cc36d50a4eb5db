import { useTranslation } from 'react-i18next';

import { DataTable } from '../../../components/data-table';
import { number, percent } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import type { CandidateSummary } from '../types';

const fix = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : '—');

/** LightGBM against the baselines, cross-validated on the same folds. */
export function ModelComparisonTable({
  candidates,
  champion,
}: {
  readonly candidates: readonly CandidateSummary[];
  readonly champion: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const index = candidates.findIndex((c) => c.name === champion);
  return (
    <section className="card" aria-labelledby="model-comparison-title" data-testid="model-comparison">
      <h2 id="model-comparison-title">{t('model.comparison.title')}</h2>
      {candidates.length === 0 ? (
        <p>{t('model.comparison.none')}</p>
      ) : (
        <DataTable
          caption={t('model.comparison.caption')}
          columns={[
            { label: t('model.comparison.model') },
            { label: 'ROC AUC', numeric: true },
            { label: 'PR AUC', numeric: true },
            { label: 'Brier', numeric: true },
            { label: 'KS', numeric: true },
            { label: t('model.comparison.cost'), numeric: true },
            { label: t('model.threshold'), numeric: true },
            { label: t('model.comparison.seconds'), numeric: true },
          ]}
          rows={candidates.map((c) => [
            c.name,
            fix(c.metrics.rocAuc),
            fix(c.metrics.prAuc),
            fix(c.metrics.brier, 4),
            fix(c.metrics.ks),
            fix(c.metrics.costPerApplication),
            percent(c.threshold, lang),
            number(c.seconds, lang, 1),
          ])}
          {...(index >= 0 ? { highlightRow: index, highlightLabel: t('model.comparison.champion') } : {})}
        />
      )}
    </section>
  );
}
