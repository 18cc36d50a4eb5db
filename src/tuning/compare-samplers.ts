/**
 * Sampler comparison on one budget (the way data scientists compare GridSearchCV,
 * RandomizedSearchCV and Optuna): for each sampler and seed, run a study and record the best
 * value reached after each trial and over elapsed time; summarise with quartiles over seeds.
 * The result is plain data for the "sampler comparison" artifact and the dashboard.
 */
import type { Pruner } from './pruner.js';
import { NopPruner } from './pruner.js';
import type { Sampler } from './sampler.js';
import type { SearchSpace } from './search-space.js';
import { quartiles } from './stats.js';
import type { Quartiles } from './stats.js';
import { Study } from './study.js';
import type { Objective } from './study.js';
import type { Direction, FrozenTrial } from './trial-record.js';
import { isBetter } from './trial-record.js';

/** The incumbent after a trial: the best COMPLETE trial so far, scored by `evaluate`. */
export interface ConvergencePoint {
  /** 1-based count of trials finished. */
  readonly trials: number;
  /** Milliseconds from the first trial's start to this trial's end. */
  readonly elapsedMs: number;
  /** evaluate(incumbent), null before any trial completes. */
  readonly best: number | null;
}

/**
 * Best-so-far curve. The incumbent is chosen on the observed value; `evaluate` may score it
 * differently (for a noisy objective: its noise-free value, so luck in the noise is not counted).
 */
export function convergenceCurve(
  trials: readonly FrozenTrial[],
  direction: Direction,
  evaluate: (trial: FrozenTrial) => number = (t) => t.value!,
): ConvergencePoint[] {
  const sorted = [...trials].sort((a, b) => a.number - b.number);
  const start = sorted.length > 0 ? Math.min(...sorted.map((t) => t.startedAt)) : 0;
  let incumbent: FrozenTrial | undefined;
  let best: number | null = null;
  return sorted.map((trial, i) => {
    if (
      trial.state === 'COMPLETE' &&
      (incumbent === undefined || isBetter(trial.value!, incumbent.value!, direction))
    ) {
      incumbent = trial;
      best = evaluate(trial);
    }
    return { trials: i + 1, elapsedMs: trial.completedAt - start, best };
  });
}

export interface SamplerEntry {
  readonly name: string;
  readonly create: (seed: number) => Sampler;
  /** Space for this sampler when it differs (grid values for the grid sampler). */
  readonly space?: SearchSpace;
}

export interface CompareOptions {
  readonly space: SearchSpace;
  readonly direction: Direction;
  readonly samplers: readonly SamplerEntry[];
  readonly seeds: readonly number[];
  /** The objective of the run with this seed (seeding its noise, data split...) and sampler. */
  readonly objective: (seed: number, sampler: string) => Objective;
  /** After each trial of each run (the tuning command records it as a child run). */
  readonly onTrialEnd?: (trial: FrozenTrial, run: { sampler: string; seed: number }) => void | Promise<void>;
  readonly nTrials?: number;
  readonly timeoutSeconds?: number;
  readonly pruner?: () => Pruner;
  readonly evaluate?: (trial: FrozenTrial) => number;
  /** Points of the common time axis in the summary (default 20). */
  readonly timePoints?: number;
}

export interface SamplerRun {
  readonly sampler: string;
  readonly seed: number;
  readonly curve: readonly ConvergencePoint[];
  /** The final incumbent's score, null when no trial completed. */
  readonly best: number | null;
  readonly trials: readonly FrozenTrial[];
}

export interface SamplerSummary {
  readonly sampler: string;
  /** Quartiles over seeds of the final best. */
  readonly final: Quartiles;
  /** Quartiles over seeds of the best after each trial count (index 0 = after 1 trial). */
  readonly byTrial: readonly Quartiles[];
  /** Quartiles over seeds of the best reached by each time of the common time axis. */
  readonly byTime: readonly { readonly elapsedMs: number; readonly best: Quartiles }[];
}

export interface SamplerComparison {
  readonly direction: Direction;
  readonly nTrials: number | null;
  readonly timeoutSeconds: number | null;
  readonly seeds: readonly number[];
  readonly runs: readonly SamplerRun[];
  readonly summaries: readonly SamplerSummary[];
}

/** Runs every sampler with every seed on the same budget and summarises the curves. */
export async function compareSamplers(options: CompareOptions): Promise<SamplerComparison> {
  const runs: SamplerRun[] = [];
  for (const entry of options.samplers) {
    for (const seed of options.seeds) {
      const study = new Study({
        space: entry.space ?? options.space,
        sampler: entry.create(seed),
        pruner: options.pruner?.() ?? new NopPruner(),
        direction: options.direction,
        name: `${entry.name}-${seed}`,
      });
      const onTrialEnd = options.onTrialEnd;
      await study.optimize(options.objective(seed, entry.name), {
        ...(onTrialEnd === undefined
          ? {}
          : { onTrialEnd: (trial: FrozenTrial) => onTrialEnd(trial, { sampler: entry.name, seed }) }),
        ...(options.nTrials === undefined ? {} : { nTrials: options.nTrials }),
        ...(options.timeoutSeconds === undefined ? {} : { timeoutSeconds: options.timeoutSeconds }),
      });
      const curve = convergenceCurve(study.trials, options.direction, options.evaluate);
      runs.push({ sampler: entry.name, seed, curve, best: curve.at(-1)?.best ?? null, trials: study.trials });
    }
  }
  const horizon = Math.max(0, ...runs.flatMap((r) => r.curve.map((p) => p.elapsedMs)));
  const nPoints = options.timePoints ?? 20;
  const times = Array.from({ length: nPoints }, (_, i) => (horizon * (i + 1)) / nPoints);
  const summaries = options.samplers.map((entry) => summarise(entry.name, runs, times));
  return {
    direction: options.direction,
    nTrials: options.nTrials ?? null,
    timeoutSeconds: options.timeoutSeconds ?? null,
    seeds: options.seeds,
    runs,
    summaries,
  };
}

function summarise(
  sampler: string,
  allRuns: readonly SamplerRun[],
  times: readonly number[],
): SamplerSummary {
  const runs = allRuns.filter((r) => r.sampler === sampler);
  const values = (xs: (number | null | undefined)[]): number[] =>
    xs.filter((x): x is number => typeof x === 'number');
  const longest = Math.max(0, ...runs.map((r) => r.curve.length));
  return {
    sampler,
    final: quartiles(values(runs.map((r) => r.best))),
    byTrial: Array.from({ length: longest }, (_, i) => quartiles(values(runs.map((r) => r.curve[i]?.best)))),
    byTime: times.map((t) => ({
      elapsedMs: t,
      best: quartiles(values(runs.map((r) => r.curve.filter((p) => p.elapsedMs <= t).at(-1)?.best))),
    })),
  };
}
