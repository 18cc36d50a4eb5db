import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { AXIS_LABEL, TEXT_STYLE, type ChartOption } from '../../../components/chart/chart-option';
import { ChartFigure } from '../../../components/chart/chart-figure';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { number } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import { CLIENT_MARK, LOWERS } from '../../../lib/palette';
import type { GroupFilter } from '../../../types/api';
import { useProfile } from '../api/comparison-api';
import type { RadarProfile } from '../types';

function radarOption(profile: RadarProfile, lang: 'fr' | 'en', client: string, group: string): ChartOption {
  return {
    textStyle: TEXT_STYLE,
    legend: { bottom: 0, textStyle: AXIS_LABEL },
    tooltip: { trigger: 'item' },
    radar: {
      indicator: profile.axes.map((a) => ({ name: a.label[lang], max: 100, min: 0 })),
      radius: '62%',
      axisName: { color: '#1b1b1b', fontSize: 11, width: 110, overflow: 'break' },
      splitLine: { lineStyle: { color: '#bfbfbf' } },
      splitArea: { show: false },
    },
    series: [
      {
        type: 'radar',
        data: [
          {
            name: group,
            value: profile.axes.map((a) => a.groupMedianPercentile ?? 0),
            lineStyle: { color: LOWERS, type: 'dashed', width: 2 },
            itemStyle: { color: LOWERS },
            symbol: 'rect',
            areaStyle: { color: 'rgba(0, 114, 178, 0.15)' },
          },
          {
            name: client,
            value: profile.axes.map((a) => a.clientPercentile ?? 0),
            lineStyle: { color: CLIENT_MARK, width: 3 },
            itemStyle: { color: CLIENT_MARK },
            symbol: 'circle',
          },
        ],
      },
    ],
  };
}

export interface RadarViewProps {
  readonly clientId: number;
  readonly filter: GroupFilter;
  readonly audience: 'advisor' | 'client';
}

/** On key features, the client's percentile against the group's median percentile. */
export function RadarView({ clientId, filter, audience }: RadarViewProps) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const query = useProfile(clientId, filter);
  const client = t(audience === 'client' ? 'compare.you' : 'compare.client');
  const group = t(Object.keys(filter).length > 0 ? 'compare.groupMedian' : 'compare.allMedian');
  const option = useMemo(
    () => (query.data ? radarOption(query.data, lang, client, group) : {}),
    [query.data, lang, client, group],
  );
  if (query.error) return <ErrorMessage error={query.error} onRetry={query.reload} />;
  if (!query.data) return <Loading />;
  const p = query.data;
  const pct = (v: number | null) => (v === null ? '—' : number(v, lang, 0));
  return (
    <ChartFigure
      name="radar"
      title={t('compare.radarTitle')}
      summary={t(`compare.radarSummary.${audience}`, { n: p.groupSize })}
      option={option}
      height={360}
      table={{
        caption: t('compare.radarTitle'),
        columns: [
          { label: t('compare.feature') },
          { label: t('compare.clientValue', { who: client }) },
          { label: t('compare.clientPercentile', { who: client }), numeric: true },
          { label: group, numeric: true },
        ],
        rows: p.axes.map((a) => [
          a.label[lang],
          a.clientFormatted[lang],
          pct(a.clientPercentile),
          pct(a.groupMedianPercentile),
        ]),
      }}
    />
  );
}
