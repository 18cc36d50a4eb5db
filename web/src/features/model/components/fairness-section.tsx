import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { AXIS_LABEL, TEXT_STYLE } from '../../../components/chart/chart-option';
import { ChartFigure } from '../../../components/chart/chart-figure';
import { number, percent } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import { OKABE_ITO } from '../../../lib/palette';
import type { FairnessRow } from '../types';

function FairnessChart({
  name,
  title,
  rows,
}: {
  readonly name: string;
  readonly title: string;
  readonly rows: readonly FairnessRow[];
}) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const option = useMemo(
    () => ({
      textStyle: TEXT_STYLE,
      legend: { top: 0, textStyle: AXIS_LABEL },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => percent(v, lang) },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.label[lang]), axisLabel: AXIS_LABEL },
      yAxis: {
        type: 'value',
        max: 1,
        axisLabel: { ...AXIS_LABEL, formatter: (v: number) => `${Math.round(v * 100)} %` },
      },
      series: [
        {
          type: 'bar',
          name: t('model.fairness.approval'),
          data: rows.map((r) => r.approvalRate),
          itemStyle: { color: OKABE_ITO.blue },
        },
        {
          type: 'bar',
          name: t('model.fairness.default'),
          data: rows.map((r) => r.defaultRate),
          itemStyle: {
            color: OKABE_ITO.vermillion,
            decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: 0.8 },
          },
        },
      ],
    }),
    [rows, lang, t],
  );
  const rate = (v: number) => (Number.isFinite(v) ? percent(v, lang) : '—');
  return (
    <ChartFigure
      name={name}
      title={title}
      summary={t('model.fairness.summary')}
      option={option}
      table={{
        caption: title,
        columns: [
          { label: t('model.fairness.group') },
          { label: t('model.fairness.size'), numeric: true },
          { label: t('model.fairness.approval'), numeric: true },
          { label: t('model.fairness.default'), numeric: true },
          { label: t('model.fairness.tpr'), numeric: true },
          { label: t('model.fairness.fpr'), numeric: true },
        ],
        rows: rows.map((r) => [
          r.label[lang],
          number(r.size, lang),
          rate(r.approvalRate),
          rate(r.defaultRate),
          rate(r.tpr),
          rate(r.fpr),
        ]),
      }}
    />
  );
}

/** Approval and default rates at the threshold by gender and by age band. */
export function FairnessSection({
  byGender,
  byAgeBand,
}: {
  readonly byGender: readonly FairnessRow[];
  readonly byAgeBand: readonly FairnessRow[];
}) {
  const { t } = useTranslation();
  return (
    <div className="chart-grid">
      <FairnessChart name="fairness-gender" title={t('model.fairness.gender')} rows={byGender} />
      <FairnessChart name="fairness-age" title={t('model.fairness.age')} rows={byAgeBand} />
    </div>
  );
}
