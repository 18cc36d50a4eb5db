/**
 * Categorical kernels of a Parzen estimator (tpe.md §2.4): kernel i puts prior_weight/n_kernels
 * on every choice plus 1 on the observed one, row-normalised; the prior kernel is uniform.
 */
import type { Rng } from '../core/rng.js';

export interface CategoricalKernels {
  readonly kind: 'categorical';
  /** One probability row per kernel (observations, then the prior), one column per choice. */
  readonly table: readonly (readonly number[])[];
  /** A choice index from kernel j. */
  sample(rng: Rng, j: number): number;
  /** ln probability of choice index x under kernel j. */
  logDensity(j: number, x: number): number;
}

export function buildCategoricalKernels(
  nChoices: number,
  observations: readonly number[],
  priorWeight: number,
): CategoricalKernels {
  const nKernels = observations.length + 1;
  const table: number[][] = [];
  for (let i = 0; i < nKernels; i++) {
    const row = new Array<number>(nChoices).fill(priorWeight / nKernels);
    if (i < observations.length) row[observations[i]!]! += 1;
    const sum = row.reduce((s, w) => s + w, 0);
    table.push(row.map((w) => w / sum));
  }
  const cumulative = table.map((row) => {
    let s = 0;
    return row.map((w) => (s += w));
  });
  return {
    kind: 'categorical',
    table,
    sample: (rng, j) => rng.pickCumulative(cumulative[j]!),
    logDensity: (j, x) => Math.log(table[j]![x] ?? 0),
  };
}
