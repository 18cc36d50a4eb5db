import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { AXIS_LABEL, TEXT_STYLE } from '../../../components/chart/chart-option';
import { ChartFigure } from '../../../components/chart/chart-figure';
import { percent } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import { OKABE_ITO } from '../../../lib/palette';
import type { ColumnDrift } from '../types';

/** One column's reference vs current shares per bin or category. */
export function ColumnChart({ column }: { readonly column: ColumnDrift }) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const d = column.distribution;
  const labels = useMemo(() => {
    if (!d) return [];
    if (d.kind === 'categories') return [...d.labels];
    return d.reference.map(
      (_, i) => `${(d.edges[i] ?? 0).toPrecision(3)} – ${(d.edges[i + 1] ?? 0).toPrecision(3)}`,
    );
  }, [d]);
  const option = useMemo(
    () => ({
      textStyle: TEXT_STYLE,
      legend: { top: 0, textStyle: AXIS_LABEL },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => percent(v, lang) },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: labels,
        axisLabel: { ...AXIS_LABEL, rotate: labels.length > 6 ? 35 : 0 },
      },
      yAxis: {
        type: 'value',
        axisLabel: { ...AXIS_LABEL, formatter: (v: number) => `${Math.round(v * 100)} %` },
      },
      series: [
        {
          type: 'bar',
          name: t('monitoring.reference'),
          data: d ? [...d.reference] : [],
          itemStyle: { color: OKABE_ITO.skyBlue },
        },
        {
          type: 'bar',
          name: t('monitoring.current'),
          data: d ? [...d.current] : [],
          itemStyle: {
            color: OKABE_ITO.vermillion,
            decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: 0.8 },
          },
        },
      ],
    }),
    [labels, d, t, lang],
  );
  if (!d) return <p>{t('monitoring.noDistribution')}</p>;
  return (
    <ChartFigure
      name="drift-column"
      title={t('monitoring.columnTitle', { column: column.columnName })}
      summary={t(column.driftDetected ? 'monitoring.columnDrifted' : 'monitoring.columnStable', {
        test: column.stattestName ?? column.stattest ?? '—',
        score: column.driftScore?.toPrecision(3) ?? '—',
        threshold: column.stattestThreshold ?? '—',
      })}
      option={option}
      table={{
        caption: t('monitoring.columnTitle', { column: column.columnName }),
        columns: [
          { label: t('monitoring.bin') },
          { label: t('monitoring.reference'), numeric: true },
          { label: t('monitoring.current'), numeric: true },
        ],
        rows: labels.map((label, i) => [
          label,
          percent(d.reference[i] ?? 0, lang),
          percent(d.current[i] ?? 0, lang),
        ]),
      }}
    />
  );
}
