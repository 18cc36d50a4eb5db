/**
 * Quoting for the few texts spliced into SQL. Column and table names come from the
 * schema (TableSpec), never from a file's header; file paths are the only outside text,
 * so they go through sqlString.
 */

/** A SQL string literal: single quotes doubled (DuckDB has no backslash escapes in '...'). */
export function sqlString(text: string): string {
  if (text.includes('\0')) throw new Error('a SQL string cannot hold a NUL character');
  return `'${text.replace(/'/g, "''")}'`;
}

/** A quoted SQL identifier: double quotes doubled. */
export function sqlIdentifier(name: string): string {
  if (name.includes('\0')) throw new Error('a SQL identifier cannot hold a NUL character');
  return `"${name.replace(/"/g, '""')}"`;
}
