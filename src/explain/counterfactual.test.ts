import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Workspace } from '../core/index.js';
import { openDatabase, type Database } from '../data/index.js';
import { applicationsFromDatabase, FeatureEngine } from '../features/index.js';
import { ScoringModel } from '../registry/index.js';
import { findCounterfactual } from './counterfactual.js';
import { fixtureWorkspace, POLICY_VERSION } from './test-fixture.js';

let workspace: Workspace;
let db: Database;
let engine: FeatureEngine;
let model: ScoringModel;
let applications: Record<string, unknown>[];

beforeAll(async () => {
  workspace = await fixtureWorkspace();
  db = await openDatabase(workspace, { readOnly: true });
  engine = await FeatureEngine.open(workspace);
  model = ScoringModel.load(workspace, POLICY_VERSION);
  const ids = (
    await db.query('SELECT "SK_ID_CURR" AS id FROM application_train ORDER BY "SK_ID_CURR" LIMIT 60')
  ).map((r) => Number(r.id));
  applications = [...(await applicationsFromDatabase(db.connection, ids)).values()];
});

afterAll(() => {
  engine?.close();
  model?.free();
  db?.close();
});

async function decisionOf(
  application: Record<string, unknown>,
): Promise<{ probability: number; decision: string }> {
  const probability = model.score((await engine.compute(application)).vector).probability[0]!;
  return { probability, decision: model.decide(probability) };
}

describe('counterfactual', () => {
  it('finds for a refused application the smallest change per lever that really flips it', async () => {
    let refused: Record<string, unknown> | undefined;
    for (const application of applications) {
      if ((await decisionOf(application)).decision === 'refused') {
        refused = application;
        break;
      }
    }
    expect(refused).toBeDefined();
    const tolerance = 0.005;
    const result = await findCounterfactual(engine, model, refused!, { tolerance });
    console.log(`counterfactual: ${result.evaluations} evaluations in ${result.elapsedMs.toFixed(0)} ms`);
    expect(result.decision).toBe('refused');
    expect(result.suggestions.length).toBeGreaterThan(0);
    const credit = refused!.AMT_CREDIT as number;
    const annuity = refused!.AMT_ANNUITY as number;
    for (const s of result.suggestions) {
      expect(await decisionOf(s.application)).toEqual({ probability: s.probability, decision: 'accepted' });
      // one tolerance step closer to the original is still not accepted (the bisection's other end)
      const field = s.lever === 'term' ? 'AMT_ANNUITY' : 'AMT_CREDIT';
      const original = field === 'AMT_ANNUITY' ? annuity : credit;
      expect(s.changes[field]!.to - s.notAcceptedAt).toBeLessThanOrEqual(0);
      expect(s.notAcceptedAt - s.changes[field]!.to).toBeLessThanOrEqual(tolerance * original + 0.01);
      const closer = { ...s.application, [field]: s.notAcceptedAt };
      if (s.lever !== 'term') {
        const scale = s.notAcceptedAt / credit;
        Object.assign(closer, { AMT_ANNUITY: Math.round(annuity * scale * 100) / 100 });
        if (s.lever === 'amount')
          Object.assign(closer, {
            AMT_GOODS_PRICE: Math.round((refused!.AMT_GOODS_PRICE as number) * scale * 100) / 100,
          });
      }
      expect((await decisionOf(closer)).decision).not.toBe('accepted');
      expect(s.changes[field]!.to).toBeGreaterThanOrEqual(0.2 * original);
      expect(s.termMonths).toBeLessThanOrEqual(360);
      expect(s.sentence.fr).toMatch(/serait acceptée?\.$/);
      expect(s.sentence.en).toMatch(/would be accepted\.$/);
    }
    const amount = result.suggestions.find((s) => s.lever === 'amount');
    if (amount) {
      expect(amount.sentence.fr).toContain('Un montant de');
      expect(amount.changes.AMT_CREDIT!.to / credit).toBeCloseTo(amount.changes.AMT_ANNUITY!.to / annuity, 4);
    }
    const sorted = result.suggestions.map((s) => Math.abs(s.relativeChange));
    expect([...sorted].sort((a, b) => a - b)).toEqual(sorted);
  });

  it('suggests nothing for an accepted application and says why a lever cannot apply', async () => {
    let accepted: Record<string, unknown> | undefined;
    for (const application of applications) {
      if ((await decisionOf(application)).decision === 'accepted') {
        accepted = application;
        break;
      }
    }
    const result = await findCounterfactual(engine, model, accepted!);
    expect(result).toMatchObject({ decision: 'accepted', suggestions: [], evaluations: 1 });
    const noGoods: Record<string, unknown> = { ...applications[0]!, AMT_GOODS_PRICE: null };
    const refusedHigh = { ...noGoods, AMT_ANNUITY: (noGoods.AMT_INCOME_TOTAL as number) * 0.9 };
    const limited = await findCounterfactual(engine, model, refusedHigh, { levers: ['contribution'] });
    if (limited.decision !== 'accepted') {
      expect(limited.unreachable).toEqual([
        {
          lever: 'contribution',
          reason: expect.objectContaining({ en: expect.stringContaining('goods price') }),
        },
      ]);
    }
    await expect(findCounterfactual(engine, model, accepted!, { minShare: 2 })).rejects.toMatchObject({
      code: 'CS_ERR_BAD_REQUEST',
    });
  });
});
