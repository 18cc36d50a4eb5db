/** GET /api/drift/latest (src/drift DriftReport). */
export type DriftDistribution =
  | {
      readonly kind: 'histogram';
      readonly edges: readonly number[];
      readonly reference: readonly number[];
      readonly current: readonly number[];
    }
  | {
      readonly kind: 'categories';
      readonly labels: readonly string[];
      readonly reference: readonly number[];
      readonly current: readonly number[];
    };

export interface ColumnDrift {
  readonly columnName: string;
  readonly columnType: 'num' | 'cat' | 'text';
  readonly status: 'tested' | 'not_tested';
  readonly stattest: string | null;
  readonly stattestName: string | null;
  readonly stattestThreshold: number | null;
  readonly driftScore: number | null;
  readonly driftDetected: boolean;
  readonly reason?: string;
  readonly reference: { readonly rows: number; readonly missing: number };
  readonly current: { readonly rows: number; readonly missing: number };
  readonly distribution: DriftDistribution | null;
}

export interface DriftReport {
  readonly createdAt: string;
  readonly columnSet: 'raw' | 'features';
  readonly reference: { readonly name: string; readonly rows: number };
  readonly current: { readonly name: string; readonly rows: number; readonly since?: string };
  readonly dataset: {
    readonly numberOfColumns: number;
    readonly numberOfDriftedColumns: number;
    readonly shareOfDriftedColumns: number;
    readonly datasetDrift: boolean;
    readonly driftShare: number;
  };
  readonly columns: readonly ColumnDrift[];
  readonly warnings: readonly string[];
  readonly prediction: ColumnDrift | null;
}
