import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { resolveWorkspace } from '../core/workspace.js';
import { openTracker } from './open-tracker.js';

const workspace = resolveWorkspace('/srv/clairscore/workspace', {});

describe('openTracker', () => {
  it('records in the workspace mlruns when MLFLOW_TRACKING_URI is unset or empty', () => {
    for (const env of [{}, { MLFLOW_TRACKING_URI: '  ' }]) {
      const tracker = openTracker(workspace, env);
      expect([tracker.kind, tracker.location]).toEqual(['file', '/srv/clairscore/workspace/mlruns']);
    }
  });

  it('talks to a server for http(s) URLs', () => {
    const tracker = openTracker(workspace, { MLFLOW_TRACKING_URI: 'https://mlflow.example:5000/' });
    expect([tracker.kind, tracker.location]).toEqual(['rest', 'https://mlflow.example:5000']);
    expect(openTracker(workspace, { MLFLOW_TRACKING_URI: 'HTTP://localhost:5000' }).kind).toBe('rest');
  });

  it('takes file: URIs and plain paths as mlruns folders', () => {
    expect(openTracker(workspace, { MLFLOW_TRACKING_URI: 'file:///data/mlruns' }).location).toBe(
      '/data/mlruns',
    );
    expect(openTracker(workspace, { MLFLOW_TRACKING_URI: 'file:runs' }).location).toBe(path.resolve('runs'));
    expect(openTracker(workspace, { MLFLOW_TRACKING_URI: './mlruns' })).toMatchObject({
      kind: 'file',
      location: path.resolve('mlruns'),
    });
  });

  it('refuses a database URI with what to do instead', () => {
    expect(() => openTracker(workspace, { MLFLOW_TRACKING_URI: 'sqlite:///mlflow.db' })).toThrow(
      expect.objectContaining({ code: 'CS_ERR_USAGE', message: expect.stringContaining('mlflow server') }),
    );
  });
});
