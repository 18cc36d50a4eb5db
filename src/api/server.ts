import type { AddressInfo } from 'node:net';

import { ClairscoreError } from '../core/index.js';
import { buildApp, type App, type AppOptions } from './app.js';

export interface ServeOptions extends AppOptions {
  readonly port: number;
  readonly host: string;
}

export interface RunningServer {
  readonly app: App;
  readonly url: string;
  /** Stops taking connections, finishes the requests in flight, then frees the model and database. */
  close(): Promise<void>;
}

/** Builds the service and listens; SIGTERM and SIGINT close it gracefully. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const app = await buildApp(options);
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    await app.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new ClairscoreError(
        'CS_ERR_USAGE',
        `Cannot listen on ${options.host}:${options.port} (${code}): choose another --port or --host.`,
      );
    }
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `${options.tls ? 'https' : 'http'}://${host}:${address.port}`;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= app.close().then(() => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    });
    return closing;
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    void close().then(() => process.exit(0));
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return { app, url, close };
}
