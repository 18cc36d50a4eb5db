import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openDatabase, type Database } from '../data/index.js';
import { confusion } from '../model/index.js';
import { loadChampion, readOof, type OutOfFold, type ScoringModel } from '../registry/index.js';
import { modelPage } from './model-page.js';
import { fixtureWorkspace } from './test-fixture.js';

let db: Database;
let model: ScoringModel;
let oof: OutOfFold;

beforeAll(async () => {
  const workspace = await fixtureWorkspace();
  db = await openDatabase(workspace, { readOnly: true });
  model = loadChampion(workspace);
  oof = readOof(workspace, model.version);
});

afterAll(() => {
  model?.free();
  db?.close();
});

describe('model page', () => {
  it('gathers curves, confusion and grouped importance from the out-of-fold predictions', async () => {
    const page = await modelPage(db, { card: model.card, oof, importance: model.importance() });
    expect(page.roc.area).toBeCloseTo(model.card.metrics.rocAuc, 10);
    expect(page.pr.points.length).toBeGreaterThan(2);
    expect(page.calibration).toHaveLength(10);
    expect(page.calibration.reduce((a, b) => a + b.count, 0)).toBe(oof.ids.length);
    expect(page.confusion).toEqual(confusion(oof.labels, oof.calibrated, model.card.decision.threshold));
    const c = page.confusion;
    expect(c.tp + c.fp + c.tn + c.fn).toBe(oof.ids.length);
    const total = model.importance().reduce((a, b) => a + b, 0);
    expect(page.importance.reduce((a, g) => a + g.gain, 0)).toBeCloseTo(total, 6);
    expect(page.importance.reduce((a, g) => a + g.share, 0)).toBeCloseTo(1, 10);
    expect(page.importance[0]!.gain).toBeGreaterThanOrEqual(page.importance[1]!.gain);
    expect(page.cost.costs).toEqual({
      fnCost: model.card.decision.fnCost,
      fpCost: model.card.decision.fpCost,
    });
  });

  it('computes fairness rates by gender and age band as a hand count does', async () => {
    const threshold = model.card.decision.threshold;
    const page = await modelPage(db, { card: model.card, oof, importance: model.importance() });
    const people = await db.query(
      'SELECT "SK_ID_CURR" AS id, "CODE_GENDER" AS g, "DAYS_BIRTH" AS b FROM application_train',
    );
    const byId = new Map(people.map((p) => [Number(p.id), p]));
    for (const row of page.fairness.byGender) {
      let n = 0,
        accepted = 0,
        defaults = 0,
        tp = 0,
        fp = 0,
        negatives = 0;
      oof.ids.forEach((id, i) => {
        if (String(byId.get(id)!.g) !== row.group) return;
        n++;
        const refused = oof.calibrated[i]! >= threshold;
        if (!refused) accepted++;
        if (oof.labels[i] === 1) {
          defaults++;
          if (refused) tp++;
        } else {
          negatives++;
          if (refused) fp++;
        }
      });
      expect(row.size).toBe(n);
      expect(row.approvalRate).toBeCloseTo(accepted / n, 12);
      expect(row.defaultRate).toBeCloseTo(defaults / n, 12);
      expect(row.tpr).toBeCloseTo(tp / defaults, 12);
      expect(row.fpr).toBeCloseTo(fp / negatives, 12);
    }
    expect(page.fairness.byGender.map((r) => r.group)).toEqual(expect.arrayContaining(['F', 'M']));
    const young = page.fairness.byAgeBand.find((r) => r.group === '25-34')!;
    const handYoung = oof.ids.filter((id) => {
      const years = -Number(byId.get(id)!.b) / 365.25;
      return years >= 25 && years < 35;
    }).length;
    expect(young.size).toBe(handYoung);
    expect(page.fairness.byAgeBand.reduce((a, r) => a + r.size, 0)).toBe(oof.ids.length);
  });
});
