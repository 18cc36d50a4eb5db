import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { applicationFromDatabase, type BuildSummary } from '../src/features/index.js';
import { runCli, SHARED_SAMPLES } from './cli.js';
import {
  featureRow,
  sameValue,
  removeTempWorkspaces,
  tempWorkspace,
  withConnection,
} from './features-fixtures.js';

const linked = tempWorkspace('linked');

function ok(args: readonly string[]): string {
  const run = runCli(args);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

afterAll(removeTempWorkspaces);

beforeAll(() => {
  // linked-imputed lacks the two RATE_INTEREST_* columns of previous_application
  ok([
    '-w',
    linked.root,
    'ingest',
    '--allow-missing-columns',
    '--data',
    path.join(SHARED_SAMPLES, 'linked-imputed'),
  ]);
});

describe('the real samples through the feature pipeline', () => {
  it('builds the linked-imputed sample (all seven tables) and reports the dropped columns', () => {
    const summary = JSON.parse(ok(['-w', linked.root, 'features', '--json'])) as BuildSummary;
    expect(summary.rows).toEqual({ train: 1000, test: 0 });
    expect(summary.features).toBeGreaterThan(500);
    expect(summary.absentTables).toEqual(['application_test']);
    const constant = summary.dropped.filter((d) => d.reason === 'constant').map((d) => d.name);
    expect(constant).toEqual(expect.arrayContaining(['PREV_RATE_INTEREST_PRIMARY_MEAN', 'FLAG_MOBIL']));
    const text = ok(['-w', linked.root, 'features']);
    expect(text).toMatch(/features kept\s+\d{3}/);
    expect(text).toContain('dropped as constant on the training rows');
    expect(text).toMatch(/\(= [A-Z_]+\)/);
  });

  it('builds the head and random samples, whatever tables they lack', () => {
    for (const sample of ['head3000', 'random1000']) {
      const workspace = tempWorkspace(sample);
      ok(['-w', workspace.root, 'ingest', '--data', path.join(SHARED_SAMPLES, sample)]);
      const summary = JSON.parse(ok(['-w', workspace.root, 'features', '--json'])) as BuildSummary;
      expect(summary.rows.train).toBeGreaterThanOrEqual(1000);
      expect(summary.features).toBeGreaterThan(150); // barely linked: most history aggregates are empty
      if (sample === 'head3000') expect(summary.absentTables).toContain('installments_payments');
    }
  });

  it('computes one real application from a JSON file as the table has it', async () => {
    const file = path.join(linked.root, 'client.json');
    const [json, batch] = await withConnection(linked, async (c) => [
      await applicationFromDatabase(c, 100002),
      await featureRow(c, 100002),
    ]);
    writeFileSync(file, JSON.stringify(json));
    const single = JSON.parse(ok(['-w', linked.root, 'features', '--application', file, '--json'])) as {
      id: number;
      values: Record<string, number | null>;
    };
    expect(single.id).toBe(100002);
    for (const [name, value] of Object.entries(single.values)) {
      expect(sameValue(value, batch[name] ?? null), name).toBe(true);
    }
    const text = ok(['-w', linked.root, 'features', '--application', file, '--lang', 'fr']);
    expect(text).toMatch(/DAYS_BIRTH\s+Âge\s+\d+ ans/);
  });

  it('refuses an invalid or malformed application with every problem listed, as JSON', () => {
    const file = path.join(linked.root, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ SK_ID_CURR: 1, AMT_CREDIT: -5, CODE_GENDER: `F'; DROP TABLE features; --` }),
    );
    const run = runCli(['-w', linked.root, 'features', '--application', file, '--json']);
    expect(run.status).toBe(2);
    const { error } = JSON.parse(run.stdout) as {
      error: { code: string; details: { problems: { path: string }[] } };
    };
    expect(error.code).toBe('CS_ERR_INVALID_APPLICATION');
    const paths = error.details.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/AMT_CREDIT', '/CODE_GENDER', '/DAYS_BIRTH', '/AMT_INCOME_TOTAL']),
    );
    writeFileSync(file, '{"SK_ID_CURR": ');
    const malformed = runCli(['-w', linked.root, 'features', '--application', file]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toMatch(/CS_ERR_INVALID_APPLICATION.*malformed JSON/);
    expect(ok(['-w', linked.root, 'features', '--describe', 'FLAG_MOBIL'])).toContain('FLAG_MOBIL'); // the table is intact
  });

  it('prints the dictionary, one feature, in French or as JSON', () => {
    const all = ok(['features', '--describe', '--lang', 'fr']);
    expect(all).toMatch(
      /BURO_ACTIVE_CREDIT_DAY_OVERDUE_MEAN\s+bureau\s+days\s+Bureau, crédits actifs : jours de retard, moyenne/,
    );
    const one = JSON.parse(ok(['features', '--describe', 'CREDIT_TERM', '--json'])) as {
      actionable: boolean;
      label: { fr: string };
    };
    expect(one).toMatchObject({ actionable: true, label: { fr: 'Durée du crédit (montant / annuité)' } });
    const unknown = runCli(['features', '--describe', 'NOPE']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('CS_ERR_UNKNOWN_FEATURE');
  });
});
