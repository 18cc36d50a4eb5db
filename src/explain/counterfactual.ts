import { ClairscoreError } from '../core/index.js';
import type { FeatureEngine } from '../features/index.js';
import type { Decision } from '../model/index.js';
import type { ScoringModel } from '../registry/index.js';
import { leverSentence, unreachableReason } from './counterfactual-text.js';
import { searchLever, type Evaluation } from './counterfactual-search.js';
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

const LEVERS: readonly Lever[] = ['amount', 'term', 'contribution'];

const amount = (application: Readonly<Record<string, unknown>>, field: string): number | null => {
  const value = application[field];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
};

/** Money rounded to the cent, as applications carry it. */
const money = (value: number): number => Math.round(value * 100) / 100;

interface LeverPlan {
  /** Largest change searched (0-1 of the lever's field). */
  readonly maxChange: number;
  /** The application with a change c applied. */
  readonly apply: (change: number) => Record<string, unknown>;
  readonly field: 'AMT_CREDIT' | 'AMT_ANNUITY';
}

/** How each lever changes the application; a text saying why when it cannot apply. */
function plan(
  lever: Lever,
  application: Readonly<Record<string, unknown>>,
  minShare: number,
  maxTerm: number,
): LeverPlan | Text {
  const credit = amount(application, 'AMT_CREDIT');
  const annuity = amount(application, 'AMT_ANNUITY');
  const goods = amount(application, 'AMT_GOODS_PRICE');
  if (credit === null) return unreachableReason('no-credit');
  const scaledLoan = (change: number, goodsToo: boolean): Record<string, unknown> => ({
    ...application,
    AMT_CREDIT: money(credit * (1 - change)),
    ...(annuity === null ? {} : { AMT_ANNUITY: money(annuity * (1 - change)) }),
    ...(goods !== null && goodsToo ? { AMT_GOODS_PRICE: money(goods * (1 - change)) } : {}),
  });
  switch (lever) {
    case 'amount':
      return { maxChange: 1 - minShare, field: 'AMT_CREDIT', apply: (c) => scaledLoan(c, true) };
    case 'contribution':
      if (goods === null) return unreachableReason('no-goods');
      return { maxChange: 1 - minShare, field: 'AMT_CREDIT', apply: (c) => scaledLoan(c, false) };
    case 'term': {
      if (annuity === null) return unreachableReason('no-annuity');
      // a lower annuity for the same amount is a longer term, up to maxTerm months
      const maxChange = Math.min(1 - minShare, 1 - credit / maxTerm / annuity);
      if (!(maxChange > 0)) return unreachableReason('term-at-bound');
      return {
        maxChange,
        field: 'AMT_ANNUITY',
        apply: (c) => ({ ...application, AMT_ANNUITY: money(annuity * (1 - c)) }),
      };
    }
  }
}

/**
 * For a refused or review application, the smallest change per lever that flips it to accepted:
 * a scan from no change to the bound, a bisection on the first bracket, the final point verified.
 */
export async function findCounterfactual(
  engine: FeatureEngine,
  model: ScoringModel,
  application: Readonly<Record<string, unknown>>,
  options: CounterfactualOptions = {},
): Promise<CounterfactualResult> {
  const started = performance.now();
  const minShare = options.minShare ?? 0.2;
  const terms = options.termMonths ?? { min: 6, max: 360 };
  if (!(minShare > 0 && minShare < 1) || !(terms.min > 0 && terms.max > terms.min)) {
    throw new ClairscoreError(
      'CS_ERR_BAD_REQUEST',
      'minShare must be in (0, 1) and the term bounds increasing.',
    );
  }
  let evaluations = 0;
  const evaluate = async (candidate: Record<string, unknown>): Promise<Evaluation> => {
    evaluations++;
    const features = await engine.compute(candidate);
    const probability = model.score(features.vector).probability[0]!;
    return { probability, decision: model.decide(probability) };
  };
  const original = await evaluate({ ...application });
  const suggestions: CounterfactualSuggestion[] = [];
  const unreachable: { lever: Lever; reason: Text }[] = [];
  if (original.decision !== 'accepted') {
    for (const lever of options.levers ?? LEVERS) {
      const leverPlan = plan(lever, application, minShare, terms.max);
      if (!('apply' in leverPlan)) {
        unreachable.push({ lever, reason: leverPlan });
        continue;
      }
      const found = await searchLever(leverPlan.maxChange, (c) => evaluate(leverPlan.apply(c)), {
        steps: options.scanSteps ?? 10,
        tolerance: options.tolerance ?? 0.005,
      });
      if (!found) {
        unreachable.push({ lever, reason: unreachableReason('bound', minShare, terms.max) });
        continue;
      }
      const changed = leverPlan.apply(found.change);
      const changes: Record<string, { from: number; to: number }> = {};
      for (const field of ['AMT_CREDIT', 'AMT_ANNUITY', 'AMT_GOODS_PRICE']) {
        const from = amount(application, field);
        const to = amount(changed, field);
        if (from !== null && to !== null && from !== to) changes[field] = { from, to };
      }
      const before = amount(application, leverPlan.field)!;
      const credit = amount(changed, 'AMT_CREDIT')!;
      const annuity = amount(changed, 'AMT_ANNUITY');
      const suggestion = {
        lever,
        changes,
        relativeChange: -found.change,
        termMonths: annuity === null ? Number.NaN : credit / annuity,
        probability: found.at.probability,
        decision: found.at.decision,
        notAcceptedAt: money(before * (1 - found.notAcceptedChange)),
        application: changed,
      };
      suggestions.push({ ...suggestion, sentence: leverSentence(lever, application, suggestion) });
    }
  }
  suggestions.sort((a, b) => Math.abs(a.relativeChange) - Math.abs(b.relativeChange));
  return {
    probability: original.probability,
    decision: original.decision,
    suggestions,
    unreachable,
    evaluations,
    elapsedMs: performance.now() - started,
  };
}
