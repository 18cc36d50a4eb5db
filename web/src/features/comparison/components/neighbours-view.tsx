import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { AXIS_LABEL, TEXT_STYLE, Y_NAME } from '../../../components/chart/chart-option';
import { ChartFigure } from '../../../components/chart/chart-figure';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { number, percent, wholePercent } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import { CLIENT_MARK, LOWERS, RAISES } from '../../../lib/palette';
import { useNeighbourValues } from '../api/get-neighbour-values';
import type { FeatureChoice } from '../types';
import { valuePercentile } from './percentile';

export interface NeighboursViewProps {
  readonly clientId: number;
  readonly feature: FeatureChoice;
  readonly clientValue: { readonly value: number | null; readonly formatted: string };
  readonly k: number;
}

const OUTCOME_COLOUR = { 0: LOWERS, 1: RAISES, null: '#767676' } as const;

/** The chosen feature among the k most similar clients, sorted, with the client's bar in black. */
export function NeighboursView({ clientId, feature, clientValue, k }: NeighboursViewProps) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const query = useNeighbourValues(clientId, k, feature, lang, true);
  const rows = useMemo(() => {
    const list = (query.data ?? []).map((n, i) => ({ ...n, rank: i + 1 }));
    return list.sort((a, b) => (a.value ?? Number.NEGATIVE_INFINITY) - (b.value ?? Number.NEGATIVE_INFINITY));
  }, [query.data]);
  const option = useMemo(() => {
    const bars = [
      ...rows.map((n) => ({
        name: t('compare.neighbourN', { n: n.rank }),
        value: n.value ?? 0,
        itemStyle: { color: OUTCOME_COLOUR[`${n.target ?? 'null'}` as '0' | '1' | 'null'] },
      })),
      { name: t('compare.client'), value: clientValue.value ?? 0, itemStyle: { color: CLIENT_MARK } },
    ].sort((a, b) => a.value - b.value);
    return {
      textStyle: TEXT_STYLE,
      tooltip: { trigger: 'item' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { ...AXIS_LABEL, rotate: 35 } },
      yAxis: { type: 'value', name: feature.label, nameTextStyle: Y_NAME, axisLabel: AXIS_LABEL },
      series: [{ type: 'bar', data: bars }],
    };
  }, [rows, clientValue.value, feature.label, t]);

  if (query.error) return <ErrorMessage error={query.error} onRetry={query.reload} />;
  if (!query.data) return <Loading />;
  const values = rows.flatMap((n) => (n.value === null ? [] : [n.value]));
  const p = clientValue.value === null ? null : valuePercentile(values, clientValue.value);
  const repaid = rows.filter((n) => n.target === 0).length;
  const defaulted = rows.filter((n) => n.target === 1).length;
  return (
    <ChartFigure
      name="neighbours"
      title={t('compare.neighboursTitle', { k: rows.length, feature: feature.label })}
      summary={
        <span data-testid="percentile-sentence">
          {p === null
            ? t('compare.missing.client')
            : t('compare.percentile.client', {
                value: clientValue.formatted,
                p: wholePercent(p),
                group: t('compare.series.neighbours', { k: rows.length }),
              })}{' '}
          {t('compare.neighbourOutcomes', { repaid, defaulted, unknown: rows.length - repaid - defaulted })}
        </span>
      }
      option={option}
      height={300}
      table={{
        caption: t('compare.neighboursTitle', { k: rows.length, feature: feature.label }),
        columns: [
          { label: t('compare.neighbour') },
          { label: feature.label, numeric: true },
          { label: t('compare.outcome') },
          { label: t('compare.neighbourScore'), numeric: true },
          { label: t('compare.distance'), numeric: true },
        ],
        rows: rows.map((n) => [
          t('compare.neighbourN', { n: n.rank }),
          n.formatted,
          t(`compare.outcomeValue.${n.target ?? 'unknown'}`),
          n.score === null ? '—' : percent(n.score, lang),
          number(n.distance, lang, 2),
        ]),
      }}
    />
  );
}
