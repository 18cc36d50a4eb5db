import { readFileSync } from 'node:fs';

import type { Command } from 'commander';
import { pino, type DestinationStream } from 'pino';

import { ensureAccounts, startServer, type CreatedAccount, type RunningServer } from '../../api/index.js';
import { ClairscoreError, ensureWorkspace, type Workspace } from '../../core/index.js';
import { contextFrom, type CommandContext } from '../context.js';
import { integerFlag } from '../options.js';

interface ServeFlags {
  port: string;
  host: string;
  tlsCert?: string;
  tlsKey?: string;
  pollMs: string;
}

/** What `serve` (and the demo) print once the service listens. */
export interface ServeResult {
  readonly url: string;
  readonly docs: string;
  readonly modelVersion: number | null;
  readonly accounts: readonly CreatedAccount[];
}

export interface ServeSettings {
  readonly port: number;
  readonly host: string;
  readonly tlsCert?: string | undefined;
  readonly tlsKey?: string | undefined;
  readonly pollMs?: number;
  /** The demo's accounts (client linked to this id), or undefined for a bare admin on first start. */
  readonly demo?: { readonly clientId: number };
}

function readPem(flag: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new ClairscoreError('CS_ERR_INPUT_NOT_FOUND', `${flag} ${file}: ${(error as Error).message}`);
  }
}

/**
 * Standard error, written off the event loop in batches of 4 kB (under load, a write per line
 * took a tenth of the server's time) and at least every half second, so a quiet server's
 * lines still show at once. Pino flushes what is left when the process exits.
 */
function logDestination(): DestinationStream {
  const destination = pino.destination({ dest: 2, sync: false, minLength: 4096 });
  const timer = setInterval(() => destination.flush(), 500).unref();
  destination.on('close', () => clearInterval(timer));
  return destination;
}

/** Starts the service on the workspace and prints where it listens and the log-ins made. */
export async function serveWorkspace(
  ctx: CommandContext,
  workspace: Workspace,
  settings: ServeSettings,
): Promise<{ server: RunningServer; result: ServeResult }> {
  if ((settings.tlsCert === undefined) !== (settings.tlsKey === undefined)) {
    throw new ClairscoreError('CS_ERR_USAGE', 'TLS needs both --tls-cert FILE and --tls-key FILE.');
  }
  const tls =
    settings.tlsCert !== undefined && settings.tlsKey !== undefined
      ? { cert: readPem('--tls-cert', settings.tlsCert), key: readPem('--tls-key', settings.tlsKey) }
      : undefined;
  const server = await startServer({
    workspace,
    port: settings.port,
    host: settings.host,
    logger: { level: ctx.verbose ? 'debug' : 'info', stream: logDestination() },
    pollMs: settings.pollMs ?? 1000,
    secureCookies: tls !== undefined,
    ...(tls ? { tls } : {}),
  });
  const accounts = await ensureAccounts(server.app.context.accounts, settings.demo);
  const result: ServeResult = {
    url: server.url,
    docs: `${server.url}/api/docs`,
    modelVersion: server.app.context.state.models.current?.version ?? null,
    accounts,
  };
  return { server, result };
}

export function renderServe(result: ServeResult): string {
  const lines = [
    `Clairscore is serving model version ${result.modelVersion ?? '(none yet)'} at ${result.url}`,
    `  API docs: ${result.docs}`,
  ];
  if (result.accounts.length > 0) {
    lines.push('  Log-ins:');
    for (const a of result.accounts) {
      const client = a.clientId === null ? '' : ` (client ${a.clientId})`;
      lines.push(`    ${a.role.padEnd(8)} ${a.username} / ${a.password}${client}`);
    }
  }
  lines.push('  Stop with Ctrl-C (requests in flight finish first).');
  return lines.join('\n');
}

/** `clairscore serve`: the HTTP API (and the dashboard when built) on the workspace. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (and the dashboard when built) for the champion model')
    .option('-p, --port <port>', 'TCP port', '3000')
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--tls-cert <file>', 'PEM certificate: serve HTTPS (with --tls-key)')
    .option('--tls-key <file>', 'PEM private key of the certificate')
    .option('--poll-ms <ms>', 'how often to look for a new champion or database', '1000')
    .addHelpText(
      'after',
      '\nExamples:\n  clairscore serve\n  clairscore serve --port 8443 --host 0.0.0.0 --tls-cert cert.pem --tls-key key.pem',
    )
    .action(async (flags: ServeFlags, command: Command) => {
      const ctx = contextFrom(command);
      const { result } = await serveWorkspace(ctx, ensureWorkspace(ctx.workspace), {
        port: integerFlag('--port', flags.port, 0, 65535),
        host: flags.host,
        tlsCert: flags.tlsCert,
        tlsKey: flags.tlsKey,
        pollMs: integerFlag('--poll-ms', flags.pollMs, 100, 3_600_000),
      });
      ctx.result(result, renderServe);
    });
}
