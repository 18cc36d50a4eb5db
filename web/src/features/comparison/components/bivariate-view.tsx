import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { AXIS_LABEL, TEXT_STYLE, Y_NAME, type ChartOption } from '../../../components/chart/chart-option';
import { ChartFigure } from '../../../components/chart/chart-figure';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { number } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import { CLIENT_MARK, LOWERS, RAISES } from '../../../lib/palette';
import type { GroupFilter } from '../../../types/api';
import { useBivariate } from '../api/comparison-api';
import type { BivariateSample } from '../types';

type Outcome = 0 | 1 | null;
const OUTCOMES: readonly { target: Outcome; colour: string; symbol: string; key: string }[] = [
  { target: 0, colour: LOWERS, symbol: 'circle', key: 'repaid' },
  { target: 1, colour: RAISES, symbol: 'triangle', key: 'defaulted' },
  { target: null, colour: '#767676', symbol: 'rect', key: 'unknown' },
];

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;

function scatterOption(
  sample: BivariateSample,
  names: Record<string, string>,
  client: string,
  lang: 'fr' | 'en',
): ChartOption {
  return {
    textStyle: TEXT_STYLE,
    legend: { top: 0, textStyle: AXIS_LABEL },
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 24, top: 36, bottom: 32, containLabel: true },
    xAxis: {
      type: 'value',
      scale: true,
      name: sample.labels.x[lang],
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: AXIS_LABEL,
      axisLabel: AXIS_LABEL,
    },
    yAxis: {
      type: 'value',
      scale: true,
      name: sample.labels.y[lang],
      nameTextStyle: Y_NAME,
      axisLabel: AXIS_LABEL,
    },
    series: [
      ...OUTCOMES.map((o) => ({
        type: 'scatter',
        name: names[o.key],
        symbol: o.symbol,
        symbolSize: 6,
        itemStyle: { color: o.colour, opacity: 0.55 },
        data: sample.points.filter((p) => p.target === o.target).map((p) => [p.x, p.y]),
      })),
      {
        type: 'scatter',
        name: client,
        symbol: 'diamond',
        symbolSize: 20,
        z: 10,
        itemStyle: { color: CLIENT_MARK, borderColor: '#ffffff', borderWidth: 2 },
        label: { show: true, formatter: client, position: 'right', color: '#1b1b1b', fontWeight: 'bold' },
        data:
          sample.client && sample.client.x !== null && sample.client.y !== null
            ? [[sample.client.x, sample.client.y]]
            : [],
      },
    ],
  };
}

export interface BivariateViewProps {
  readonly clientId: number;
  readonly x: string;
  readonly y: string;
  readonly filter: GroupFilter;
}

/** Two features for a sample of clients, shape and colour by outcome, the client as a large black diamond. */
export function BivariateView({ clientId, x, y, filter }: BivariateViewProps) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const query = useBivariate(clientId, x, y, filter, true);
  const names = useMemo(
    () => ({
      repaid: t('compare.series.repaid'),
      defaulted: t('compare.series.defaulted'),
      unknown: t('compare.series.unknown'),
    }),
    [t],
  );
  const option = useMemo(
    () => (query.data ? scatterOption(query.data, names, t('compare.client'), lang) : {}),
    [query.data, names, t, lang],
  );
  if (query.error) return <ErrorMessage error={query.error} onRetry={query.reload} />;
  if (!query.data) return <Loading />;
  const s = query.data;
  const rows = OUTCOMES.map((o) => {
    const points = s.points.filter((p) => p.target === o.target);
    return [
      names[o.key as keyof typeof names],
      points.length,
      number(mean(points.map((p) => p.x)), lang, 2),
      number(mean(points.map((p) => p.y)), lang, 2),
    ];
  });
  rows.push([t('compare.client'), 1, number(s.client?.x, lang, 2), number(s.client?.y, lang, 2)]);
  return (
    <ChartFigure
      name="bivariate"
      title={t('compare.bivariateTitle', { x: s.labels.x[lang], y: s.labels.y[lang] })}
      summary={t('compare.bivariateSummary', { n: s.points.length, population: s.population })}
      option={option}
      height={340}
      table={{
        caption: t('compare.bivariateTable'),
        columns: [
          { label: t('compare.outcome') },
          { label: t('compare.points'), numeric: true },
          { label: t('compare.meanOf', { feature: s.labels.x[lang] }), numeric: true },
          { label: t('compare.meanOf', { feature: s.labels.y[lang] }), numeric: true },
        ],
        rows,
        highlightRow: rows.length - 1,
      }}
    />
  );
}
