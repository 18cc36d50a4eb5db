/** Shapes the service answers (src/api/schemas); kept by hand so the web build does not compile the server. */

export type Lang = 'fr' | 'en';
export type Role = 'advisor' | 'client' | 'admin';
export type Decision = 'accepted' | 'refused' | 'review';
export type Direction = 'raises' | 'lowers';

/** A text in both languages. */
export interface Text {
  readonly en: string;
  readonly fr: string;
}

export interface Me {
  readonly username: string;
  readonly role: Role;
  readonly clientId: number | null;
}

export interface FeatureContribution {
  readonly name: string;
  readonly label: Text;
  readonly logOddsContribution: number;
  readonly value: number | null;
  readonly formatted: Text;
}

export interface ContributionGroup {
  readonly key: string;
  readonly label: Text;
  readonly logOddsContribution: number;
  readonly direction: Direction;
  readonly features: readonly FeatureContribution[];
}

export interface Reason {
  readonly group: string;
  readonly label: Text;
  readonly feature: string;
  readonly featureLabel: Text;
  readonly value: number | null;
  readonly formatted: Text;
  readonly percentile: number | null;
  readonly sameValueShare: number | null;
  readonly logOddsContribution: number;
  readonly direction: Direction;
  readonly sentence: Text;
}

export interface Explanation {
  readonly modelVersion: number;
  readonly scale: 'log-odds';
  readonly rawLogOdds: number;
  readonly bias: number;
  readonly probability: number;
  readonly decision: Decision;
  readonly threshold: number;
  readonly reviewBand: number;
  readonly groups: readonly ContributionGroup[];
  readonly raising: readonly Reason[];
  readonly lowering: readonly Reason[];
  readonly interpretation: { readonly advisor: Text; readonly client: Text };
}

export interface FinalDecision {
  readonly decision: 'accept' | 'refuse';
  readonly reason: string;
  readonly by: string;
  readonly at: string;
  readonly modelVersion: number | null;
}

/** GET /api/clients/:id/score and POST /api/score. */
export interface Score {
  readonly clientId: number;
  readonly modelVersion: number;
  readonly featureVersion: string;
  readonly probability: number;
  readonly rawLogOdds: number;
  readonly decision: Decision;
  readonly threshold: number;
  readonly review: { readonly low: number; readonly high: number } | null;
  readonly explanation: Explanation | null;
  readonly finalDecision: FinalDecision | null;
}

/** The group filters of comparisons and search. */
export interface GroupFilter {
  readonly gender?: string;
  readonly ageBand?: string;
  readonly incomeBand?: string;
  readonly contractType?: string;
  readonly familyStatus?: string;
  readonly education?: string;
}

export const FILTER_KEYS = [
  'gender',
  'ageBand',
  'incomeBand',
  'contractType',
  'familyStatus',
  'education',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
