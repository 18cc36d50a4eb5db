import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from './cli.js';

interface Candidate {
  name: string;
  metrics: { rocAuc: number; costPerApplication: number; brier: number };
  threshold: number;
}
interface TrainJson {
  version: number | null;
  runId: string;
  model: string;
  threshold: number;
  comparison: Candidate[];
}

/** One small workspace (3,000 generated clients with features), trained before the tests. */
describe('train, promote, evaluate and score', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'clairscore-train-'));
  const env = { CLAIRSCORE_WORKSPACE: workspace };
  const fast = ['--rounds', '80', '--early-stopping', '15'];
  let trained: TrainJson;

  beforeAll(() => {
    const data = path.join(workspace, 'demo-data');
    for (const args of [
      ['generate', '--clients', '3000', '--seed', '7', '--out', data],
      ['ingest', '--data', data],
      ['features'],
    ]) {
      const step = runCli(args, env);
      expect(step.status, step.stderr).toBe(0);
    }
    const run = runCli(['train', ...fast, '--review-band', '0.02', '--json'], env);
    expect(run.status, run.stderr).toBe(0);
    trained = JSON.parse(run.stdout) as TrainJson;
  }, 240_000);
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it('compares LightGBM, both class weightings, the baselines and the dummy on the same folds', () => {
    const names = trained.comparison.map((c) => c.name).sort();
    expect(names).toEqual(['dummy', 'lightgbm', 'lightgbm (class weights)', 'logreg', 'rf']);
    const byName = new Map(trained.comparison.map((c) => [c.name, c]));
    // The generated data carries a learnable signal: every real model ranks far above chance.
    expect(byName.get('dummy')!.metrics.rocAuc).toBeCloseTo(0.5, 1);
    expect(byName.get('lightgbm')!.metrics.rocAuc).toBeGreaterThan(0.7);
    // The baselines learn it too, less well on 2,600 rows (the regression has ~1,400 inputs).
    for (const name of ['logreg', 'rf']) expect(byName.get(name)!.metrics.rocAuc).toBeGreaterThan(0.58);
    // A threshold set by cost never costs more than refusing nobody (dummy's best is at most that).
    const dummy = byName.get('dummy')!;
    expect(byName.get('lightgbm')!.metrics.costPerApplication).toBeLessThan(dummy.metrics.costPerApplication);
    // Sorted by business cost.
    const costs = trained.comparison.map((c) => c.metrics.costPerApplication);
    expect([...costs].sort((a, b) => a - b)).toEqual(costs);
  });

  it('registers the LightGBM variant with the lower cost as a new version, not champion', () => {
    expect(trained.version).toBe(1);
    expect(trained.model).toMatch(/^lightgbm/);
    const lightgbm = trained.comparison.filter((c) => c.name.startsWith('lightgbm'));
    const cheapest = lightgbm.reduce((a, b) =>
      b.metrics.costPerApplication < a.metrics.costPerApplication ? b : a,
    );
    expect(trained.model).toBe(cheapest.name);
    const versionDir = path.join(workspace, 'registry', 'clairscore', 'versions', '1');
    const card = JSON.parse(readFileSync(path.join(versionDir, 'card.json'), 'utf8')) as {
      decision: { threshold: number; reviewBand: number; fnCost: number };
      features: string[];
      rounds: number;
    };
    expect(card.decision).toMatchObject({ threshold: trained.threshold, reviewBand: 0.02, fnCost: 10 });
    expect(card.features).not.toContain('CODE_GENDER');
    const model = readFileSync(path.join(versionDir, 'model.txt'), 'utf8');
    expect(model.startsWith('tree\n')).toBe(true);
    expect(model.match(/^Tree=/gm)).toHaveLength(card.rounds);
    expect(existsSync(path.join(workspace, 'registry', 'clairscore', 'champion.json'))).toBe(false);
  });

  it('tracks the run in the MLflow file-store layout with params, metrics and artifacts', () => {
    const mlruns = path.join(workspace, 'mlruns');
    const experiment = readdirSync(mlruns).find((dir) =>
      readFileSync(path.join(mlruns, dir, 'meta.yaml'), 'utf8').includes('name: clairscore-training'),
    );
    expect(experiment).toBeDefined();
    const run = path.join(mlruns, experiment!, trained.runId);
    expect(readFileSync(path.join(run, 'meta.yaml'), 'utf8')).toMatch(/^status: 3$/m); // FINISHED
    expect(readFileSync(path.join(run, 'params', 'fn_cost'), 'utf8')).toBe('10');
    const auc = readFileSync(path.join(run, 'metrics', 'rocAuc'), 'utf8')
      .trim()
      .split(' ');
    expect(Number(auc[1])).toBeCloseTo(
      trained.comparison.find((c) => c.name === trained.model)!.metrics.rocAuc,
      10,
    );
    // Per-round validation AUC of every fold, one line per round.
    const perRound = readFileSync(path.join(run, 'metrics', 'lightgbm.valid_auc.fold1'), 'utf8')
      .trim()
      .split('\n');
    expect(perRound.length).toBeGreaterThan(5);
    for (const artifact of [
      'model/model.txt',
      'calibration.json',
      'cost-curve.json',
      'plots/roc.svg',
      'plots/cost.svg',
    ]) {
      expect(existsSync(path.join(run, 'artifacts', artifact)), artifact).toBe(true);
    }
  });

  it('promotes with an AUC floor, evaluates against the oracle, and rolls back', () => {
    const refused = runCli(['promote', '--min-auc', '0.999'], env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/below the floor 0\.999/);
    const promoted = runCli(['promote', '--json'], env);
    expect(promoted.status, promoted.stderr).toBe(0);
    expect(JSON.parse(promoted.stdout)).toMatchObject({ champion: { version: 1 }, replaced: null });

    const evaluation = runCli(['evaluate', '--json'], env);
    expect(evaluation.status, evaluation.stderr).toBe(0);
    const report = JSON.parse(evaluation.stdout) as {
      champion: boolean;
      oracle: { oracleAuc: number; modelAuc: number; fraction: number; rows: number };
      confusion: { tp: number; fp: number; tn: number; fn: number };
    };
    expect(report.champion).toBe(true);
    // The true probabilities rank better than any model can, and the model gets a good share of it.
    expect(report.oracle.oracleAuc).toBeGreaterThan(report.oracle.modelAuc);
    expect(report.oracle.fraction).toBeGreaterThan(0.8);
    const c = report.confusion;
    expect(c.tp + c.fp + c.tn + c.fn).toBe(report.oracle.rows);

    const second = runCli(['train', '--model', 'lightgbm', ...fast, '--seed', '3', '--json'], env);
    expect(second.status, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ version: 2 });
    expect(JSON.parse(runCli(['promote', '--json'], env).stdout)).toMatchObject({
      champion: { version: 2 },
      replaced: 1,
    });
    expect(JSON.parse(runCli(['promote', '--rollback', '--json'], env).stdout)).toMatchObject({
      champion: { version: 1 },
      replaced: 2,
    });
  }, 120_000);

  it("adds the champion's prediction drift to the drift report", () => {
    const run = runCli(['drift', '--reference', 'train', '--current', 'test', '--json'], env);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      prediction: {
        columnName: string;
        stattestName: string;
        driftScore: number;
        driftDetected: boolean;
      } | null;
    };
    // Both sets come from one generator: the champion's scores should not drift between them.
    expect(report.prediction).toMatchObject({ driftDetected: false });
    expect(report.prediction!.driftScore).toBeGreaterThanOrEqual(0);
  });

  it('scores a CSV with decisions and reasons, reporting bad rows with their line', () => {
    const source = path.join(workspace, 'demo-data', 'application_train.csv');
    const lines = readFileSync(source, 'utf8').trim().split('\n');
    const header = lines[0]!;
    const rows = lines.slice(1, 41);
    const column = header.split(',').indexOf('AMT_CREDIT');
    const broken = rows[5]!.split(',');
    broken[column] = 'lots';
    rows[5] = broken.join(',');
    const input = path.join(workspace, 'to-score.csv');
    writeFileSync(input, [header, ...rows].join('\n') + '\n');
    const out = path.join(workspace, 'scores.csv');
    const run = runCli(
      ['score', '--input', input, '--out', out, '--history', path.join(workspace, 'demo-data'), '--json'],
      env,
    );
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as {
      scored: number;
      invalid: number;
      rocAuc?: number;
      errors: string;
    };
    expect(summary).toMatchObject({ scored: 39, invalid: 1 });
    const scores = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(scores).toHaveLength(39);
    for (const score of scores) {
      expect(Number(score.probability)).toBeGreaterThanOrEqual(0);
      expect(Number(score.probability)).toBeLessThanOrEqual(1);
      expect(['accepted', 'refused', 'review']).toContain(score.decision);
    }
    expect(scores.some((s) => s.reason_1 !== '')).toBe(true);
    const errors = parse(readFileSync(summary.errors, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(errors).toEqual([
      { line: '7', SK_ID_CURR: broken[0], problems: expect.stringMatching(/AMT_CREDIT/) },
    ]);
  });

  it('refuses bad flags and inputs with clear messages', () => {
    const cases: [string[], RegExp][] = [
      [['train', '--model', 'xgboost'], /--model must be one of lightgbm, logreg, rf/],
      [['train', '--fn-cost', '-1'], /--fn-cost must be a number >= 0/],
      [['train', '--folds', '1'], /--folds must be an integer from 2 to 20/],
      [['promote', '9'], /no model version 9/],
      [
        ['score', '--input', path.join(workspace, 'nope.csv'), '--out', path.join(workspace, 'x.csv')],
        /does not exist/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = runCli(args, env);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    const empty = mkdtempSync(path.join(tmpdir(), 'clairscore-empty-'));
    const noFeatures = runCli(['train'], { CLAIRSCORE_WORKSPACE: empty });
    expect(noFeatures.stderr).toMatch(/clairscore (ingest|features)/);
    rmSync(empty, { recursive: true, force: true });
  });
});
