/**
 * The interface every sampler implements, and the per-(trial, parameter) random streams
 * that make sampling deterministic for a seed, including across a resumed study.
 */
import { Rng } from '../core/rng.js';
import type { Params, SearchSpace } from './search-space.js';
import type { StudyView } from './trial-record.js';

export interface Sampler {
  /** 'tpe', 'random' or 'grid': recorded with the study. */
  readonly name: string;
  /** Throws a CS_ERR_SEARCH_SPACE error when the space cannot be sampled (called before any trial). */
  check?(space: SearchSpace): void;
  /** Parameters for trial `number`, given the finished trials of the study. */
  sample(space: SearchSpace, study: StudyView, number: number): Params;
  /** True when no further trial would be new (the grid is exhausted); the study then stops. */
  isExhausted?(space: SearchSpace, study: StudyView): boolean;
}

/**
 * A stream keyed by (seed, purpose, trial number, parameter name) rather than one stream per
 * sampler: a trial's draws then depend only on the seed and the trials before it, so a study
 * resumed in a new process from saved trials samples exactly what the uninterrupted one would.
 */
export function streamRng(seed: number, purpose: string, number: number, name = ''): Rng {
  return new Rng(seed, fnv1a(`${purpose}:${number}:${name}`));
}

/** 32-bit FNV-1a hash of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
