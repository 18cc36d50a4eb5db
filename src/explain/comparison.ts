import { ClairscoreError } from '../core/index.js';
import type { Database } from '../data/index.js';
import type { FeatureSchema } from '../features/index.js';
import type {
  BivariateRequest,
  BivariateSample,
  ClientRef,
  DistributionRequest,
  FeatureDistribution,
  Histogram,
  ProfileRequest,
  RadarProfile,
} from './comparison-types.js';
import { checkedFeature, checkedId, FEATURE_TABLE, sqlIdent } from './feature-names.js';
import { entryOf, formatBoth } from './feature-groups.js';
import {
  AGE_BANDS,
  FILTER_COLUMNS,
  INCOME_BANDS,
  type FilterOptions,
  type GroupFilter,
} from './group-filter.js';
import { applicationRelation, checkedFilter, filterCondition, isEmptyFilter } from './group-sql.js';
import { binsFor } from './histogram-bins.js';
import { KEY_FEATURES } from './key-features.js';
import type { PopulationStats } from './population-stats.js';

const num = (value: unknown): number => (value === null || value === undefined ? Number.NaN : Number(value));
const nullable = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/** A whole number within bounds, the default when absent; CS_ERR_BAD_REQUEST otherwise. */
function bounded(name: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  throw new ClairscoreError('CS_ERR_BAD_REQUEST', `${name} must be a whole number from ${min} to ${max}.`, {
    name,
  });
}

/**
 * Comparison data from the workspace database: every query is parameterised, feature names
 * are checked against the schema before they are quoted into SQL, filter values are checked
 * against the accepted ones and bound.
 */
export class Comparison {
  private constructor(
    private readonly db: Database,
    readonly schema: FeatureSchema,
    readonly stats: PopulationStats,
    private readonly options: FilterOptions,
    private readonly applications: string,
  ) {}

  static async open(db: Database, schema: FeatureSchema, stats: PopulationStats): Promise<Comparison> {
    const present = await db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_name IN ('application_train', 'application_test') ORDER BY table_name DESC`,
    );
    const tables = present.map((r) => String(r.table_name));
    if (!tables.includes('application_train')) {
      throw new ClairscoreError(
        'CS_ERR_NO_DATABASE',
        'The workspace database has no application_train table: run `clairscore ingest`.',
      );
    }
    const applications = applicationRelation(tables);
    const levels = async (column: string): Promise<string[]> =>
      (
        await db.query(
          `SELECT DISTINCT "${column}" AS v FROM ${applications} WHERE "${column}" IS NOT NULL ORDER BY v`,
        )
      ).map((r) => String(r.v));
    const options: FilterOptions = {
      gender: await levels(FILTER_COLUMNS.gender),
      ageBand: AGE_BANDS,
      incomeBand: INCOME_BANDS,
      contractType: await levels(FILTER_COLUMNS.contractType),
      familyStatus: await levels(FILTER_COLUMNS.familyStatus),
      education: await levels(FILTER_COLUMNS.education),
    };
    return new Comparison(db, schema, stats, options, applications);
  }

  /** Accepted filter values (bands and the levels present in the data). */
  filterOptions(): FilterOptions {
    return this.options;
  }

  /** Clients in a group (all clients without a filter). */
  async groupSize(filter?: GroupFilter): Promise<number> {
    const checked = checkedFilter(filter, this.options);
    const where = filterCondition(checked);
    const rows = await this.db.query(
      `SELECT count(*) AS n FROM ${this.from(checked)} WHERE ${where.sql}`,
      where.params,
    );
    return num(rows[0]?.n);
  }

  /** A stored client's feature values, all or some (CS_ERR_UNKNOWN_CLIENT when absent). */
  async clientValues(id: number, features?: readonly string[]): Promise<Record<string, number | null>> {
    const checked = checkedId(id);
    const names = (features ?? this.schema.features.map((f) => f.name)).map((f) =>
      checkedFeature(this.schema, f),
    );
    const select = names.map((name) => sqlIdent(name)).join(', ');
    const rows = await this.db.query(`SELECT ${select} FROM ${FEATURE_TABLE} WHERE "SK_ID_CURR" = $1`, [
      checked,
    ]);
    const row = rows[0];
    if (!row)
      throw new ClairscoreError('CS_ERR_UNKNOWN_CLIENT', `No client with id ${checked}.`, { id: checked });
    const values: Record<string, number | null> = {};
    for (const name of names) values[name] = nullable(row[name]);
    return values;
  }

  async distribution(request: DistributionRequest): Promise<FeatureDistribution> {
    const feature = checkedFeature(this.schema, request.feature);
    const filter = checkedFilter(request.filter, this.options);
    const minGroupSize = bounded('minGroupSize', request.minGroupSize, 0, 0, 1_000_000);
    const bins = binsFor(feature, this.stats, bounded('bins', request.bins, 30, 2, 100), this.schema);
    const key = bins.sql(`CAST(f.${sqlIdent(feature)} AS DOUBLE)`, 1);
    const where = filterCondition(filter, 1 + key.params.length);
    const rows = await this.db.query(
      `SELECT ${key.sql} AS k, count(*) AS n, count(*) FILTER (WHERE ${where.sql}) AS g, ` +
        `count(*) FILTER (WHERE f."is_train" = 1 AND f."TARGET" = 0) AS r, ` +
        `count(*) FILTER (WHERE f."is_train" = 1 AND f."TARGET" = 1) AS d ` +
        `FROM ${this.from(filter)} GROUP BY k`,
      [...key.params, ...where.params],
    );
    const histogram = (column: 'n' | 'g' | 'r' | 'd'): Histogram => {
      const counts = new Array<number>(bins.count).fill(0);
      let missing = 0;
      for (const row of rows) {
        const bin = bins.keyToBin(nullable(row.k));
        if (bin === null) missing += num(row[column]);
        else counts[bin]! += num(row[column]);
      }
      return { size: missing + counts.reduce((a, b) => a + b, 0), missing, counts };
    };
    let group: FeatureDistribution['group'] = null;
    if (!isEmptyFilter(filter)) {
      group = { ...histogram('g'), filter };
      this.checkGroup(group.size, minGroupSize);
    }
    const outcome = (h: Histogram): Histogram | null => (h.size >= Math.max(minGroupSize, 1) ? h : null);
    const value = request.client ? await this.clientValue(request.client, feature) : undefined;
    return {
      feature,
      label: entryOf(feature).label,
      kind: bins.kind,
      edges: bins.edges,
      binLabels: bins.labels,
      all: histogram('n'),
      group,
      repaid: outcome(histogram('r')),
      defaulted: outcome(histogram('d')),
      client:
        value === undefined
          ? null
          : {
              value,
              formatted: formatBoth(feature, value, this.schema),
              percentile: this.stats.has(feature) ? this.stats.percentile(feature, value) : null,
              bin: bins.binOf(value),
            },
    };
  }

  async bivariate(request: BivariateRequest): Promise<BivariateSample> {
    const x = checkedFeature(this.schema, request.x);
    const y = checkedFeature(this.schema, request.y);
    const filter = checkedFilter(request.filter, this.options);
    const minGroupSize = bounded('minGroupSize', request.minGroupSize, 0, 0, 1_000_000);
    const sampleSize = bounded('sampleSize', request.sampleSize, 2000, 1, 10_000);
    const where = filterCondition(filter, 2);
    const cx = `CAST(f.${sqlIdent(x)} AS DOUBLE)`;
    const cy = `CAST(f.${sqlIdent(y)} AS DOUBLE)`;
    // a hash of the id orders the sample: the same clients every time, spread over the population
    const rows = await this.db.query(
      `SELECT ${cx} AS x, ${cy} AS y, CASE WHEN f."is_train" = 1 THEN f."TARGET" END AS t, count(*) OVER () AS population ` +
        `FROM ${this.from(filter)} WHERE ${where.sql} AND ${cx} IS NOT NULL AND ${cy} IS NOT NULL AND NOT isnan(${cx}) AND NOT isnan(${cy}) ` +
        `ORDER BY hash(f."SK_ID_CURR"), f."SK_ID_CURR" LIMIT $1`,
      [sampleSize, ...where.params],
    );
    const population = rows.length > 0 ? num(rows[0]!.population) : 0;
    this.checkGroup(population, minGroupSize);
    const client = request.client
      ? { x: await this.clientValue(request.client, x), y: await this.clientValue(request.client, y) }
      : null;
    return {
      x,
      y,
      labels: { x: entryOf(x).label, y: entryOf(y).label },
      population,
      points: rows.map((r) => ({
        x: num(r.x),
        y: num(r.y),
        target: r.t === null ? null : num(r.t) === 1 ? 1 : 0,
      })),
      client,
    };
  }

  /** The radar: the client's percentile on each key feature against the group's median. */
  async profile(request: ProfileRequest): Promise<RadarProfile> {
    const filter = checkedFilter(request.filter, this.options);
    const minGroupSize = bounded('minGroupSize', request.minGroupSize, 0, 0, 1_000_000);
    const features = KEY_FEATURES.filter(
      (f) => this.schema.features.some((c) => c.name === f) && this.stats.has(f),
    );
    const where = filterCondition(filter);
    const medians = features.map((f, i) => `median(CAST(f.${sqlIdent(f)} AS DOUBLE)) AS m${i}`).join(', ');
    const row =
      (
        await this.db.query(
          `SELECT count(*) AS n, ${medians} FROM ${this.from(filter)} WHERE ${where.sql}`,
          where.params,
        )
      )[0] ?? {};
    const groupSize = num(row.n);
    this.checkGroup(groupSize, minGroupSize);
    const values = await this.clientValuesOf(request.client, features);
    return {
      groupSize,
      axes: features.map((feature, i) => {
        const clientValue = values[feature] ?? null;
        const groupMedian = nullable(row[`m${i}`]);
        return {
          feature,
          label: entryOf(feature).label,
          clientValue,
          clientFormatted: formatBoth(feature, clientValue, this.schema),
          clientPercentile: this.stats.percentile(feature, clientValue),
          groupMedian,
          groupMedianPercentile: this.stats.percentile(feature, groupMedian),
        };
      }),
    };
  }

  private from(filter: GroupFilter): string {
    return isEmptyFilter(filter)
      ? `${FEATURE_TABLE} AS f`
      : `${FEATURE_TABLE} AS f LEFT JOIN ${this.applications} AS a ON a."SK_ID_CURR" = f."SK_ID_CURR"`;
  }

  private checkGroup(size: number, minGroupSize: number): void {
    if (size === 0) {
      throw new ClairscoreError('CS_ERR_EMPTY_GROUP', 'No client matches this group: widen the filters.');
    }
    if (size < minGroupSize) {
      throw new ClairscoreError(
        'CS_ERR_GROUP_TOO_SMALL',
        `This group holds fewer than ${minGroupSize} clients; only larger groups can be shown. Widen the filters.`,
        { minGroupSize },
      );
    }
  }

  private async clientValuesOf(
    ref: ClientRef,
    features: readonly string[],
  ): Promise<Readonly<Record<string, number | null>>> {
    if (ref.values) return ref.values;
    if (ref.id !== undefined) return this.clientValues(ref.id, features);
    throw new ClairscoreError('CS_ERR_BAD_REQUEST', 'Name the client by id or give its feature values.');
  }

  private async clientValue(ref: ClientRef, feature: string): Promise<number | null> {
    const given = ref.values?.[feature];
    if (given !== undefined) return given;
    const stored = ref.id === undefined ? {} : { id: ref.id };
    return (await this.clientValuesOf(stored, [feature]))[feature] ?? null;
  }
}
