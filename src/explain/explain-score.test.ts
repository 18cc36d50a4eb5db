import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Workspace } from '../core/index.js';
import { openDatabase, type Database } from '../data/index.js';
import {
  applicationsFromDatabase,
  FeatureEngine,
  readSchemaFile,
  type ApplicationFeatures,
  type FeatureSchema,
} from '../features/index.js';
import { loadChampion, type ScoringModel } from '../registry/index.js';
import { explainScore } from './explain-score.js';
import { groupContributions, groupOf } from './feature-groups.js';
import { sqlIdent } from './feature-names.js';
import { PopulationStats } from './population-stats.js';
import { fixtureWorkspace } from './test-fixture.js';

let workspace: Workspace;
let db: Database;
let schema: FeatureSchema;
let model: ScoringModel;
let stats: PopulationStats;
const clients: ApplicationFeatures[] = [];

beforeAll(async () => {
  workspace = await fixtureWorkspace();
  db = await openDatabase(workspace, { readOnly: true });
  schema = readSchemaFile(workspace);
  model = loadChampion(workspace);
  stats = await PopulationStats.load(db, schema);
  const ids = (
    await db.query('SELECT "SK_ID_CURR" AS id FROM features ORDER BY hash("SK_ID_CURR") LIMIT 12')
  ).map((r) => Number(r.id));
  const engine = await FeatureEngine.open(workspace);
  try {
    for (const application of (await applicationsFromDatabase(db.connection, ids)).values()) {
      clients.push(await engine.compute(application));
    }
  } finally {
    engine.close();
  }
});

afterAll(() => {
  model?.free();
  db?.close();
});

/** Shares (0-100) of present values strictly below and above, and the mid-rank percentile, by brute force. */
async function bruteForce(
  feature: string,
  value: number,
): Promise<{ below: number; above: number; percentile: number }> {
  const rows = await db.query(
    `SELECT CAST(${sqlIdent(feature)} AS DOUBLE) AS v FROM features WHERE ${sqlIdent(feature)} IS NOT NULL`,
  );
  const values = rows.map((r) => Number(r.v));
  const below = values.filter((v) => v < value).length;
  const above = values.filter((v) => v > value).length;
  const n = values.length;
  return {
    below: (100 * below) / n,
    above: (100 * above) / n,
    percentile: (100 * (below + (n - below - above) / 2)) / n,
  };
}

describe('explanation of one score', () => {
  it('has contributions that with the bias add up to the raw score, and groups that keep the sum', () => {
    expect(clients.length).toBe(12);
    for (const client of clients) {
      const contributions = model.contributions(client.vector);
      const raw = model.score(client.vector).rawLogOdds[0]!;
      const sum = contributions.reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(raw, 6);
      const explanation = explainScore(model, client, stats, { schema });
      expect(explanation.rawLogOdds).toBeCloseTo(raw, 6);
      expect(explanation.bias).toBe(contributions[model.card.features.length]);
      const grouped = explanation.groups.reduce((a, g) => a + g.logOddsContribution, 0);
      expect(grouped + explanation.bias).toBeCloseTo(raw, 6);
      expect(explanation.groups.reduce((a, g) => a + g.size, 0)).toBe(model.card.features.length);
      expect(explanation.probability).toBeCloseTo(model.score(client.vector).probability[0]!, 12);
      expect(explanation.scale).toBe('log-odds');
    }
  });

  it('gathers a source concept in one group and leaves a plain field alone', () => {
    expect(groupOf('EXT_SOURCE_1').key).toBe('external_scores');
    expect(groupOf('EXT_SOURCE_MEAN').key).toBe('external_scores');
    expect(groupOf('FLAG_DOCUMENT_3').key).toBe(groupOf('DOCUMENT_COUNT').key);
    expect(groupOf('APARTMENTS_AVG').key).toBe('building');
    expect(groupOf('BURO_CREDIT_DAY_OVERDUE_MAX').key).toBe('bureau_late');
    expect(groupOf('INSTAL_LATE_SHARE').key).toBe('repayment_behaviour');
    expect(groupOf('DAYS_BIRTH')).toEqual({
      key: 'DAYS_BIRTH',
      label: expect.objectContaining({ en: expect.any(String) }),
    });
    const contributions = Float64Array.from([0.5, -0.2, 0.1, 1]);
    const groups = groupContributions(['EXT_SOURCE_1', 'EXT_SOURCE_2', 'DAYS_BIRTH'], contributions);
    expect(groups.map((g) => [g.key, Number(g.logOddsContribution.toFixed(6))])).toEqual([
      ['external_scores', 0.3],
      ['DAYS_BIRTH', 0.1],
    ]);
  });

  it('writes reasons whose direction and percentile match the contribution and a brute-force rank', async () => {
    let checked = 0;
    for (const client of clients.slice(0, 6)) {
      const explanation = explainScore(model, client, stats, { schema });
      for (const reason of [...explanation.raising, ...explanation.lowering]) {
        const raises = reason.logOddsContribution > 0;
        expect(reason.direction).toBe(raises ? 'raises' : 'lowers');
        expect(reason.sentence.en).toContain(
          raises ? 'raises the estimated risk' : 'lowers the estimated risk',
        );
        expect(reason.sentence.fr).toContain(
          raises ? 'augmente le risque estimé' : 'diminue le risque estimé',
        );
        if (reason.percentile === null || reason.value === null) continue;
        const truth = await bruteForce(reason.feature, reason.value);
        expect(reason.percentile).toBeGreaterThanOrEqual(truth.percentile - 0.2);
        expect(reason.percentile).toBeLessThanOrEqual(truth.percentile + 0.2);
        if (Math.abs(truth.below - truth.above) < 3) continue; // too close to the middle to name a side
        const higher = truth.below > truth.above;
        const share = Math.round(higher ? truth.below : truth.above);
        const [, bound, digits] = /than that of ([<>]?)(\d+)%/.exec(reason.sentence.en) ?? [];
        // "<1" and ">99" stand for shares that round to 0 or 100 but are not exactly so
        const said =
          bound === '>' ? Math.max(99, share) : bound === '<' ? Math.min(1, share) : Number(digits);
        expect(reason.sentence.en).toContain(higher ? 'is higher than that of' : 'is lower than that of');
        expect(reason.sentence.fr).toContain(
          higher ? 'est supérieure à celle de' : 'est inférieure à celle de',
        );
        expect(Math.abs(said - share)).toBeLessThanOrEqual(1);
        checked++;
      }
      expect(
        explanation.raising.every(
          (r, i, all) => i === 0 || all[i - 1]!.logOddsContribution >= r.logOddsContribution,
        ),
      ).toBe(true);
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('interprets the decision for the advisor and for the client in both languages', () => {
    const explanation = explainScore(model, clients[0]!, stats, { schema });
    const { advisor, client } = explanation.interpretation;
    const word = { accepted: 'accepted', refused: 'refused', review: 'review' }[explanation.decision];
    expect(advisor.en).toContain(word);
    expect(advisor.en).toContain('log-odds');
    expect(advisor.fr).toContain('log-odds');
    expect(client.fr).toMatch(/Votre demande/);
    expect(client.en).toMatch(/Your application/);
    expect(client.en).not.toContain('log-odds');
    if (explanation.raising[0]) expect(advisor.en).toContain(explanation.raising[0].label.en.toLowerCase());
  });

  it('places values among all clients as a brute force does, discrete features exactly', async () => {
    for (const feature of [
      'AMT_INCOME_TOTAL',
      'EXT_SOURCE_2',
      'DAYS_BIRTH',
      'CNT_CHILDREN',
      'FLAG_OWN_CAR',
    ]) {
      const value = stats.quantile(feature, 37);
      const truth = await bruteForce(feature, value);
      const tolerance = stats.isDiscrete(feature) ? 1e-9 : 0.2;
      expect(Math.abs(stats.percentile(feature, value)! - truth.percentile)).toBeLessThanOrEqual(tolerance);
    }
    expect(stats.isDiscrete('FLAG_OWN_CAR')).toBe(true);
    expect(stats.percentile('AMT_INCOME_TOTAL', null)).toBeNull();
    expect(() => stats.percentile('NOT_A_FEATURE', 1)).toThrow(
      expect.objectContaining({ code: 'CS_ERR_UNKNOWN_FEATURE' }),
    );
  });
});
