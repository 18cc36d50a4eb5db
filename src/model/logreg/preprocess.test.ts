import { describe, expect, it } from 'vitest';

import { fitLogisticRegression } from './fit.js';
import type { LogregMatrix } from './input.js';
import { allRows, syntheticMatrix } from './synthetic.js';

/** A copy of the matrix with some cells replaced: [row, column name, value]. */
function withCells(matrix: LogregMatrix, cells: [number, string, number][]): LogregMatrix {
  const data = Float32Array.from(matrix.data);
  for (const [row, column, value] of cells) data[row * matrix.ncol + matrix.columns.indexOf(column)] = value;
  return { ...matrix, data };
}

const base = syntheticMatrix({
  rows: 3_000,
  numeric: 4,
  categorical: [12],
  beta: [0.5, -0.5, 0.3, 0.3],
  levelEffect: 0.8,
  missingColumns: 0.5,
  missingRate: 0.2,
  seed: 7,
});
// A constant column and an all-missing one besides the generated ones.
const matrix: LogregMatrix = {
  ...base,
  columns: [...base.columns, 'constant', 'empty'],
  ncol: base.ncol + 2,
  data: Float32Array.from({ length: base.nrow * (base.ncol + 2) }, (_, k) => {
    const [i, j] = [Math.floor(k / (base.ncol + 2)), k % (base.ncol + 2)];
    return j < base.ncol ? base.data[i * base.ncol + j]! : j === base.ncol ? 3 : Number.NaN;
  }),
};
const train = allRows(2_000);
const model = fitLogisticRegression(matrix, train, { minCategoryCount: 150 });

describe('preprocessing', () => {
  it('imputes the training median and adds an indicator only where training had missing values', () => {
    const names = model.coefficients.map((c) => c.name);
    expect(names).toContain('x2#missing');
    expect(names).toContain('x3#missing');
    expect(names).not.toContain('x0#missing');
    const x2 = model.coefficients.find((c) => c.name === 'x2')!;
    const present = Array.from(train, (r) => matrix.data[r * matrix.ncol + 2]!).filter(
      (v) => !Number.isNaN(v),
    );
    present.sort((a, b) => a - b);
    expect(x2.median).toBe(present[Math.floor((present.length - 1) / 2)]);
  });

  it('drops constant and all-missing columns', () => {
    expect(model.columns).not.toContain('constant');
    expect(model.columns).not.toContain('empty');
  });

  it('one-hot encodes frequent levels only; rare and unseen codes score as all zeros', () => {
    const levels = model.coefficients.filter((c) => c.kind === 'level').map((c) => c.level!);
    expect(levels.length).toBeGreaterThanOrEqual(3);
    expect(levels.length).toBeLessThan(12); // the skewed high codes fall under 150 rows
    const rare = [...Array(12).keys()].find((code) => !levels.includes(code))!;
    const probe = withCells(matrix, [
      [0, 'c0', rare],
      [1, 'c0', 999], // never seen
      [2, 'c0', 2.5], // not a code at all
      [3, 'c0', levels[0]!],
    ]);
    const [pRare, pUnseen, pOdd] = model.predictMargin(probe, Int32Array.of(0, 1, 2));
    const contributions = model.contributions(probe, 0);
    const allZeros = model.coefficients.reduce(
      (s, c, i) => s + (c.kind === 'level' ? (-c.mean / c.scale) * c.weight : contributions[i]!),
      model.intercept,
    );
    expect(pRare).toBeCloseTo(allZeros, 5);
    // Rows 1 and 2 differ from row 0 elsewhere; compare each with its own all-zeros encoding.
    for (const [row, eta] of [
      [1, pUnseen],
      [2, pOdd],
    ] as const) {
      const c = model.contributions(probe, row);
      const expected = model.coefficients.reduce(
        (s, f, i) => s + (f.kind === 'level' ? (-f.mean / f.scale) * f.weight : c[i]!),
        model.intercept,
      );
      expect(eta).toBeCloseTo(expected, 5);
    }
    const seen = model.coefficients.findIndex((c) => c.name === `c0=${levels[0]}`);
    expect(model.contributions(probe, 3)[seen]).not.toBeCloseTo(model.contributions(probe, 0)[seen]!, 8);
  });

  it('scores missing values at predict time, including in columns complete in training', () => {
    const probe = withCells(matrix, [
      [0, 'x0', Number.NaN], // complete in training: the median, no indicator
      [1, 'x3', Number.NaN], // had missing values: median plus indicator
      [2, 'c0', Number.NaN],
    ]);
    const margins = model.predictMargin(probe, Int32Array.of(0, 1, 2));
    const x0 = model.coefficients.find((c) => c.name === 'x0')!;
    const atMedian = withCells(matrix, [[0, 'x0', x0.median!]]);
    expect(margins[0]).toBeCloseTo(model.predictMargin(atMedian, Int32Array.of(0))[0]!, 10);
    const contributions = model.contributions(probe, 1);
    const indicator = model.coefficients.findIndex((c) => c.name === 'x3#missing');
    const f = model.coefficients[indicator]!;
    expect(contributions[indicator]).toBeCloseTo(((1 - f.mean) / f.scale) * f.weight, 5);
    expect(Array.from(margins).every(Number.isFinite)).toBe(true);
    // Contributions add up to the log-odds.
    const sum = contributions.reduce((s, v) => s + v, model.intercept);
    expect(sum).toBeCloseTo(margins[1]!, 5);
  });

  it('reads columns by name, whatever their order at predict time', () => {
    const order = [...matrix.columns].reverse();
    const data = new Float32Array(matrix.data.length);
    for (let i = 0; i < matrix.nrow; i++)
      for (let j = 0; j < matrix.ncol; j++)
        data[i * matrix.ncol + j] = matrix.data[i * matrix.ncol + matrix.columns.indexOf(order[j]!)]!;
    const reversed = { ...matrix, columns: order, data, categorical: [] };
    expect(model.predictProbability(reversed)).toEqual(model.predictProbability(matrix));
  });
});
