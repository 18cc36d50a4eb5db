import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openDatabase, type Database } from '../data/index.js';
import { readSchemaFile } from '../features/index.js';
import { readOof } from '../registry/index.js';
import { sqlIdent } from './feature-names.js';
import { KEY_FEATURES } from './key-features.js';
import { KdTree } from './kd-tree.js';
import { NeighbourIndex, scaled } from './neighbours.js';
import { fixtureWorkspace } from './test-fixture.js';

let db: Database;
let index: NeighbourIndex;
let rows: { id: number; target: number | null; point: number[] }[];

beforeAll(async () => {
  const workspace = await fixtureWorkspace();
  db = await openDatabase(workspace, { readOnly: true });
  const oof = readOof(workspace, 1);
  index = await NeighbourIndex.load(db, readSchemaFile(workspace), {
    scores: { ids: oof.ids, probability: oof.calibrated },
  });
  // the brute force standardises the raw values itself, in doubles
  const raw = await db.query(
    `SELECT "SK_ID_CURR" AS id, CASE WHEN "is_train" = 1 THEN "TARGET" END AS t, ${KEY_FEATURES.map((f, i) => `${sqlIdent(f)} AS c${i}`).join(', ')} FROM features`,
  );
  const columns = KEY_FEATURES.map((f, j) =>
    raw.map((r) => scaled(f, r[`c${j}`] === null ? null : Number(r[`c${j}`]))),
  );
  const moments = columns.map((c) => {
    const present = c.filter((x) => !Number.isNaN(x));
    const mean = present.reduce((a, b) => a + b, 0) / present.length;
    const sd = Math.sqrt(present.reduce((a, b) => a + (b - mean) ** 2, 0) / present.length);
    return { mean, sd };
  });
  rows = raw.map((r, i) => ({
    id: Number(r.id),
    target: r.t === null ? null : Number(r.t),
    point: columns.map((c, j) => (Number.isNaN(c[i]!) ? 0 : (c[i]! - moments[j]!.mean) / moments[j]!.sd)),
  }));
});

afterAll(() => db?.close());

describe('nearest neighbours', () => {
  it('finds the same k clients as a brute force, with outcomes and scores', () => {
    expect(index.features).toEqual(KEY_FEATURES);
    expect(index.size).toBe(rows.length);
    for (const query of rows.slice(0, 25)) {
      const found = index.query({ id: query.id, k: 7 });
      const truth = rows
        .filter((r) => r.id !== query.id)
        .map((r) => ({ ...r, distance: Math.hypot(...r.point.map((x, j) => x - query.point[j]!)) }))
        .sort((a, b) => a.distance - b.distance || a.id - b.id)
        .slice(0, 7);
      expect(found.map((n) => n.distance)).toEqual(truth.map((t) => expect.closeTo(t.distance, 4)));
      // ids agree except where two distances tie to float32 precision
      found.forEach((n, i) => {
        if (n.id !== truth[i]!.id) expect(Math.abs(n.distance - truth[i]!.distance)).toBeLessThan(1e-4);
        else expect(n.target).toBe(truth[i]!.target);
      });
      expect(found.some((n) => n.id === query.id)).toBe(false);
      for (const n of found) expect(n.score === null).toBe(n.target === null);
    }
  });

  it('answers for a new application by its values and rejects unknown ids and bad k', () => {
    const values = { AMT_INCOME_TOTAL: 150000, AMT_CREDIT: 500000, EXT_SOURCE_2: 0.5, DAYS_BIRTH: -15000 };
    const found = index.query({ values, k: 5 });
    expect(found).toHaveLength(5);
    expect(found.every((n, i) => i === 0 || found[i - 1]!.distance <= n.distance)).toBe(true);
    expect(() => index.query({ id: 123, k: 5 })).toThrow(
      expect.objectContaining({ code: 'CS_ERR_UNKNOWN_CLIENT' }),
    );
    expect(() => index.query({ id: rows[0]!.id, k: 0 })).toThrow(
      expect.objectContaining({ code: 'CS_ERR_BAD_REQUEST' }),
    );
    expect(() => index.query({})).toThrow(expect.objectContaining({ code: 'CS_ERR_BAD_REQUEST' }));
  });

  it('searches 356,255 clients exactly, as a full sort would, and reports the time', () => {
    const n = 356_255;
    const d = 10;
    let seed = 7;
    const random = (): number =>
      ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648) * 4 - 2;
    const matrix = Float32Array.from({ length: n * d }, random);
    const ids = Float64Array.from({ length: n }, (_, i) => 100_000 + i);
    const built = performance.now();
    const tree = KdTree.build(matrix, d);
    const buildMs = performance.now() - built;
    const point = Float32Array.from({ length: d }, random);
    const started = performance.now();
    const runs = 20;
    let hits = tree.nearest(point, 10, -1, ids);
    for (let r = 1; r < runs; r++) hits = tree.nearest(point, 10, -1, ids);
    const ms = (performance.now() - started) / runs;
    console.log(
      `nearest neighbours over ${n} clients x ${d} (uniform, a k-d tree's worst case): built in ${buildMs.toFixed(0)} ms, ${ms.toFixed(2)} ms per query`,
    );
    expect(hits.map((h) => h.row)).toEqual(bruteForce(matrix, d, point, 10, -1, ids));
  });

  it('finds exactly what a full sort finds on clustered data with ties, duplicates and an excluded row', () => {
    const n = 20_000;
    const d = 4;
    let seed = 3;
    const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    // a coarse grid (many equal distances) with half the values missing, i.e. at the mean 0
    const matrix = Float32Array.from({ length: n * d }, () =>
      random() < 0.5 ? 0 : Math.round(random() * 8) / 4,
    );
    const ids = Float64Array.from({ length: n }, (_, i) => 500_000 - i); // ids fall as rows rise
    const tree = KdTree.build(matrix, d);
    for (let q = 0; q < 60; q++) {
      const exclude = q * 331;
      const point =
        q % 2 === 0 ? matrix.slice(exclude * d, exclude * d + d) : Float32Array.from({ length: d }, random);
      const k = 1 + (q % 25);
      const found = tree.nearest(point, k, exclude, ids).map((h) => h.row);
      expect(found).toEqual(bruteForce(matrix, d, point, k, exclude, ids));
    }
  });
});

/** The k rows a full sort puts first (distance, then smaller id). */
function bruteForce(
  matrix: Float32Array,
  d: number,
  point: Float32Array,
  k: number,
  exclude: number,
  ids: Float64Array,
): number[] {
  const n = matrix.length / d;
  return Array.from({ length: n }, (_, row) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += (matrix[row * d + j]! - point[j]!) ** 2;
    return { row, s };
  })
    .filter((a) => a.row !== exclude)
    .sort((a, b) => a.s - b.s || ids[a.row]! - ids[b.row]!)
    .slice(0, k)
    .map((a) => a.row);
}
