import type { Rng } from '../../../core/index.js';
import { appFacts } from './quantile-curve.js';

/** A categorical distribution over labels, with cumulative weights for fast draws. */
export class Categorical {
  readonly labels: readonly string[];
  readonly weights: readonly number[];
  private readonly cumulative: Float64Array;

  constructor(levels: readonly (readonly [string, number])[]) {
    this.labels = levels.map(([label]) => label);
    this.weights = levels.map(([, weight]) => weight);
    this.cumulative = new Float64Array(levels.length);
    let total = 0;
    levels.forEach(([, weight], i) => {
      total += weight;
      this.cumulative[i] = total;
    });
  }

  /** A random label. */
  pick(rng: Rng): string {
    return this.labels[rng.pickCumulative(this.cumulative)]!;
  }

  /** The label at cumulative share u in [0, 1): levels act as ordered bins (ordinal copula). */
  at(u: number): string {
    const x = u * this.cumulative[this.cumulative.length - 1]!;
    let i = 0;
    while (i < this.cumulative.length - 1 && this.cumulative[i]! <= x) i++;
    return this.labels[i]!;
  }

  /** The same distribution without some levels (e.g. train-only rarities for test rows). */
  without(...labels: readonly string[]): Categorical {
    return new Categorical(
      this.labels.flatMap((l, i) => (labels.includes(l) ? [] : [[l, this.weights[i]!] as const])),
    );
  }

  /** The same levels reordered (for an ordinal copula). */
  ordered(order: readonly string[]): Categorical {
    return new Categorical(order.map((l) => [l, this.weights[this.labels.indexOf(l)]!] as const));
  }

  share(label: string): number {
    const total = this.weights.reduce((s, w) => s + w, 0);
    return (this.weights[this.labels.indexOf(label)] ?? 0) / total;
  }
}

/** The real level shares of a categorical application column. */
export function factCategorical(name: string): Categorical {
  const levels = appFacts(name).levels;
  if (!levels) throw new Error(`no levels for ${name}`);
  return new Categorical(levels);
}

/**
 * Conditional distributions P(level | group) proportional to base(level) x affinity(group, level),
 * with base fitted so that the mixture over groups reproduces the target marginal shares.
 * This is how correlated categoricals (organization given income type, occupation given
 * organization) keep their real marginal frequencies.
 */
export function fitConditional(
  targets: readonly (readonly [string, number])[],
  groups: readonly (readonly [group: string, weight: number])[],
  affinity: (group: string, level: string) => number,
): Map<string, Categorical> {
  const labels = targets.map(([l]) => l);
  const target = targets.map(([, w]) => w);
  const targetTotal = target.reduce((s, w) => s + w, 0);
  const groupTotal = groups.reduce((s, [, w]) => s + w, 0);
  const aff = groups.map(([g]) => labels.map((l) => affinity(g, l)));
  const base = target.map((w) => w / targetTotal);
  for (let iteration = 0; iteration < 200; iteration++) {
    const current = new Array<number>(labels.length).fill(0);
    groups.forEach(([, gw], gi) => {
      const row = aff[gi]!.map((a, li) => a * base[li]!);
      const rowTotal = row.reduce((s, v) => s + v, 0);
      row.forEach((v, li) => (current[li]! += ((gw / groupTotal) * v) / rowTotal));
    });
    let worst = 0;
    for (let li = 0; li < labels.length; li++) {
      const want = target[li]! / targetTotal;
      if (current[li]! > 0) base[li]! *= want / current[li]!;
      worst = Math.max(worst, Math.abs(current[li]! - want));
    }
    if (worst < 1e-9) break;
  }
  return new Map(
    groups.map(([g], gi) => [
      g,
      new Categorical(labels.map((l, li) => [l, aff[gi]![li]! * base[li]!] as const)),
    ]),
  );
}
