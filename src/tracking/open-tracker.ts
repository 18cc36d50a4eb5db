import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ClairscoreError } from '../core/errors.js';
import type { Workspace } from '../core/workspace.js';
import { FileTracker } from './file-tracker.js';
import type { FileTrackerOptions } from './file-tracker.js';
import { RestTracker } from './rest-tracker.js';
import type { RestTrackerOptions } from './rest-tracker.js';
import type { Tracker } from './types.js';

export const TRACKING_URI_ENV = 'MLFLOW_TRACKING_URI';

/**
 * The tracker MLFLOW_TRACKING_URI asks for: an MLflow server for http(s) URLs, else an mlruns
 * folder (the workspace's when unset, or the given file: URI or path).
 */
export function openTracker(
  workspace: Workspace,
  env: NodeJS.ProcessEnv = process.env,
  options: FileTrackerOptions & RestTrackerOptions = {},
): Tracker {
  const uri = env[TRACKING_URI_ENV]?.trim();
  if (!uri) return new FileTracker(workspace.mlruns, options);
  if (/^https?:\/\//i.test(uri)) return new RestTracker(uri, { env, ...options });
  if (/^file:/i.test(uri)) {
    // file:///abs/mlruns, or MLflow's relative form file:mlruns
    const folder = uri.startsWith('file://') ? fileURLToPath(uri) : uri.slice('file:'.length);
    return new FileTracker(path.resolve(folder), options);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri) && !/^[a-z]:[\\/]/i.test(uri)) {
    throw new ClairscoreError(
      'CS_ERR_USAGE',
      `${TRACKING_URI_ENV}=${uri} is not supported: Clairscore writes an mlruns folder (unset it, or give a file: URI or a path) or talks to an MLflow server (http://host:5000). For a database backend, run "mlflow server --backend-store-uri ${uri}" and point ${TRACKING_URI_ENV} at it.`,
      { uri },
    );
  }
  return new FileTracker(path.resolve(uri), options);
}
