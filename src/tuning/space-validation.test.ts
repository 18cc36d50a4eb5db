import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ClairscoreError } from '../core/errors.js';
import { defaultSearchSpace, loadSearchSpace } from './space-config.js';
import { defineSearchSpace, parseSearchSpace } from './space-validation.js';

/** The message of the CS_ERR_SEARCH_SPACE error raised by `fn`. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ClairscoreError);
    expect((error as ClairscoreError).code).toBe('CS_ERR_SEARCH_SPACE');
    return (error as ClairscoreError).message;
  }
  throw new Error('expected the space to be refused');
}

const space = (...parameters: unknown[]): unknown => ({ parameters });

describe('search space validation', () => {
  it('loads the default LightGBM space', () => {
    const s = defaultSearchSpace();
    const names = s.params.map((p) => p.name);
    expect(names).toContain('num_leaves');
    expect(names).toContain('class_weighting');
    expect(s.params.find((p) => p.name === 'learning_rate')).toMatchObject({
      kind: 'float',
      log: true,
      low: 0.005,
      high: 0.3,
    });
    expect(s.params.find((p) => p.name === 'num_leaves')).toMatchObject({ kind: 'int', log: true, step: 1 });
  });

  it('refuses low > high, log with low <= 0, empty choices', () => {
    expect(
      refusal(() => parseSearchSpace(space({ name: 'num_leaves', type: 'int', low: 300, high: 256 }))),
    ).toContain('num_leaves: low 300 is above high 256');
    expect(
      refusal(() =>
        parseSearchSpace(space({ name: 'lambda_l1', type: 'float', low: 0, high: 10, log: true })),
      ),
    ).toContain('lambda_l1: log scale needs low > 0 (got 0)');
    expect(
      refusal(() => parseSearchSpace(space({ name: 'max_bin', type: 'int', low: 0, high: 10, log: true }))),
    ).toContain('log scale on an int needs low >= 1');
    expect(
      refusal(() => parseSearchSpace(space({ name: 'bagging_freq', type: 'categorical', choices: [] }))),
    ).toContain('bagging_freq: "choices" must list at least one value');
  });

  it('refuses unknown names, aliases and duplicates', () => {
    expect(
      refusal(() => parseSearchSpace(space({ name: 'num_leafs', type: 'int', low: 2, high: 8 }))),
    ).toContain("'num_leafs' is not a LightGBM parameter");
    expect(
      refusal(() => parseSearchSpace(space({ name: 'min_child_samples', type: 'int', low: 2, high: 8 }))),
    ).toContain("declare it under LightGBM's canonical name 'min_data_in_leaf'");
    const dup = { name: 'max_depth', type: 'int', low: 2, high: 8 };
    expect(refusal(() => parseSearchSpace(space(dup, dup)))).toContain('max_depth: declared twice');
  });

  it('refuses steps that do not divide the range, log with step, bad grids', () => {
    expect(
      refusal(() =>
        parseSearchSpace(space({ name: 'feature_fraction', type: 'float', low: 0, high: 1, step: 0.3 })),
      ),
    ).toContain('step 0.3 does not divide the range 0..1');
    expect(
      refusal(() =>
        parseSearchSpace(
          space({ name: 'learning_rate', type: 'float', low: 0.01, high: 1, log: true, step: 0.01 }),
        ),
      ),
    ).toContain('a log-scale float cannot have a step');
    expect(
      refusal(() =>
        parseSearchSpace(space({ name: 'num_leaves', type: 'int', low: 8, high: 64, grid: [8, 100] })),
      ),
    ).toContain('grid value 100 is outside 8..64');
    expect(
      refusal(() => parseSearchSpace(space({ name: 'num_leaves', type: 'int', low: 8.5, high: 64 }))),
    ).toContain('needs integer low and high');
    // Steps that divide the range up to float rounding are fine.
    expect(() =>
      parseSearchSpace(space({ name: 'feature_fraction', type: 'float', low: 0.1, high: 0.7, step: 0.2 })),
    ).not.toThrow();
  });

  it('refuses malformed documents, listing every problem at once', () => {
    const message = refusal(() =>
      parseSearchSpace(
        space(
          { name: 'num_leaves', type: 'integer', low: 8, high: 64 },
          { name: 'max_depth', type: 'int', low: '3', high: 8, lo: 2 },
          { type: 'int' },
        ),
      ),
    );
    expect(message).toContain('num_leaves: "type" must be "int", "float" or "categorical"');
    expect(message).toContain('max_depth: unknown key "lo"');
    expect(message).toContain('max_depth: "low" must be a finite number');
    expect(message).toContain('parameters[2]: "name" must be a non-empty string');
    expect(refusal(() => parseSearchSpace({ params: [] }))).toContain(
      'expected an object with a "parameters" array',
    );
    expect(refusal(() => parseSearchSpace(space()))).toContain('declare at least one parameter');
  });

  it('accepts any names for code-declared spaces when asked', () => {
    expect(() =>
      defineSearchSpace([{ kind: 'categorical', name: 'x', choices: ['a'] }], { names: 'any' }),
    ).not.toThrow();
  });

  it('loads files, naming the file in the message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'space-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(space({ name: 'max_depth', type: 'int', low: 3, high: 12 })));
    expect(loadSearchSpace(good).params[0]).toMatchObject({ name: 'max_depth', low: 3, high: 12 });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(space({ name: 'max_depth', type: 'int', low: 30, high: 12 })));
    expect(refusal(() => loadSearchSpace(bad))).toContain(`Invalid search space in ${bad}`);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "parameters": [');
    expect(refusal(() => loadSearchSpace(broken))).toContain('is not valid JSON');
    expect(() => loadSearchSpace(join(dir, 'missing.json'))).toThrow(/cannot be read/);
  });
});
