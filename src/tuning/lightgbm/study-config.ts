/**
 * The configuration of a new study from the command line, or of a resumed one from its
 * study.json: a resumed study keeps its sampler, seed, folds, rounds and space (else it would
 * not be the same study), so a flag that contradicts them is refused rather than ignored.
 */
import { ClairscoreError } from '../../core/index.js';
import { DEFAULT_EARLY_STOPPING, DEFAULT_FOLDS, DEFAULT_ROUNDS, DEFAULT_SEED } from '../../training/index.js';
import { GridSampler } from '../grid-sampler.js';
import { MedianPruner } from '../median-pruner.js';
import { NopPruner, type Pruner } from '../pruner.js';
import { RandomSampler } from '../random-sampler.js';
import type { Sampler } from '../sampler.js';
import { defaultSearchSpace } from '../space-config.js';
import { TpeSampler } from '../tpe-sampler.js';
import { spaceToJson, type PrunerName, type SamplerName, type StudyConfig } from './study-files.js';

/** The settings given on the command line; undefined = not given. */
export type RequestedConfig = { readonly [K in keyof StudyConfig]?: StudyConfig[K] };

const FLAGS: Readonly<Record<keyof StudyConfig, string>> = {
  sampler: '--sampler',
  seed: '--seed',
  pruner: '--pruner',
  folds: '--folds',
  numBoostRound: '--rounds',
  earlyStoppingRounds: '--early-stopping',
  threads: '--threads',
  space: '--space',
};

/** A new study's configuration: what was asked, defaults for the rest. */
export function newConfig(requested: RequestedConfig): StudyConfig {
  return {
    sampler: requested.sampler ?? 'tpe',
    seed: requested.seed ?? DEFAULT_SEED,
    pruner: requested.pruner ?? 'median',
    folds: requested.folds ?? DEFAULT_FOLDS,
    numBoostRound: requested.numBoostRound ?? DEFAULT_ROUNDS,
    earlyStoppingRounds: requested.earlyStoppingRounds ?? DEFAULT_EARLY_STOPPING,
    threads: requested.threads ?? null,
    space: requested.space ?? defaultSearchSpace(),
  };
}

/** The saved configuration, after checking that no flag asks for something else. */
export function resumedConfig(name: string, saved: StudyConfig, requested: RequestedConfig): StudyConfig {
  const conflicts: string[] = [];
  for (const key of Object.keys(FLAGS) as (keyof StudyConfig)[]) {
    const asked = requested[key];
    if (asked === undefined) continue;
    const same =
      key === 'space'
        ? JSON.stringify(spaceToJson(saved.space)) ===
          JSON.stringify(spaceToJson(asked as StudyConfig['space']))
        : asked === saved[key];
    if (!same) {
      const was = key === 'space' ? 'another search space' : `${FLAGS[key]} ${String(saved[key])}`;
      conflicts.push(`${FLAGS[key]}: the study was created with ${was}`);
    }
  }
  if (conflicts.length > 0) {
    throw new ClairscoreError(
      'CS_ERR_USAGE',
      `Study ${name} exists and resuming it keeps its settings:\n${conflicts.map((c) => `  - ${c}`).join('\n')}\nDrop these flags to resume it, or give a new --study name.`,
      { study: name, conflicts },
    );
  }
  return saved;
}

/** The sampler a configuration names, seeded. */
export function createSampler(name: SamplerName, seed: number): Sampler {
  switch (name) {
    case 'tpe':
      return new TpeSampler({ seed });
    case 'random':
      return new RandomSampler({ seed });
    case 'grid':
      return new GridSampler({ seed });
  }
}

/** The pruner a configuration names (Optuna's MedianPruner defaults). */
export function createPruner(name: PrunerName): Pruner {
  return name === 'median' ? new MedianPruner() : new NopPruner();
}

/** A fresh study name: the sampler and the UTC time, e.g. tpe-20261129-101500. */
export function defaultStudyName(sampler: SamplerName, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${sampler}-${stamp}`;
}
