import type { DuckDBValue } from '@duckdb/node-api';

import { AGE_BANDS, INCOME_BANDS, type AgeBand, type IncomeBand } from '../../explain/index.js';
import type { ReadOnlyDatabase } from '../state/read-only-database.js';

export interface SearchQuery {
  /** Leading digits of SK_ID_CURR. */
  readonly prefix?: string;
  readonly set?: 'train' | 'test';
  readonly gender?: string;
  readonly ageBand?: AgeBand;
  readonly incomeBand?: IncomeBand;
  readonly contractType?: string;
  readonly familyStatus?: string;
  readonly education?: string;
  readonly limit: number;
  readonly offset: number;
}

export interface ClientSummary {
  readonly clientId: number;
  readonly set: 'train' | 'test';
  readonly gender: string | null;
  readonly age: number | null;
  readonly contractType: string | null;
  readonly income: number | null;
  readonly credit: number | null;
  readonly familyStatus: string | null;
  readonly education: string | null;
}

const COLUMNS = `"SK_ID_CURR", "CODE_GENDER", "DAYS_BIRTH", "NAME_CONTRACT_TYPE", "AMT_INCOME_TOTAL", "AMT_CREDIT", "NAME_FAMILY_STATUS", "NAME_EDUCATION_TYPE"`;
const AGE = `(-"DAYS_BIRTH" / 365.25)`;

/** [low, high) bounds of a band label such as '25-34', '<25', '65+', '100k-150k', '300k+'. */
function bandBounds(band: string, scale: number, inclusiveTop: boolean): [number, number] {
  const k = (text: string): number => Number(text.replace('k', '')) * scale;
  if (band.startsWith('<')) return [Number.NEGATIVE_INFINITY, k(band.slice(1))];
  if (band.endsWith('+')) return [k(band.slice(0, -1)), Number.POSITIVE_INFINITY];
  const [low, high] = band.split('-');
  return [k(low!), k(high!) + (inclusiveTop ? 1 : 0)];
}

/** Checked against the known bands before any SQL is written. */
const AGE_BOUNDS = new Map(AGE_BANDS.map((b) => [b, bandBounds(b, 1, true)]));
const INCOME_BOUNDS = new Map(INCOME_BANDS.map((b) => [b, bandBounds(b, 1000, false)]));

/**
 * Clients by id prefix and filters over application_train and application_test. The SQL text
 * is fixed; every value the caller gave is a bound parameter.
 */
export async function searchClients(
  db: ReadOnlyDatabase,
  query: SearchQuery,
): Promise<{ total: number; items: ClientSummary[] }> {
  const tables = await db.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_name IN ('application_train', 'application_test')`,
  );
  const present = new Set(tables.map((t) => String(t.name)));
  const parts = (['train', 'test'] as const)
    .filter((set) => present.has(`application_${set}`) && (query.set === undefined || query.set === set))
    .map((set) => `SELECT ${COLUMNS}, '${set}' AS set FROM "application_${set}"`);
  if (parts.length === 0) return { total: 0, items: [] };

  const where: string[] = [];
  const params: DuckDBValue[] = [];
  const bind = (value: DuckDBValue): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.prefix) where.push(`starts_with(CAST("SK_ID_CURR" AS VARCHAR), ${bind(query.prefix)})`);
  if (query.gender !== undefined) where.push(`"CODE_GENDER" = ${bind(query.gender)}`);
  if (query.contractType !== undefined) where.push(`"NAME_CONTRACT_TYPE" = ${bind(query.contractType)}`);
  if (query.familyStatus !== undefined) where.push(`"NAME_FAMILY_STATUS" = ${bind(query.familyStatus)}`);
  if (query.education !== undefined) where.push(`"NAME_EDUCATION_TYPE" = ${bind(query.education)}`);
  for (const [band, bounds, expression] of [
    [query.ageBand, query.ageBand && AGE_BOUNDS.get(query.ageBand), AGE],
    [query.incomeBand, query.incomeBand && INCOME_BOUNDS.get(query.incomeBand), '"AMT_INCOME_TOTAL"'],
  ] as const) {
    if (band === undefined || !bounds) continue;
    if (Number.isFinite(bounds[0])) where.push(`${expression} >= ${bind(bounds[0])}`);
    if (Number.isFinite(bounds[1])) where.push(`${expression} < ${bind(bounds[1])}`);
  }
  const sql =
    `SELECT *, count(*) OVER () AS __total FROM (${parts.join(' UNION ALL ')}) ` +
    `${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ` +
    `ORDER BY "SK_ID_CURR" LIMIT ${bind(query.limit)} OFFSET ${bind(query.offset)}`;
  const rows = await db.query(sql, params);
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  const total = rows.length > 0 ? Number(rows[0]!.__total) : query.offset > 0 ? await countAll() : 0;
  return {
    total,
    items: rows.map((r) => ({
      clientId: Number(r.SK_ID_CURR),
      set: r.set === 'test' ? 'test' : 'train',
      gender: text(r.CODE_GENDER),
      age: r.DAYS_BIRTH === null ? null : Math.floor(-Number(r.DAYS_BIRTH) / 365.25),
      contractType: text(r.NAME_CONTRACT_TYPE),
      income: num(r.AMT_INCOME_TOTAL),
      credit: num(r.AMT_CREDIT),
      familyStatus: text(r.NAME_FAMILY_STATUS),
      education: text(r.NAME_EDUCATION_TYPE),
    })),
  };

  /** A page past the end still tells how many there are. */
  async function countAll(): Promise<number> {
    const counted = await db.query(
      `SELECT count(*) AS n FROM (${parts.join(' UNION ALL ')}) ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
      params.slice(0, -2),
    );
    return Number(counted[0]?.n ?? 0);
  }
}
