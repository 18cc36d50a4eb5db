/**
 * One column's values as loaded from a data set, and its cleaned form (drift.md §1:
 * null, NaN and ±Infinity dropped) with the views the tests need: sorted numbers, and
 * counts per distinct value.
 */

/** Numbers (NaN = missing) or strings (null = missing), one entry per row. */
export type ColumnValues = Float64Array | readonly (string | null)[];

/** A distinct value of a column: a number or a string. */
export type CategoryKey = number | string;

export class CleanColumn {
  /** Non-missing values. */
  readonly size: number;
  /** Rows dropped as missing (null, NaN, ±Infinity). */
  readonly missing: number;
  private countsCache: Map<CategoryKey, number> | undefined;

  private constructor(
    /** Sorted ascending numbers, when the column holds numbers. */
    readonly sorted: Float64Array | undefined,
    private readonly strings: readonly string[] | undefined,
    rows: number,
  ) {
    this.size = sorted ? sorted.length : strings!.length;
    this.missing = rows - this.size;
  }

  static from(values: ColumnValues): CleanColumn {
    if (values instanceof Float64Array) {
      let kept = 0;
      const out = new Float64Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!;
        if (Number.isFinite(v)) out[kept++] = v;
      }
      return new CleanColumn(out.slice(0, kept).sort(), undefined, values.length);
    }
    const strings = values.filter((v): v is string => v !== null);
    return new CleanColumn(undefined, strings, values.length);
  }

  get numeric(): boolean {
    return this.sorted !== undefined;
  }

  /** Count of each distinct value (numbers counted from the sorted run lengths). */
  counts(): Map<CategoryKey, number> {
    if (this.countsCache) return this.countsCache;
    const counts = new Map<CategoryKey, number>();
    if (this.sorted) {
      const s = this.sorted;
      for (let i = 0; i < s.length;) {
        let j = i + 1;
        while (j < s.length && s[j] === s[i]) j++;
        counts.set(s[i]!, j - i);
        i = j;
      }
    } else {
      for (const v of this.strings!) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    this.countsCache = counts;
    return counts;
  }

  /** Number of distinct values. */
  distinct(): number {
    if (this.sorted && !this.countsCache) {
      let n = 0;
      for (let i = 0; i < this.sorted.length; i++) if (i === 0 || this.sorted[i] !== this.sorted[i - 1]) n++;
      return n;
    }
    return this.counts().size;
  }
}

/** Distinct values over both columns (nunique of the concatenation). */
export function distinctInBoth(reference: CleanColumn, current: CleanColumn): number {
  if (reference.sorted && current.sorted) {
    const a = reference.sorted;
    const b = current.sorted;
    let i = 0;
    let j = 0;
    let n = 0;
    let last = Number.NaN;
    while (i < a.length || j < b.length) {
      const v = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
      if (v !== last) n++;
      last = v;
    }
    return n;
  }
  return unionKeys(reference, current).length;
}

/** Distinct values of both columns, in ascending order (numbers numerically, strings by code unit). */
export function unionKeys(reference: CleanColumn, current: CleanColumn): CategoryKey[] {
  const keys = new Set<CategoryKey>([...reference.counts().keys(), ...current.counts().keys()]);
  return [...keys].sort(compareKeys);
}

export function compareKeys(a: CategoryKey, b: CategoryKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
