export { ClairscoreError, ERROR_CODES, isClairscoreError } from './errors.js';
export { writeFileAtomic } from './atomic-file.js';
export type { ErrorCode } from './errors.js';
export { Rng } from './rng.js';
export { ensureWorkspace, resolveWorkspace, WORKSPACE_ENV } from './workspace.js';
export type { Workspace } from './workspace.js';
