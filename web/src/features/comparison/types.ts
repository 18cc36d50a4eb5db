import type { GroupFilter, Text } from '../../types/api';

export interface Histogram {
  readonly size: number;
  readonly missing: number;
  readonly counts: readonly number[];
}

/** GET /api/clients/:id/compare/distribution (src/explain FeatureDistribution). */
export interface FeatureDistribution {
  readonly feature: string;
  readonly label: Text;
  readonly kind: 'continuous' | 'discrete';
  readonly edges: readonly number[];
  readonly binLabels: readonly Text[];
  readonly all: Histogram;
  readonly group: (Histogram & { readonly filter: GroupFilter }) | null;
  readonly repaid: Histogram;
  readonly defaulted: Histogram;
  readonly client: {
    readonly value: number | null;
    readonly formatted: Text;
    readonly percentile: number | null;
    readonly bin: number | null;
  } | null;
}

/** GET /api/clients/:id/compare/bivariate. */
export interface BivariateSample {
  readonly x: string;
  readonly y: string;
  readonly labels: { readonly x: Text; readonly y: Text };
  readonly population: number;
  readonly points: readonly { readonly x: number; readonly y: number; readonly target: 0 | 1 | null }[];
  readonly client: { readonly x: number | null; readonly y: number | null } | null;
}

/** GET /api/clients/:id/compare/profile. */
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

/** GET /api/clients/:id/compare/neighbours. */
export interface Neighbour {
  readonly id: number;
  readonly distance: number;
  readonly target: 0 | 1 | null;
  readonly score: number | null;
}

/** GET /api/compare/filters: accepted values per filter. */
export type FilterOptions = Readonly<Record<string, readonly string[]>>;

/** A feature the advisor may pick. */
export interface FeatureChoice {
  readonly name: string;
  readonly label: string;
  readonly origin: string;
}

export type CompareMode = 'all' | 'group' | 'neighbours' | 'outcome';
