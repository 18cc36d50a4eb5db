import type { Text } from '../features/index.js';
import type { Decision } from '../model/index.js';

export type { Text };

/** Which way a contribution pushes the estimated risk of default. */
export type Direction = 'raises' | 'lowers';

/** One feature inside a contribution group. */
export interface FeatureContribution {
  readonly name: string;
  readonly label: Text;
  /** SHAP value on LightGBM's log-odds scale. */
  readonly logOddsContribution: number;
  /** The client's value (null when missing) and how a person reads it. */
  readonly value: number | null;
  readonly formatted: Text;
}

/** Contributions of the features of one readable concept (e.g. "External credit scores"), summed. */
export interface ContributionGroup {
  readonly key: string;
  readonly label: Text;
  /** Sum of the members' SHAP values, log-odds scale. */
  readonly logOddsContribution: number;
  readonly direction: Direction;
  /** Model features in the group. */
  readonly size: number;
  /** Members with a non-zero contribution, largest first, at most MEMBERS_SHOWN (the sum covers all). */
  readonly features: readonly FeatureContribution[];
}

/** A top reason: a group, its leading feature placed among all clients, and a sentence. */
export interface Reason {
  readonly group: string;
  readonly label: Text;
  /** The group's member with the largest absolute contribution, whose value the sentence shows. */
  readonly feature: string;
  readonly featureLabel: Text;
  readonly value: number | null;
  readonly formatted: Text;
  /** Share of clients (0-100) with a lower value, ties counted half; null when missing or categorical. */
  readonly percentile: number | null;
  /** For a missing or categorical value: the share of clients (0-100) with that same value. */
  readonly sameValueShare: number | null;
  readonly logOddsContribution: number;
  readonly direction: Direction;
  readonly sentence: Text;
}

/** The explanation of one score. Every contribution is on LightGBM's log-odds scale. */
export interface ScoreExplanation {
  readonly modelVersion: number;
  readonly scale: 'log-odds';
  readonly rawLogOdds: number;
  /** The expected value (SHAP bias): raw score = bias + sum of all contributions. */
  readonly bias: number;
  readonly probability: number;
  readonly decision: Decision;
  readonly threshold: number;
  readonly reviewBand: number;
  /** Every group, largest absolute contribution first. */
  readonly groups: readonly ContributionGroup[];
  /** Top reasons that raise the risk (largest first) and that lower it. */
  readonly raising: readonly Reason[];
  readonly lowering: readonly Reason[];
  /** One paragraph for the advisor (third person) and one addressed to the client ("vous"/"you"). */
  readonly interpretation: { readonly advisor: Text; readonly client: Text };
}
