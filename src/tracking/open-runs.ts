import type { RunStatus } from './types.js';

/** A run that can be closed synchronously when the process is about to die. */
export interface ClosableRun {
  readonly runId: string;
  closeSync(status: Exclude<RunStatus, 'RUNNING'>): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const open = new Map<string, ClosableRun>();
let installed = false;

function closeAll(status: Exclude<RunStatus, 'RUNNING'>): void {
  for (const run of open.values()) {
    try {
      run.closeSync(status);
    } catch {
      // a run we cannot close stays RUNNING, which readers accept
    }
  }
  open.clear();
}

// An interrupt or termination request is a kill by someone (MLflow's KILLED); the run is marked,
// then the signal is raised again so the process dies as it would have without us, unless
// another listener (the CLI's own) has taken charge of it.
function onSignal(signal: NodeJS.Signals): void {
  closeAll('KILLED');
  uninstall();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

// A run still open when the process exits was never ended: MLflow's fluent API ends such runs at
// exit (FINISHED); a non-zero exit code, e.g. after an uncaught exception, says FAILED.
function onExit(code: number): void {
  closeAll(code === 0 ? 'FINISHED' : 'FAILED');
}

function install(): void {
  if (installed) return;
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', onExit);
  installed = true;
}

function uninstall(): void {
  if (!installed) return;
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', onExit);
  installed = false;
}

/** Watches a run until `forget`: a signal or exit first marks it KILLED, FINISHED or FAILED. */
export function watchRun(run: ClosableRun): void {
  open.set(run.runId, run);
  install();
}

export function forgetRun(runId: string): void {
  open.delete(runId);
  if (open.size === 0) uninstall();
}
