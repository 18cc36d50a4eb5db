import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { AXIS_LABEL, TEXT_STYLE } from '../../../components/chart/chart-option';
import { ChartFigure } from '../../../components/chart/chart-figure';
import { percent } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import { OKABE_ITO } from '../../../lib/palette';
import type { ImportanceGroup } from '../types';

/** Global importance (share of total gain) of the readable groups of features, largest first. */
export function ImportanceChart({
  groups,
  top = 12,
}: {
  readonly groups: readonly ImportanceGroup[];
  readonly top?: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const shown = groups.slice(0, top);
  const option = useMemo(
    () => ({
      textStyle: TEXT_STYLE,
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => percent(v, lang) },
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      xAxis: {
        type: 'value',
        axisLabel: { ...AXIS_LABEL, formatter: (v: number) => `${Math.round(v * 100)} %` },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: shown.map((g) => g.label[lang]),
        axisLabel: { ...AXIS_LABEL, width: 240, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: shown.map((g) => g.share),
          itemStyle: { color: OKABE_ITO.blue },
          label: {
            show: true,
            position: 'right',
            color: '#1b1b1b',
            formatter: (p: { value: number }) => percent(p.value, lang),
          },
        },
      ],
    }),
    [shown, lang],
  );
  return (
    <ChartFigure
      name="importance"
      title={t('model.importance.title')}
      summary={
        shown[0]
          ? t('model.importance.summary', {
              first: shown[0].label[lang],
              share: percent(shown[0].share, lang),
            })
          : t('model.importance.none')
      }
      option={option}
      height={Math.max(200, shown.length * 28 + 40)}
      table={{
        caption: t('model.importance.title'),
        columns: [
          { label: t('model.importance.group') },
          { label: t('model.importance.share'), numeric: true },
        ],
        rows: groups.map((g) => [g.label[lang], percent(g.share, lang)]),
      }}
    />
  );
}
