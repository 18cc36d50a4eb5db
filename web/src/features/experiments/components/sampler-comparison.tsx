import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { ChartFigure } from '../../../components/chart/chart-figure';
import { curveLines } from './curve-lines';
import type { Run } from '../types';
import { bestSoFar, childrenOf, comparisonRuns, SAMPLER_TAG, SAMPLERS, studyRuns } from './run-selectors';

const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Per sampler, the median over seeds of the best CV AUC after each trial. */
function samplerCurves(runs: readonly Run[]): Map<string, [number, number][]> {
  const curves = new Map<string, [number, number][]>();
  const parent = comparisonRuns(runs)[0];
  const sources: [string, Run[][]][] = parent
    ? SAMPLERS.map((sampler) => {
        const trials = childrenOf(runs, parent.runId).filter((r) => r.tags[SAMPLER_TAG] === sampler);
        const bySeed = new Map<string, Run[]>();
        for (const trial of trials) {
          const seed = trial.tags['clairscore.sampler_seed'] ?? '0';
          bySeed.set(seed, [...(bySeed.get(seed) ?? []), trial]);
        }
        return [sampler, [...bySeed.values()]];
      })
    : // without a comparison run: each study is one sampler's run
      SAMPLERS.map((sampler) => [
        sampler,
        studyRuns(runs)
          .filter((s) => s.params.sampler === sampler)
          .map((s) => childrenOf(runs, s.runId)),
      ]);
  for (const [sampler, seeds] of sources) {
    const perSeed = seeds.map(bestSoFar).filter((c) => c.length > 0);
    if (perSeed.length === 0) continue;
    const length = Math.min(...perSeed.map((c) => c.length));
    curves.set(
      sampler,
      Array.from({ length }, (_, i) => [i + 1, median(perSeed.map((c) => c[i]![1]))] as [number, number]),
    );
  }
  return curves;
}

/** Grid, random and TPE on the same budget: best CV AUC reached against trials. */
export function SamplerComparison({ runs }: { readonly runs: readonly Run[] }) {
  const { t } = useTranslation();
  const curves = useMemo(() => samplerCurves(runs), [runs]);
  const option = useMemo(
    () =>
      curveLines(
        [...curves].map(([name, points]) => ({ name, points })),
        t('experiments.trials'),
        t('experiments.bestAuc'),
      ),
    [curves, t],
  );
  if (curves.size === 0) return <p data-testid="no-sampler-comparison">{t('experiments.noComparison')}</p>;
  const finals = [...curves].map(
    ([name, points]) => [name, points.length, points.at(-1)?.[1].toFixed(4) ?? '—'] as const,
  );
  const leader = [...finals].sort((a, b) => Number(b[2]) - Number(a[2]))[0];
  return (
    <ChartFigure
      name="samplers"
      title={t('experiments.samplersTitle')}
      summary={t('experiments.samplersSummary', { best: leader?.[0] ?? '—', auc: leader?.[2] ?? '—' })}
      option={option}
      table={{
        caption: t('experiments.samplersTitle'),
        columns: [
          { label: t('experiments.sampler') },
          { label: t('experiments.trials'), numeric: true },
          { label: t('experiments.bestAuc'), numeric: true },
        ],
        rows: finals.map((f) => [...f]),
      }}
    />
  );
}
