import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { ChartFigure } from '../../../components/chart/chart-figure';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/loading';
import { percent, wholePercent } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import { LOWERS, OKABE_ITO, RAISES } from '../../../lib/palette';
import type { GroupFilter } from '../../../types/api';
import { useDistribution } from '../api/comparison-api';
import type { CompareMode, FeatureDistribution } from '../types';
import { distributionOption, type DistributionSeries } from './distribution-option';
import { binPercentile, shares } from './percentile';

export interface DistributionViewProps {
  readonly clientId: number;
  readonly feature: string;
  readonly mode: Exclude<CompareMode, 'neighbours'>;
  readonly filter: GroupFilter;
  readonly audience: 'advisor' | 'client';
}

function seriesOf(
  d: FeatureDistribution,
  mode: DistributionViewProps['mode'],
  names: Record<string, string>,
) {
  const list: DistributionSeries[] = [];
  if (mode === 'outcome') {
    list.push({ name: names.repaid!, shares: shares(d.repaid), colour: LOWERS });
    list.push({ name: names.defaulted!, shares: shares(d.defaulted), colour: RAISES });
  } else {
    list.push({
      name: names.all!,
      shares: shares(d.all),
      colour: mode === 'group' ? OKABE_ITO.skyBlue : LOWERS,
    });
    if (mode === 'group' && d.group)
      list.push({ name: names.group!, shares: shares(d.group), colour: LOWERS });
  }
  return list;
}

/** A feature's distribution (all clients, a group, or repaid vs defaulted) with the client's place in words. */
export function DistributionView({ clientId, feature, mode, filter, audience }: DistributionViewProps) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const query = useDistribution(clientId, feature, mode === 'group' ? filter : {});
  const d = query.data;
  const names = useMemo(
    () => ({
      all: t('compare.series.all'),
      group: t('compare.series.group'),
      repaid: t('compare.series.repaid'),
      defaulted: t('compare.series.defaulted'),
    }),
    [t],
  );
  const series = useMemo(() => (d ? seriesOf(d, mode, names) : []), [d, mode, names]);
  const binLabels = useMemo(() => (d ? d.binLabels.map((b) => b[lang]) : []), [d, lang]);
  const clientMark = t(audience === 'client' ? 'compare.you' : 'compare.client');
  const option = useMemo(
    () => distributionOption(binLabels, series, d?.client?.bin ?? null, clientMark, t('compare.share')),
    [binLabels, series, d, clientMark, t],
  );
  if (query.error) return <ErrorMessage error={query.error} onRetry={query.reload} />;
  if (!d) return <Loading />;

  const who = audience === 'client' ? 'you' : 'client';
  const value = d.client?.formatted[lang] ?? '—';
  const sentences: string[] = [];
  const bin = d.client?.bin ?? null;
  if (d.client?.percentile === null || d.client === null || bin === null) {
    sentences.push(t(`compare.missing.${who}`));
  } else if (mode === 'all') {
    sentences.push(
      t(`compare.percentile.${who}`, { value, p: wholePercent(d.client.percentile), group: names.all }),
    );
  } else {
    const pairs: [string, number | null][] =
      mode === 'group'
        ? [[names.group, d.group ? binPercentile(d.group, bin) : null]]
        : [
            [names.repaid, binPercentile(d.repaid, bin)],
            [names.defaulted, binPercentile(d.defaulted, bin)],
          ];
    for (const [group, p] of pairs) {
      if (p !== null)
        sentences.push(t(`compare.percentileAbout.${who}`, { value, p: wholePercent(p), group }));
    }
  }
  const sizes = series.length > 0 ? sizeLine(d, mode, names, t) : '';
  return (
    <ChartFigure
      name="distribution"
      title={t('compare.distributionTitle', { feature: d.label[lang] })}
      summary={
        <>
          <span data-testid="percentile-sentence">{sentences.join(' ')}</span> {sizes}
        </>
      }
      option={option}
      height={300}
      table={{
        caption: t('compare.distributionTitle', { feature: d.label[lang] }),
        columns: [{ label: t('compare.bin') }, ...series.map((s) => ({ label: s.name, numeric: true }))],
        rows: binLabels.map((label, i) => [label, ...series.map((s) => percent(s.shares[i] ?? 0, lang))]),
        ...(bin === null ? {} : { highlightRow: bin, highlightLabel: clientMark }),
      }}
    />
  );
}

function sizeLine(
  d: FeatureDistribution,
  mode: DistributionViewProps['mode'],
  names: Record<string, string>,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (mode === 'outcome')
    return t('compare.sizes2', {
      a: names.repaid,
      n: d.repaid.size,
      b: names.defaulted,
      m: d.defaulted.size,
    });
  if (mode === 'group' && d.group)
    return t('compare.sizes2', { a: names.all, n: d.all.size, b: names.group, m: d.group.size });
  return t('compare.sizes1', { a: names.all, n: d.all.size });
}
