import type { Command } from 'commander';

import { resolveWorkspace, type Workspace } from '../core/index.js';

/** Options every command accepts (declared once on the root program). */
export interface GlobalOptions {
  workspace?: string;
  json?: boolean;
  verbose?: boolean;
}

/** What a command needs from the command line besides its own options. */
export interface CommandContext {
  readonly workspace: Workspace;
  readonly json: boolean;
  readonly verbose: boolean;
  /** Human-readable output (stdout); silent with --json so stdout stays machine-readable. */
  info(message: string): void;
  /** Warnings go to stderr in both modes. */
  warn(message: string): void;
  /** Prints the command's result: JSON with --json, else the human rendering. */
  result<T>(value: T, render: (value: T) => string): void;
}

export function contextFrom(command: Command): CommandContext {
  const options = command.optsWithGlobals<GlobalOptions>();
  const json = Boolean(options.json);
  return {
    workspace: resolveWorkspace(options.workspace),
    json,
    verbose: Boolean(options.verbose),
    info: (message) => {
      if (!json) process.stdout.write(`${message}\n`);
    },
    warn: (message) => process.stderr.write(`warning: ${message}\n`),
    result: (value, render) => {
      process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${render(value)}\n`);
    },
  };
}
