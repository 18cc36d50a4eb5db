import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** System tags MLflow's default and git contexts add to every run (mlflow.md 2.6). */
export interface RunContext {
  readonly user: string;
  readonly sourceName: string;
  readonly gitCommit?: string;
}

/** The current user, as getpass.getuser() would find it. */
export function currentUser(env: NodeJS.ProcessEnv = process.env): string {
  try {
    return userInfo().username;
  } catch {
    // no passwd entry (some containers): the variables getpass reads
    return env.LOGNAME ?? env.USER ?? env.LNAME ?? env.USERNAME ?? 'unknown';
  }
}

/** The commit checked out in `cwd`, or undefined when it is not a git work tree or git is absent. */
export async function gitCommit(cwd: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['rev-parse', 'HEAD'], { cwd, timeout: 5_000, windowsHide: true });
    const commit = stdout.trim();
    return /^[0-9a-f]{40,64}$/.test(commit) ? commit : undefined;
  } catch {
    return undefined;
  }
}

/** User, entry script (sys.argv[0] in MLflow) and git commit of this process. */
export async function detectRunContext(cwd = process.cwd()): Promise<RunContext> {
  const script = process.argv[1];
  const commit = await gitCommit(cwd);
  return {
    user: currentUser(),
    sourceName: script ? path.resolve(script) : '<console>',
    ...(commit ? { gitCommit: commit } : {}),
  };
}

/** The system tags of a new run, before the caller's own tags (which may override them). */
export function systemTags(
  context: RunContext,
  runName: string,
  parentRunId?: string,
): Record<string, string> {
  return {
    'mlflow.runName': runName,
    'mlflow.user': context.user,
    'mlflow.source.name': context.sourceName,
    'mlflow.source.type': 'LOCAL',
    ...(context.gitCommit ? { 'mlflow.source.git.commit': context.gitCommit } : {}),
    ...(parentRunId ? { 'mlflow.parentRunId': parentRunId } : {}),
  };
}
