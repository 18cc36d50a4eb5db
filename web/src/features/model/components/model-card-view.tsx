import { useTranslation } from 'react-i18next';

import { dateTime, number, percent } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import type { ModelCard } from '../types';

const fix = (v: number | undefined, digits = 3) =>
  v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);

/** What the model is, what it was trained on, how good it is and how it decides. */
export function ModelCardView({ card }: { readonly card: ModelCard }) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const items: [string, string][] = [
    [t('model.card.version'), `${card.name} v${card.version}`],
    [t('model.card.kind'), card.kind],
    [t('model.card.created'), dateTime(card.createdAt, lang)],
    [
      t('model.card.features'),
      t('model.card.featureCount', { count: card.features.length, version: card.featureVersion }),
    ],
    [
      t('model.card.training'),
      t('model.card.trainingText', {
        rows: number(card.trainingData.rows, lang),
        rate: percent(card.trainingData.defaultRate ?? 0, lang),
        folds: card.trainingData.folds ?? '—',
      }),
    ],
    [t('model.card.rounds'), String(card.rounds)],
    [t('model.card.weighting'), card.classWeighting],
    [
      t('model.card.sensitive'),
      t(card.includeSensitive ? 'model.card.sensitiveIn' : 'model.card.sensitiveOut'),
    ],
    [t('model.card.threshold'), percent(card.decision.threshold, lang)],
    [
      t('model.card.costs'),
      t('model.card.costsText', { fn: card.decision.fnCost, fp: card.decision.fpCost }),
    ],
    [
      t('model.card.reviewBand'),
      card.decision.reviewBand > 0
        ? `± ${percent(card.decision.reviewBand, lang)}`
        : t('model.card.noReview'),
    ],
    ['ROC AUC', fix(card.metrics.rocAuc)],
    ['PR AUC', fix(card.metrics.prAuc)],
    ['Brier', fix(card.metrics.brier, 4)],
    ['KS', fix(card.metrics.ks)],
  ];
  return (
    <section className="card model-card" aria-labelledby="model-card-title" data-testid="model-card">
      <h2 id="model-card-title">{t('model.card.title')}</h2>
      <dl className="fields fields--two">
        {items.map(([label, value]) => (
          <div className="field-row" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
