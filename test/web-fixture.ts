// The dashboard's browser tests share this: a generated workspace with a trained champion, the
// production build of web/ served by the real service, and Debian's chromium driven by
// playwright-core. One workspace, one build and one server per test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';

import { buildApp, DEMO_ACCOUNTS, ensureAccounts, type App } from '../src/api/index.js';
import type { Workspace } from '../src/core/index.js';
import { buildServiceWorkspace, clientIds, removeWorkspace } from './api-fixtures.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS =
  '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync'.split(
    ' ',
  );

/** The demo password of a role. */
export const password = (role: string): string => DEMO_ACCOUNTS.find((a) => a.role === role)!.password;

export interface Dashboard {
  readonly workspace: Workspace;
  readonly app: App;
  /** The service's URL. */
  readonly base: string;
  readonly browser: Browser;
  /** The client account's own client, and another client. */
  readonly ownId: number;
  readonly otherId: number;
  close(): Promise<void>;
}

/** Builds the workspace and the dashboard side by side, starts the service and the browser. */
export async function startDashboard(): Promise<Dashboard> {
  const webDist = mkdtempSync(path.join(tmpdir(), 'cs-web-'));
  const [workspace] = await Promise.all([
    buildServiceWorkspace(),
    build({
      configFile: path.resolve('web/vite.config.ts'),
      logLevel: 'error',
      build: { outDir: webDist, emptyOutDir: true },
    }),
  ]);
  const [ownId, otherId] = (await clientIds(workspace, 2)) as [number, number];
  const app = await buildApp({ workspace, webDist, logger: false, pollMs: 0, loginAttemptsPerMinute: 1000 });
  await ensureAccounts(app.context.accounts, { clientId: ownId });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  return {
    workspace,
    app,
    base,
    browser,
    ownId,
    otherId,
    close: async () => {
      await browser.close();
      await app.close();
      removeWorkspace(workspace);
      rmSync(webDist, { recursive: true, force: true });
    },
  };
}
