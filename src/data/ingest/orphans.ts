import type { TableName, TableSpec } from '../schema/index.js';
import type { Database } from '../database.js';
import { sqlIdentifier } from './sql-text.js';
import type { OrphanCount } from './types.js';

/**
 * Counts, for every parent link of every loaded table, the rows whose key is found in
 * none of the loaded parent tables. Orphans are real in the Kaggle data (some
 * bureau_balance ids are not in bureau), so they are reported, never fatal. Links whose
 * parents were all absent are skipped: nothing to check them against.
 */
export async function countOrphans(db: Database, loaded: readonly TableSpec[]): Promise<OrphanCount[]> {
  const names = new Set<TableName>(loaded.map((t) => t.name));
  const counts: OrphanCount[] = [];
  for (const spec of loaded) {
    for (const link of spec.parents) {
      const targets = link.targets.filter((t) => names.has(t));
      if (targets.length === 0) continue;
      const column = sqlIdentifier(link.column);
      const parents = targets.map((t) => `SELECT ${column} FROM ${sqlIdentifier(t)}`).join(' UNION ALL ');
      // Grouping the child keys first makes the anti-join probe each key once, not each row.
      const [row] = await db.query(
        `WITH child AS (SELECT ${column}, count(*) AS n FROM ${sqlIdentifier(spec.name)} WHERE ${column} IS NOT NULL GROUP BY ${column})
         SELECT coalesce(sum(n), 0) AS n, count(*) AS keys FROM child ANTI JOIN (${parents}) p USING (${column})`,
      );
      counts.push({
        table: spec.name,
        column: link.column,
        targets,
        rows: Number(row?.n ?? 0),
        keys: Number(row?.keys ?? 0),
      });
    }
  }
  return counts;
}
