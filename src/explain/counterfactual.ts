import type { FeatureEngine } from '../features/index.js';
import type { Decision } from '../model/index.js';
import type { ScoringModel } from '../registry/index.js';
import type { Text } from './types.js';

/**
 * What the client changes: a smaller loan for cheaper goods at the same term ('amount'), a longer
 * term for the same loan ('term'), or a personal contribution (a smaller loan for the same goods).
 */
export type Lever = 'amount' | 'term' | 'contribution';

export interface CounterfactualOptions {
  /** The amount may not go below this share of the original (default 0.2). */
  readonly minShare?: number;
  /** Term bounds in months, as AMT_CREDIT / AMT_ANNUITY (default 6-360). */
  readonly termMonths?: { readonly min: number; readonly max: number };
  /** Points scanned from no change to the bound before the bisection (default 10). */
  readonly scanSteps?: number;
  /** Bisection stops when the bracket is this share of the original value wide (default 0.005). */
  readonly tolerance?: number;
  readonly levers?: readonly Lever[];
}

/** The smallest change on one lever that makes the application accepted. */
export interface CounterfactualSuggestion {
  readonly lever: Lever;
  /** New values of the fields changed (AMT_CREDIT, AMT_ANNUITY, AMT_GOODS_PRICE). */
  readonly changes: Readonly<Record<string, { readonly from: number; readonly to: number }>>;
  /** The lever's field, relative change from the original (e.g. -0.18). */
  readonly relativeChange: number;
  /** Term in months (AMT_CREDIT / AMT_ANNUITY) after the change. */
  readonly termMonths: number;
  readonly probability: number;
  readonly decision: Decision;
  /** The nearest value tried that was still not accepted (the bisection's other end). */
  readonly notAcceptedAt: number;
  readonly sentence: Text;
  /** The modified application (same JSON shape as the input). */
  readonly application: Record<string, unknown>;
}

export interface CounterfactualResult {
  readonly probability: number;
  readonly decision: Decision;
  /** Suggestions, smallest relative change first; empty when accepted or when nothing flips within bounds. */
  readonly suggestions: readonly CounterfactualSuggestion[];
  /** Levers with no accepted point within their bounds, or not applicable. */
  readonly unreachable: readonly { readonly lever: Lever; readonly reason: Text }[];
  /** Feature computations + scorings made. */
  readonly evaluations: number;
  readonly elapsedMs: number;
}

/**
 * For a refused or review application, the smallest change per lever that flips it to accepted:
 * a scan from no change to the bound, a bisection on the first bracket, the final point verified.
 */
export function findCounterfactual(
  engine: FeatureEngine,
  model: ScoringModel,
  application: Readonly<Record<string, unknown>>,
  options: CounterfactualOptions = {},
): Promise<CounterfactualResult> {
  void engine;
  void model;
  void application;
  void options;
  throw new Error('not implemented');
}
