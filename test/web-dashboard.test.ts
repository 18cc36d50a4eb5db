// The dashboard in a real Chromium against the real service: a generated workspace with a
// trained champion, the production build of web/ served by the API, playwright-core driving
// Debian's chromium. One workspace and one build for the whole file keeps it within ~90 s.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Workspace } from '../src/core/index.js';
import { clientIds } from './api-fixtures.js';
import { password, startDashboard, type Dashboard } from './web-fixture.js';

/** Spaces of any kind (French number formats use narrow no-break spaces) as one plain space. */
const text = (value: string | null) => (value ?? '').replace(/\s+/g, ' ');

let dashboard: Dashboard;
let workspace: Workspace;
let base: string;
let browser: Browser;
let ownId: number;
let otherId: number;

interface ScoreAnswer {
  clientId: number;
  probability: number;
  decision: 'accepted' | 'refused' | 'review';
  explanation: unknown;
}

beforeAll(async () => {
  dashboard = await startDashboard();
  ({ workspace, base, browser, ownId, otherId } = dashboard);
}, 180_000);

afterAll(async () => dashboard?.close());

/** A fresh browser profile (own cookies and localStorage), logged in through the form. */
async function loggedIn(role: 'advisor' | 'client'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto('/');
  await page.waitForURL(/\/login$/);
  await page.locator('#login-username').fill(role);
  await page.locator('#login-password').fill(password(role));
  await page.locator('form.login-form button[type=submit]').click();
  await page.waitForURL(role === 'client' ? new RegExp(`/clients/${ownId}$`) : /\/clients$/);
  return { context, page };
}

/** The API answer as the logged-in page sees it (same cookie). */
async function apiFrom<T>(page: Page, url: string): Promise<{ status: number; body: T }> {
  return page.evaluate(async (u) => {
    const response = await fetch(u);
    return { status: response.status, body: (await response.json()) as T };
  }, url);
}

/**
 * WCAG contrast of every visible text run on the page: the text colour against the first opaque
 * background up the tree. Returns the runs under 4.5:1 (3:1 for large text).
 */
async function contrastFailures(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const ch = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(r!) + 0.7152 * ch(g!) + 0.0722 * ch(b!);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! >= 0.99)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const failures: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (
        !el ||
        !node.textContent?.trim() ||
        el.closest('svg, [aria-hidden="true"], .visually-hidden, details:not([open]) > :not(summary)')
      )
        continue;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0)
        continue;
      const fg = parse(style.color);
      const alpha = fg[3] ?? 1;
      const bg = background(el);
      const blended = fg.slice(0, 3).map((v, i) => v * alpha + bg[i]! * (1 - alpha));
      const [a, b] = [lum(blended), lum(bg)].sort((x, y) => y - x) as [number, number];
      const ratio = (a + 0.05) / (b + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5))
        failures.push(
          `${ratio.toFixed(2)} "${node.textContent.trim().slice(0, 40)}" ${style.color} on rgb(${bg.join(',')})`,
        );
    }
    return failures;
  });
}

describe('advisor', () => {
  let context: BrowserContext;
  let page: Page;
  let score: ScoreAnswer;
  const decisions = new Map<number, ScoreAnswer['decision']>();
  /** The (skip + 1)-th training client (of the first 400) the model gives this decision, from the API. */
  async function firstWith(decision: ScoreAnswer['decision'], skip = 0): Promise<number | undefined> {
    let seen = 0;
    for (const id of await clientIds(workspace, 400)) {
      if (!decisions.has(id))
        decisions.set(id, (await apiFrom<ScoreAnswer>(page, `/api/clients/${id}/score`)).body.decision);
      if (decisions.get(id) === decision && seen++ === skip) return id;
    }
    return undefined;
  }

  beforeAll(async () => {
    ({ context, page } = await loggedIn('advisor'));
  });
  afterAll(async () => context?.close());

  it('logs in, searches a client by id and shows the gauge, the decision and the reasons the API gives', async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.locator('#client-search-input').fill(String(otherId).slice(0, 4));
    await expect.poll(() => page.locator('.search-results a').count()).toBeGreaterThan(0);
    await page.locator('#client-search-input').fill(String(otherId));
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/clients/${otherId}$`));
    score = (await apiFrom<ScoreAnswer>(page, `/api/clients/${otherId}/score`)).body;
    const badge = page.locator('[data-testid=decision-summary] .decision');
    await badge.waitFor();
    expect(await badge.getAttribute('data-decision')).toBe(score.decision);
    const words = { accepted: 'Accepté', refused: 'Refusé', review: 'À revoir' }[score.decision];
    expect(await badge.innerText()).toContain(words);
    expect(await page.locator('.decision-icon').first().innerText()).not.toBe(''); // an icon, not colour alone
    const gauge = page.locator('figure[data-chart=gauge]');
    await gauge.locator('[data-drawn=true] svg').waitFor();
    const percent = new Intl.NumberFormat('fr-FR', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(score.probability);
    expect(text(await gauge.locator('table').textContent())).toContain(text(percent));
    expect(await page.locator('[data-testid=interpretation]').innerText()).not.toBe('');
    if (score.explanation === null) return; // explanations not loaded: the page says so (checked below)
    const waterfall = page.locator('figure[data-chart=waterfall]');
    await waterfall.locator('[data-drawn=true] svg').waitFor();
    expect(await waterfall.locator('table tbody tr').count()).toBeGreaterThan(2);
    expect(await waterfall.locator('table').textContent()).toMatch(/log-odds/);
    expect(await page.locator('[data-testid=reasons] li').count()).toBeGreaterThan(0);
  });

  it('shows the client information by chosen groups, and the comparison changes with the group', async () => {
    await page.locator('.client-info [data-field-group=identity] dt').first().waitFor();
    const employment = page.locator('input[name=field-group][value=employment]');
    await employment.uncheck();
    expect(await page.locator('[data-field-group=employment]').count()).toBe(0);
    await employment.check();
    const panel = page.locator('[data-testid=comparison]');
    await panel.locator('#compare-feature').selectOption('AMT_CREDIT');
    const figure = panel.locator('figure[data-chart=distribution]');
    await expect.poll(() => figure.locator('figcaption').textContent()).toMatch(/crédit/i);
    await figure.locator('[data-drawn=true] svg').waitFor();
    const columnsAll = await figure.locator('thead th').count();
    expect(await panel.locator('[data-testid=percentile-sentence]').innerText()).toMatch(/%/);
    await panel.locator('input[name=compare-mode][value=group]').check();
    const gender = panel.locator('#filter-gender');
    await expect.poll(() => gender.locator('option').count()).toBeGreaterThan(1);
    await gender.selectOption({ index: 1 });
    await expect.poll(() => figure.locator('thead th').count()).toBe(columnsAll + 1);
    await panel.locator('input[name=compare-mode][value=outcome]').check();
    await expect.poll(() => figure.locator('thead').textContent()).toMatch(/remboursé/);
    await panel.locator('input[name=compare-mode][value=neighbours]').check();
    const similar = panel.locator('figure[data-chart=neighbours]');
    await expect.poll(() => similar.locator('tbody tr').count(), { timeout: 15_000 }).toBe(10);
    expect(await similar.locator('[data-testid=percentile-sentence]').textContent()).toMatch(
      /10 clients les plus proches/,
    );
    await panel.locator('figure[data-chart=radar] table').waitFor({ state: 'attached' });
  });

  it('switches language, sets the lang attribute, and remembers it after a reload', async () => {
    await page.locator('button[data-lang=en]').click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.locator('h2#client-info-title').innerText()).toBe('Client information');
    await page.reload();
    await page.locator('h2#client-info-title').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h2#client-info-title').innerText()).toBe('Client information');
    await page.locator('button[data-lang=fr]').click();
    await expect
      .poll(() => page.locator('h2#client-info-title').innerText())
      .toBe('Informations sur le client');
  });

  it('what-if: a much larger loan changes the score live', async (ctx) => {
    await page.goto(`/clients/${otherId}/what-if`);
    const application = await apiFrom<unknown>(page, `/api/clients/${otherId}/application`);
    if (application.status === 404) {
      await page.locator('[role=alert]').waitFor();
      ctx.skip(
        'GET /api/clients/:id/application is not in the API yet: the page shows its error (checked); the simulation cannot run',
      );
    }
    const result = page.locator('[data-testid=whatif-result]');
    const gaugeTable = result.locator('figure[data-chart=gauge] table');
    await gaugeTable.waitFor({ state: 'attached' });
    const before = await gaugeTable.textContent();
    const amount = page.locator('#whatif-amount');
    await amount.fill(String(Math.round(Number(await amount.inputValue()) * 4)));
    await expect.poll(() => gaugeTable.textContent(), { timeout: 15_000 }).not.toBe(before);
    expect(await page.locator('#whatif-result-title').innerText()).toMatch(/modifiée/);
  });

  it("what-if: changing the advisor's fields changes the decision, as the API says it should", async () => {
    // Find, through the API, a client and an income the decision turns on; then do it in the page.
    let found: { id: number; income: number; decision: string } | undefined;
    for (const id of (await clientIds(workspace, 400)).slice(0, 60)) {
      found = await page.evaluate(async (cid) => {
        const application = (await (await fetch(`/api/clients/${cid}/application`)).json()) as Record<
          string,
          unknown
        >;
        const score = async (body: unknown) =>
          (
            (await (
              await fetch('/api/score', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(body),
              })
            ).json()) as { decision: string }
          ).decision;
        const original = await score(application);
        for (const factor of [0.1, 10]) {
          const income = Math.round(Number(application.AMT_INCOME_TOTAL) * factor);
          const decision = await score({ ...application, AMT_INCOME_TOTAL: income });
          if (decision !== original) return { id: cid, income, decision };
        }
        return undefined;
      }, id);
      if (found) break;
    }
    expect(found, 'no client of the first 60 whose decision turns on income').toBeDefined();
    await page.goto(`/clients/${found!.id}/what-if`);
    const badge = page.locator('[data-testid=whatif-result] .decision');
    await badge.waitFor();
    const income = page.locator('#whatif-income');
    await income.fill(String(found!.income));
    await expect.poll(() => badge.getAttribute('data-decision'), { timeout: 15_000 }).toBe(found!.decision);
    expect(await page.locator('#whatif-result-title').textContent()).toMatch(/modifiée/);
  });

  it('what-if: the counterfactual suggestion, applied, turns a refused or review file into an accepted one', async (ctx) => {
    // a file some lever can flip: ask the API for the first few refused or review files
    let flippable: number | undefined;
    for (let tried = 0; tried < 4 && flippable === undefined; tried++) {
      const id = await firstWith(tried % 2 === 0 ? 'review' : 'refused', tried >> 1);
      if (id === undefined) continue;
      const found = await page.evaluate(async (cid) => {
        const application = await (await fetch(`/api/clients/${cid}/application`)).json();
        const response = await fetch('/api/counterfactual', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(application),
        });
        return ((await response.json()) as { suggestions?: unknown[] }).suggestions?.length ?? 0;
      }, id);
      if (found > 0) flippable = id;
    }
    if (flippable === undefined)
      ctx.skip(
        'POST /api/counterfactual finds no accepted change within bounds for the first 2 review and 2 refused files of this small model',
      );
    await page.goto(`/clients/${flippable}/what-if`);
    const suggestion = page.locator('section.counterfactual li[data-lever]').first();
    await suggestion.waitFor({ timeout: 30_000 });
    expect(await suggestion.locator('p').textContent()).toMatch(/\d/);
    await suggestion.locator('button').click();
    const badge = page.locator('[data-testid=whatif-result] .decision');
    await expect.poll(() => badge.getAttribute('data-decision'), { timeout: 15_000 }).toBe('accepted');
    expect(await page.locator('#whatif-result-title').textContent()).toMatch(/modifiée/);
  });

  it('the letter has a print style sheet and prints on one A4 page', async () => {
    await page.goto(`/clients/${otherId}/letter`);
    await page.locator('[data-testid=letter]').waitFor();
    const rules = await page.evaluate(() =>
      [...document.styleSheets]
        .flatMap((s) => [...s.cssRules].map((r) => r.cssText))
        .filter((t) => /@media print|@page/.test(t)),
    );
    expect(rules.some((r) => r.startsWith('@media print'))).toBe(true);
    expect(rules.some((r) => /@page\s*{[^}]*size:\s*A4/i.test(r))).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('[data-testid=letter]').isVisible()).toBe(true);
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(1);
    await page.emulateMedia({ media: 'screen' });
  });

  it('records a final decision on a file in the review band, and the letter shows it', async (ctx) => {
    const review = await firstWith('review');
    if (review === undefined)
      ctx.skip('no client of the first 400 falls in the review band of this small model');
    await page.goto(`/clients/${review}`);
    await page.locator('input[name=review-decision][value=refuse]').check();
    await page.locator('#review-reason').fill('Revenus non justifiés au dossier');
    await page.locator('section.review button[type=submit]').click();
    await page.locator('.final-decision[data-final-decision=refuse]').waitFor();
    await page.goto(`/clients/${review}/letter`);
    expect(await page.locator('[data-testid=letter-final-decision]').innerText()).toContain(
      'Revenus non justifiés',
    );
    expect(await page.locator('[data-testid=letter] .decision').getAttribute('data-decision')).toBe(
      'refused',
    );
  });

  it('model page: every chart has a data table', async (ctx) => {
    await page.goto('/model');
    await page.locator('[data-testid=model-card]').waitFor();
    const pageData = await apiFrom<unknown>(page, '/api/model/page');
    if (pageData.status !== 200) {
      await page.locator('[role=alert]').waitFor();
      ctx.skip(
        `GET /api/model/page answers ${pageData.status} (src/explain modelPage not done): the page shows its error (checked)`,
      );
    }
    for (const chart of [
      'roc',
      'pr',
      'calibration',
      'cost',
      'importance',
      'fairness-gender',
      'fairness-age',
    ]) {
      const figure = page.locator(`figure[data-chart=${chart}]`);
      await figure.locator('table tbody tr').first().waitFor({ state: 'attached' });
    }
    expect(await page.locator('[data-chart=confusion] tbody td').count()).toBe(4);
    expect(await contrastFailures(page)).toEqual([]);
  });

  it('monitoring shows a clear empty state while there is no drift report; experiments list the training run', async () => {
    await page.goto('/monitoring');
    const empty = page.locator('[data-empty-state]');
    await empty.waitFor();
    expect(await empty.innerText()).toMatch(/Aucun rapport de dérive/);
    expect(await contrastFailures(page)).toEqual([]);
    await page.goto('/experiments');
    await page.locator('main table, [data-empty-state]').first().waitFor();
  });

  it('has AA contrast on the search and client pages', async () => {
    await page.goto('/clients');
    await page.locator('#client-search-input').waitFor();
    expect(await contrastFailures(page)).toEqual([]);
    await page.goto(`/clients/${otherId}`);
    await page.locator('figure[data-chart=distribution] [data-drawn=true]').waitFor();
    expect(await contrastFailures(page)).toEqual([]);
  });

  it('says clearly when a client does not exist, and when the session has ended', async () => {
    await page.goto('/clients/999999999');
    const alert = page.locator('[role=alert][data-error-code=CS_ERR_UNKNOWN_CLIENT]').first();
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Aucun client ne porte ce numéro/);
    await context.clearCookies(); // the session ends (expired, revoked, or the cookie lost)
    await page.locator('nav a', { hasText: 'Modèle' }).click();
    await page.waitForURL(/\/login$/);
    expect(await page.locator('[data-testid=session-expired]').textContent()).toMatch(/session a pris fin/);
  });
});

describe('keyboard only', () => {
  it('logs in and reaches the skip link, navigation, language switch and client search by Tab, with a visible focus', async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto('/login');
    await page.locator('#login-username').waitFor();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return {
          id: el.id,
          text: el.innerText?.trim() ?? '',
          tag: el.tagName,
          outline: style.outlineStyle,
          width: style.outlineWidth,
        };
      });
    const tabUntil = async (match: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 25) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press('Tab');
        const f = await focused();
        if (match(f)) return f;
      }
      throw new Error('focus never reached the control');
    };
    await tabUntil((f) => f.id === 'login-username');
    await page.keyboard.type('advisor');
    await page.keyboard.press('Tab');
    await page.keyboard.type(password('advisor'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/clients$/);
    await page.goto('/clients'); // a fresh load: focus starts at the top of the document
    await page.locator('#client-search-input').waitFor();
    const skip = await tabUntil((f) => f.tag === 'A' && /contenu/.test(f.text));
    expect(skip.outline).not.toBe('none');
    await tabUntil((f) => f.text === 'Modèle');
    const lang = await tabUntil((f) => f.tag === 'BUTTON' && f.text.includes('EN'));
    expect(lang.outline).toBe('solid');
    const search = await tabUntil((f) => f.id === 'client-search-input');
    expect(search.outline).toBe('solid');
    await page.keyboard.type(String(ownId));
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/clients/${ownId}$`));
    await tabUntil((f) => f.tag === 'A' && /Et si/.test(f.text), 40);
    await page.keyboard.press('Enter');
    await page.waitForURL(/what-if$/);
    await context.close();
  });
});

describe('client account', () => {
  it('sees only their own page, in the second person, and is refused any other client (URL tampering)', async () => {
    const { context, page } = await loggedIn('client');
    await page.locator('[data-testid=decision-summary]').waitFor();
    expect(await page.locator('#client-search-input').count()).toBe(0);
    expect(await page.locator('h1').innerText()).toBe('Votre dossier');
    expect(await page.locator('.decision-sentence').innerText()).toMatch(/^Votre risque/);
    expect(await page.locator('input[name=compare-mode][value=neighbours]').count()).toBe(0);
    expect(await page.locator('figure[data-chart=bivariate]').count()).toBe(0);
    expect(await contrastFailures(page)).toEqual([]);
    for (const url of [
      `/clients/${otherId}`,
      `/clients/${otherId}/letter`,
      `/clients/${otherId}/what-if`,
      '/clients',
      '/model',
    ]) {
      await page.goto(url);
      expect(await page.locator('[data-testid=refused]').innerText()).toMatch(/Accès refusé/);
    }
    // and the API refuses it too, whatever the page does
    expect((await apiFrom(page, `/api/clients/${otherId}/score`)).status).toBe(403);
    expect((await apiFrom(page, `/api/clients/${otherId}`)).status).toBe(403);
    await context.close();
  });
});
