import { describe, expect, it } from 'vitest';

import type { SamplerComparison, SamplerSummary } from '../compare-samplers.js';
import { quartiles } from '../stats.js';
import { byTimePoints, byTrialPoints, comparisonSvg, ticks } from './comparison-chart.js';

function summary(sampler: string, bests: (number | null)[], ms: number[]): SamplerSummary {
  const q = (v: number | null): ReturnType<typeof quartiles> => quartiles(v === null ? [] : [v]);
  return {
    sampler,
    final: q(bests.at(-1) ?? null),
    byTrial: bests.map(q),
    byTime: ms.map((elapsedMs, i) => ({ elapsedMs, best: q(bests[i] ?? null) })),
  };
}

const comparison: SamplerComparison = {
  direction: 'maximize',
  nTrials: 3,
  timeoutSeconds: null,
  seeds: [42],
  runs: [],
  summaries: [
    summary('grid', [0.7, 0.72, 0.72], [1000, 2000, 3000]),
    summary('random', [null, 0.71, 0.74], [1000, 2000, 3000]),
    summary('tpe<&>', [0.69, 0.75, 0.76], [1000, 2000, 3000]),
  ],
};

describe('sampler comparison chart', () => {
  it('takes the median best after each trial and by time, leaving out trials before any completion', () => {
    const random = comparison.summaries[1]!;
    expect(byTrialPoints(random)).toEqual([
      [2, 0.71],
      [3, 0.74],
    ]);
    expect(byTimePoints(random)).toEqual([
      [2, 0.71],
      [3, 0.74],
    ]);
  });

  it('draws two panels with a staircase per sampler, escaped names and a description of the finals', () => {
    const svg = comparisonSvg(comparison);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(6); // 3 samplers x 2 panels
    // A staircase holds the last best until the next trial: 3 points -> 5 vertices.
    const firstLine = /<polyline points="([^"]+)"/.exec(svg)![1]!.split(' ');
    expect(firstLine).toHaveLength(5);
    expect(firstLine[1]!.split(',')[1]).toBe(firstLine[0]!.split(',')[1]);
    expect(svg).toContain('tpe&#60;&#38;&#62;');
    expect(svg).not.toContain('tpe<&>');
    expect(svg).toContain('grid: 0.7200; random: 0.7400; tpe&#60;&#38;&#62;: 0.7600');
    expect(svg).toContain('stroke-dasharray="6 4"'); // random, which TPE overlaps during its startup
  });

  it('picks round ticks', () => {
    expect(ticks(0.69, 0.76)).toEqual([0.7, 0.72, 0.74, 0.76]);
    expect(ticks(1, 3)).toEqual([1, 1.5, 2, 2.5, 3]);
    expect(ticks(2, 2)).toEqual([2]);
  });
});
