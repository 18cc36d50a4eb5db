import type { Decision, Text } from '../../types/api';

/** One application as the scoring route takes it: application_train fields plus optional history arrays. */
export type Application = Readonly<Record<string, unknown>> & { readonly SK_ID_CURR: number };

/** The fields the simulator changes. */
export interface Levers {
  readonly AMT_CREDIT: number;
  readonly AMT_ANNUITY: number;
  readonly AMT_GOODS_PRICE: number;
  readonly AMT_INCOME_TOTAL: number;
}

export interface CounterfactualSuggestion {
  readonly lever: 'amount' | 'term' | 'contribution';
  readonly changes: Readonly<Record<string, { readonly from: number; readonly to: number }>>;
  readonly relativeChange: number;
  readonly termMonths: number;
  readonly probability: number;
  readonly decision: Decision;
  readonly sentence: Text;
  readonly application: Record<string, unknown>;
}

/** POST /api/counterfactual (src/explain CounterfactualResult). */
export interface CounterfactualResult {
  readonly probability: number;
  readonly decision: Decision;
  readonly suggestions: readonly CounterfactualSuggestion[];
  readonly unreachable: readonly { readonly lever: string; readonly reason: Text }[];
}
