import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { ChartFigure } from '../../../components/chart/chart-figure';
import { percent } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import type { Score } from '../../../types/api';
import { gaugeOption } from './gauge-option';

/** The estimated risk of default on a dial with the decision bands and the threshold marked. */
export function ScoreGauge({ score }: { readonly score: Score }) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const fmt = (p: number) => percent(p, lang);
  const option = useMemo(() => gaugeOption(score, (p) => percent(p, lang)), [score, lang]);
  const rows: (string | number)[][] = [
    [t('gauge.probability'), fmt(score.probability)],
    [t('gauge.threshold'), fmt(score.threshold)],
  ];
  if (score.review)
    rows.push([t('gauge.reviewBand'), `${fmt(score.review.low)} – ${fmt(score.review.high)}`]);
  rows.push([t('decision.label'), t(`decision.${score.decision}`)]);
  return (
    <ChartFigure
      name="gauge"
      title={t('gauge.title')}
      summary={t('gauge.summary', {
        probability: fmt(score.probability),
        threshold: fmt(score.threshold),
        decision: t(`decision.${score.decision}`),
      })}
      option={option}
      height={230}
      table={{
        caption: t('gauge.title'),
        columns: [{ label: t('table.item') }, { label: t('table.value'), numeric: true }],
        rows,
      }}
    />
  );
}
