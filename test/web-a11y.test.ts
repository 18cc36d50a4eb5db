// Accessibility scan (axe-core, WCAG 2.1 A/AA) of every page of the dashboard in a real Chromium
// against the real service, and the screenshots of the main pages for the README
// (docs/screenshots, 1280x800, data from the fixture's seed). Same fixture as
// web-dashboard.test.ts: one workspace, one build, one server for the whole file.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { AxeResults, ImpactValue } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { password, startDashboard, type Dashboard } from './web-fixture.js';

/** axe-core's source, evaluated in the page (a script tag would be refused by the CSP, rightly). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOTS = path.resolve('docs/screenshots');
const VIEWPORT = { width: 1280, height: 800 };
/** A fixed clock: the letter's date and "today" texts are the same on every run. */
const FIXED_TIME = new Date('2026-03-02T10:00:00Z');
const BLOCKING: readonly ImpactValue[] = ['serious', 'critical'];

let dashboard: Dashboard;
let base: string;
let browser: Browser;
let ownId: number;
let otherId: number;

beforeAll(async () => {
  dashboard = await startDashboard();
  ({ base, browser, ownId, otherId } = dashboard);
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => dashboard?.close());

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: base, viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.clock.setFixedTime(FIXED_TIME);
  return { context, page };
}

async function logIn(page: Page, role: 'advisor' | 'client'): Promise<void> {
  await page.goto('/login');
  await page.locator('#login-username').fill(role);
  await page.locator('#login-password').fill(password(role));
  await page.locator('form.login-form button[type=submit]').click();
  await page.waitForURL(role === 'client' ? new RegExp(`/clients/${ownId}$`) : /\/clients$/);
}

/** Waits until the page has asked all it needs and every chart on it is drawn. */
async function settled(page: Page, ready: string): Promise<void> {
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect
    .poll(() => page.locator('.chart-loading, .chart-canvas:not([data-drawn=true])').count(), {
      timeout: 15_000,
    })
    .toBe(0);
}

/** The serious and critical WCAG 2.1 A/AA violations axe-core finds on the page as it is. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const results = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run: (options: object) => Promise<AxeResults> } };
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  // a scan that ran: axe checked some rules (a blank page or a failed injection would not)
  expect(results.passes.length).toBeGreaterThan(0);
  return results.violations
    .filter((v) => v.impact && BLOCKING.includes(v.impact))
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} -- ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.mouse.move(0, 0); // no hover state in the picture
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  const size = statSync(file).size;
  expect(size).toBeGreaterThan(5_000); // not a blank page
  expect(size).toBeLessThan(400_000);
}

describe('accessibility (axe-core, WCAG 2.1 A/AA: no serious or critical violation) and screenshots', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await newPage());
  });
  afterAll(async () => context?.close());

  it('log-in page', async () => {
    await page.goto('/login');
    await settled(page, '#login-username');
    await screenshot(page, 'login');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('client search', async () => {
    await logIn(page, 'advisor');
    await page.goto('/clients');
    await settled(page, '#client-search-input');
    await page.locator('#client-search-input').fill(String(otherId).slice(0, 4));
    await expect.poll(() => page.locator('.search-results a').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    // the scan does catch a fault: an unlabelled field and an image without a text alternative
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'a11y-probe';
      probe.innerHTML = '<input type="text"><img src="/favicon.ico">';
      document.querySelector('main')?.append(probe);
    });
    const faults = await axeViolations(page);
    expect(faults.some((f) => f.startsWith('critical image-alt'))).toBe(true);
    expect(faults.some((f) => f.startsWith('critical label'))).toBe(true);
    await page.evaluate(() => document.getElementById('a11y-probe')?.remove());
  });

  it('client page', async () => {
    await page.goto(`/clients/${otherId}`);
    await settled(page, 'figure[data-chart=distribution] [data-drawn=true]');
    await screenshot(page, 'client');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('what-if simulator', async () => {
    await page.goto(`/clients/${otherId}/what-if`);
    await settled(page, '[data-testid=whatif-result] figure[data-chart=gauge], [role=alert]');
    await screenshot(page, 'what-if');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('decision letter', async () => {
    await page.goto(`/clients/${otherId}/letter`);
    await settled(page, '[data-testid=letter]');
    await screenshot(page, 'letter');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('model page', async () => {
    await page.goto('/model');
    await settled(page, '[data-testid=model-card]');
    await screenshot(page, 'model');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('experiments page', async () => {
    await page.goto('/experiments');
    await settled(page, 'main table, [data-empty-state]');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('monitoring page', async () => {
    await page.goto('/monitoring');
    await settled(page, '[data-empty-state], main figure');
    await screenshot(page, 'monitoring');
    expect(await axeViolations(page)).toEqual([]);
  });

  it("client account: the client's own page", async () => {
    const own = await newPage();
    try {
      await logIn(own.page, 'client');
      await settled(own.page, '[data-testid=decision-summary]');
      expect(await axeViolations(own.page)).toEqual([]);
    } finally {
      await own.context.close();
    }
  });
});
