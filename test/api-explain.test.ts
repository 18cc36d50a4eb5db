import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../src/api/index.js';
import type { Workspace } from '../src/core/index.js';
import type { ScoreExplanation } from '../src/explain/index.js';
import {
  buildServiceWorkspace,
  call,
  clientIds,
  removeWorkspace,
  serviceWithAccounts,
} from './api-fixtures.js';

let workspace: Workspace;
let app: App;
let clients: number[];
let tokens: { admin: string; advisor: string; client: string };

beforeAll(async () => {
  workspace = await buildServiceWorkspace();
  ({ app, clients, tokens } = await serviceWithAccounts(workspace));
});
afterAll(async () => {
  await app.close();
  removeWorkspace(workspace);
});

type Score = { probability: number; rawLogOdds: number; decision: string; explanation: ScoreExplanation };

describe('explanations', () => {
  it('explains a score with log-odds contributions that add up, reasons both ways and sentences in French and English', async () => {
    const response = await call(app, 'GET', `/api/clients/${clients[0]}/score`, { token: tokens.client });
    const { explanation, rawLogOdds, probability } = response.body as unknown as Score;
    expect(explanation.scale).toBe('log-odds');
    expect(explanation.probability).toBeCloseTo(probability, 10);
    const total = explanation.groups.reduce((sum, g) => sum + g.logOddsContribution, explanation.bias);
    expect(total).toBeCloseTo(rawLogOdds, 4);
    expect(explanation.raising.length + explanation.lowering.length).toBeGreaterThan(0);
    for (const reason of explanation.raising) expect(reason.logOddsContribution).toBeGreaterThan(0);
    for (const reason of explanation.lowering) expect(reason.logOddsContribution).toBeLessThan(0);
    const reason = [...explanation.raising, ...explanation.lowering][0]!;
    expect(reason.sentence.en.length).toBeGreaterThan(10);
    expect(reason.sentence.fr.length).toBeGreaterThan(10);
    expect(reason.sentence.fr).not.toBe(reason.sentence.en);
    expect(explanation.interpretation.client.fr.length).toBeGreaterThan(10);
  });

  it('finds the change that gets a refused application accepted, and the service agrees', async () => {
    let refused: number | undefined;
    for (const id of await clientIds(workspace, 200)) {
      const score = (await call(app, 'GET', `/api/clients/${id}/score`, { token: tokens.advisor }))
        .body as unknown as Score;
      if (score.decision === 'refused') refused = id;
      if (refused !== undefined) break;
    }
    const application = (
      await call(app, 'GET', `/api/clients/${refused}/application`, { token: tokens.advisor })
    ).body;
    const result = await call(app, 'POST', '/api/counterfactual', {
      token: tokens.advisor,
      body: application,
    });
    expect(result.status).toBe(200);
    const suggestions = result.body.suggestions as {
      decision: string;
      application: Record<string, unknown>;
    }[];
    expect(result.body.decision).toBe('refused');
    for (const suggestion of suggestions) {
      expect(suggestion.decision).toBe('accepted');
      const rescored = await call(app, 'POST', '/api/score', {
        token: tokens.advisor,
        body: suggestion.application,
      });
      expect(rescored.body.decision).toBe('accepted');
    }
  });
});

describe('comparisons', () => {
  it('gives advisors distributions, a bivariate sample, a profile and the nearest neighbours', async () => {
    const id = clients[0]!;
    const filters = await call(app, 'GET', '/api/compare/filters', { token: tokens.advisor });
    expect(filters.body.ageBand).toEqual(['<25', '25-34', '35-44', '45-54', '55-64', '65+']);
    const distribution = await call(
      app,
      'GET',
      `/api/clients/${id}/compare/distribution?feature=AMT_CREDIT&gender=F&bins=10`,
      {
        token: tokens.advisor,
      },
    );
    expect(distribution.status).toBe(200);
    const all = distribution.body.all as { size: number; counts: number[] };
    expect(all.size).toBe(2000);
    expect(all.counts).toHaveLength(10);
    expect(distribution.body.group).toMatchObject({ filter: { gender: 'F' } });
    expect(distribution.body.client).toMatchObject({ percentile: expect.any(Number) });
    const bivariate = await call(
      app,
      'GET',
      `/api/clients/${id}/compare/bivariate?x=AMT_CREDIT&y=AMT_ANNUITY&sampleSize=100`,
      {
        token: tokens.advisor,
      },
    );
    expect((bivariate.body.points as unknown[]).length).toBeLessThanOrEqual(100);
    const neighbours = await call(app, 'GET', `/api/clients/${id}/compare/neighbours?k=5`, {
      token: tokens.advisor,
    });
    const list = neighbours.body.neighbours as { id: number; distance: number }[];
    expect(list).toHaveLength(5);
    expect(list.map((n) => n.id)).not.toContain(id);
    expect(list.map((n) => n.distance)).toEqual([...list.map((n) => n.distance)].sort((a, b) => a - b));
    const profile = await call(app, 'GET', `/api/clients/${id}/compare/profile?incomeBand=100k-150k`, {
      token: tokens.advisor,
    });
    expect((profile.body.axes as unknown[]).length).toBeGreaterThan(2);
    const audit = await call(app, 'GET', `/api/audit?clientId=${id}&action=view-client&user=advisor`, {
      token: tokens.admin,
    });
    const reasons = (audit.body.entries as { reason: string }[]).map((e) => e.reason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'comparison: distribution',
        'comparison: bivariate',
        'comparison: neighbours',
        'comparison: profile',
      ]),
    );
  });

  it('shows a client only aggregates of groups of at least 20 people', async () => {
    const own = clients[0]!;
    const tiny = 'ageBand=65%2B&incomeBand=300k%2B'; // a handful of people
    const empty = 'gender=M&ageBand=65%2B&incomeBand=300k%2B&education=Academic%20degree'; // nobody
    const none = await call(
      app,
      'GET',
      `/api/clients/${own}/compare/distribution?feature=AMT_CREDIT&${empty}`,
      {
        token: tokens.client,
      },
    );
    expect(none.status).toBe(403); // an empty group reads as a small one: 0 is not told from 19
    expect(none.body.error?.code).toBe('CS_ERR_GROUP_TOO_SMALL');
    const refused = await call(
      app,
      'GET',
      `/api/clients/${own}/compare/distribution?feature=AMT_CREDIT&${tiny}`,
      {
        token: tokens.client,
      },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('CS_ERR_GROUP_TOO_SMALL');
    expect(
      (await call(app, 'GET', `/api/clients/${own}/compare/profile?${tiny}`, { token: tokens.client }))
        .status,
    ).toBe(403);
    const advisor = await call(
      app,
      'GET',
      `/api/clients/${own}/compare/distribution?feature=AMT_CREDIT&${tiny}`,
      {
        token: tokens.advisor,
      },
    );
    expect(advisor.status).toBe(200);
    const allowed = await call(
      app,
      'GET',
      `/api/clients/${own}/compare/distribution?feature=AMT_CREDIT&gender=F`,
      {
        token: tokens.client,
      },
    );
    expect(allowed.status).toBe(200);
    expect(allowed.text).not.toMatch(/"points"|"neighbours"|"id":/);
    expect((allowed.body.group as { size: number }).size).toBeGreaterThanOrEqual(20);
  });
});

describe('model page', () => {
  it('gives curves, the confusion matrix at the threshold, grouped importance and fairness by gender and age', async () => {
    const page = await call(app, 'GET', '/api/model/page', { token: tokens.advisor });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ version: 1, threshold: expect.any(Number) });
    expect(page.body).toHaveProperty('roc');
    expect(page.body).toHaveProperty('confusion');
    const fairness = page.body.fairness as { byGender: unknown[]; byAgeBand: unknown[] };
    expect(fairness.byGender.length).toBeGreaterThan(0);
    expect(fairness.byAgeBand.length).toBeGreaterThan(0);
    const importance = await call(app, 'GET', '/api/model/importance', { token: tokens.client });
    const groups = importance.body.groups as { share: number }[];
    expect(groups.reduce((sum, g) => sum + g.share, 0)).toBeCloseTo(1, 6);
  });
});
