import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { ClairscoreError } from './errors.js';

/** Where everything the product writes lives (PRODUCT.md "The workspace"). */
export interface Workspace {
  readonly root: string;
  /** Ingested tables and features. Ingestion builds a new file aside and swaps it in. */
  readonly database: string;
  readonly mlruns: string;
  readonly registry: string;
  readonly audit: string;
  readonly drift: string;
  /** Applications scored by the service, one JSON line each (files named by UTC day). */
  readonly scored: string;
}

export const WORKSPACE_ENV = 'CLAIRSCORE_WORKSPACE';

/** Resolves the workspace from the flag, then the env var, then ./workspace. */
export function resolveWorkspace(flag?: string, env: NodeJS.ProcessEnv = process.env): Workspace {
  const root = path.resolve(flag ?? env[WORKSPACE_ENV] ?? 'workspace');
  return {
    root,
    database: path.join(root, 'clairscore.duckdb'),
    mlruns: path.join(root, 'mlruns'),
    registry: path.join(root, 'registry'),
    audit: path.join(root, 'audit'),
    drift: path.join(root, 'drift'),
    scored: path.join(root, 'scored'),
  };
}

/** Creates the workspace folder if needed, with a clear error when it cannot be. */
export function ensureWorkspace(workspace: Workspace): Workspace {
  try {
    mkdirSync(workspace.root, { recursive: true });
  } catch (error) {
    throw new ClairscoreError(
      'CS_ERR_WORKSPACE',
      `Cannot create the workspace folder ${workspace.root}: ${(error as Error).message}. Choose another with --workspace DIR.`,
    );
  }
  return workspace;
}
