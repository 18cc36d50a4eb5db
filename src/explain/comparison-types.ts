import type { GroupFilter } from './group-filter.js';
import type { Text } from './types.js';

/** Who the comparison is about: a stored client (by id) or given values (a new application). */
export interface ClientRef {
  readonly id?: number;
  /** Feature values by name; read from the feature table when only the id is given. */
  readonly values?: Readonly<Record<string, number | null>>;
}

/** A histogram over shared bins: counts per bin plus the missing values; counts + missing = size. */
export interface Histogram {
  readonly size: number;
  readonly missing: number;
  readonly counts: readonly number[];
}

export interface DistributionRequest {
  readonly feature: string;
  readonly client?: ClientRef;
  readonly filter?: GroupFilter;
  /** Bins for a continuous feature (default 30, at most 100). */
  readonly bins?: number;
  /** Refuse (CS_ERR_GROUP_TOO_SMALL) a group or outcome class smaller than this (the client role: 20). */
  readonly minGroupSize?: number;
}

/**
 * A feature's distribution for all clients, a filtered group, and repaid vs defaulted training
 * clients, over the same bins. Continuous features: equal-width bins between the 0.5th and
 * 99.5th percentiles, values outside counted in the end bins; discrete ones: one bin per value.
 */
export interface FeatureDistribution {
  readonly feature: string;
  readonly label: Text;
  readonly kind: 'continuous' | 'discrete';
  /** Continuous: bins + 1 edges; discrete: the values. */
  readonly edges: readonly number[];
  /** How each bin reads (a range or a level), FR/EN. */
  readonly binLabels: readonly Text[];
  readonly all: Histogram;
  readonly group: (Histogram & { readonly filter: GroupFilter }) | null;
  /** Training clients who repaid / defaulted; null when a class is smaller than minGroupSize. */
  readonly repaid: Histogram | null;
  readonly defaulted: Histogram | null;
  readonly client: ClientPosition | null;
}

/** The client's value, formatted, and where it stands among all clients and in the group. */
export interface ClientPosition {
  readonly value: number | null;
  readonly formatted: Text;
  /** Among all clients (0-100, ties half); null when missing. */
  readonly percentile: number | null;
  /** Bin index holding the value; null when missing. */
  readonly bin: number | null;
}

export interface BivariateRequest {
  readonly x: string;
  readonly y: string;
  readonly filter?: GroupFilter;
  /** Points returned at most (default 2,000, at most 10,000); a deterministic sample. */
  readonly sampleSize?: number;
  readonly client?: ClientRef;
  readonly minGroupSize?: number;
}

/** A deterministic sample of clients' (x, y), with their outcome when known; not for the client role. */
export interface BivariateSample {
  readonly x: string;
  readonly y: string;
  readonly labels: { readonly x: Text; readonly y: Text };
  /** Clients in the group with both values present. */
  readonly population: number;
  readonly points: readonly { readonly x: number; readonly y: number; readonly target: 0 | 1 | null }[];
  readonly client: { readonly x: number | null; readonly y: number | null } | null;
}

export interface ProfileRequest {
  readonly client: ClientRef;
  readonly filter?: GroupFilter;
  readonly minGroupSize?: number;
}

/** A radar: on each key feature, the client's percentile and the group's median as a percentile. */
export interface RadarProfile {
  readonly groupSize: number;
  readonly axes: readonly {
    readonly feature: string;
    readonly label: Text;
    readonly clientValue: number | null;
    readonly clientFormatted: Text;
    readonly clientPercentile: number | null;
    readonly groupMedian: number | null;
    readonly groupMedianPercentile: number | null;
  }[];
}
