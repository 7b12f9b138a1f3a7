// The app's views at a projector's 1280×720 and on a 375 px phone, in real Chromium on the production build
// served under /chainlab/: each view fits without page scroll, opens from the address bar and the tabs' arrow
// keys, passes axe (no serious or critical violation, presenter mode too), and never scrolls sideways on a
// phone, where every control is at least 24×24 px (WCAG 2.2 target size). Also the first render's JavaScript.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { buildAndServe, type ServedApp } from './appServer';
import { launchChromium } from './browser';

let app: ServedApp;
let browser: Browser;
const errors: string[] = [];

const VIEWS = [
  { hash: 'network', tab: 'Network & consensus', region: 'Network' },
  { hash: 'chain', tab: 'Chain', region: 'Chain' },
  { hash: 'lessons', tab: 'Lessons', region: 'Lessons' },
  { hash: 'experiments', tab: 'Experiments', region: 'Experiments' },
] as const;

const PROJECTOR = { width: 1280, height: 720 };
const PHONE = { width: 375, height: 740 };

async function openApp(viewport = PROJECTOR, hash = ''): Promise<Page> {
  const context = await browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${app.url}${hash}`);
  await page.getByRole('tablist', { name: 'Views' }).waitFor();
  return page;
}

async function openView(page: Page, view: (typeof VIEWS)[number]) {
  await page.getByRole('tab', { name: view.tab, exact: true }).click();
  await page.getByRole('region', { name: view.region, exact: true }).waitFor();
  // Lazy panels inside a view (the charts) finish loading.
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 20_000 }).toBe(0);
}

const presenter = (page: Page) => page.getByRole('button', { name: /Presenter mode/ }).click();

const pageOverflow = (page: Page) =>
  page.evaluate(() => ({
    sideways: document.documentElement.scrollWidth - window.innerWidth,
    down: document.documentElement.scrollHeight - window.innerHeight,
  }));

/** Visible controls smaller than 24×24 px, described for the failure message. */
const smallTargets = (page: Page) =>
  page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="tab"], [tabindex="0"]',
    );
    return [...controls]
      .filter((el) => el.checkVisibility() && !el.closest('.visually-hidden, .skip-link'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(
        ({ el, box }) =>
          `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      );
  });

beforeAll(async () => {
  app = await buildAndServe('/chainlab/');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  expect(errors).toEqual([]);
});

describe('views, presenter mode and phones in Chromium (production build under /chainlab/)', () => {
  it('loads at most 150 kB gzip of JavaScript before the first render', async () => {
    const html = await readFile(join(app.dist, 'index.html'), 'utf8');
    // The entry script and what it imports statically (Vite lists those as modulepreload links).
    const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
    let gzip = 0;
    for (const file of files) gzip += gzipSync(await readFile(join(app.dist, file))).length;
    console.log(`first render: ${files.length} JS files, ${(gzip / 1000).toFixed(1)} kB gzip`);
    expect(files.length).toBeGreaterThan(0);
    expect(gzip).toBeLessThanOrEqual(150_000);
  });

  it('requests no view’s code before the view opens', async () => {
    const loaded: string[] = [];
    const context = await browser.newContext({ viewport: PROJECTOR });
    const page = await context.newPage();
    page.on('request', (r) => loaded.push(r.url()));
    await page.goto(app.url);
    await page.getByRole('region', { name: 'Network' }).waitFor();
    expect(loaded.some((u) => /NetworkView-/.test(u))).toBe(true);
    expect(loaded.filter((u) => /(ChainView|LessonsView|ExperimentsView|ChartFigures)-/.test(u))).toEqual([]);
    await openView(page, VIEWS[1]);
    expect(loaded.some((u) => /ChainView-/.test(u))).toBe(true);
    await context.close();
  });

  it('moves between views with the arrow keys, puts the view in the address bar and goes Back', async () => {
    const page = await openApp();
    const tab = (name: string) => page.getByRole('tab', { name, exact: true });
    await expect(tab('Network & consensus').getAttribute('aria-selected')).resolves.toBe('true');
    await tab('Network & consensus').focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('region', { name: 'Chain', exact: true }).waitFor();
    await expect(tab('Chain').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(new URL(page.url()).hash).toBe('#chain');
    await page.keyboard.press('End');
    await page.getByRole('region', { name: 'Experiments', exact: true }).waitFor();
    await page.keyboard.press('ArrowRight'); // wraps to the first
    await expect.poll(() => tab('Network & consensus').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowLeft'); // wraps to the last
    await expect.poll(() => new URL(page.url()).hash).toBe('#experiments');
    // One Tab stop for the row: Tab leaves the tabs for the view.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.not.toBe('tab');
    // Back walks the views in the order they were opened: Network, Experiments (End), then Chain.
    await page.goBack();
    await expect.poll(() => tab('Network & consensus').getAttribute('aria-selected')).toBe('true');
    await page.goBack();
    await expect.poll(() => tab('Experiments').getAttribute('aria-selected')).toBe('true');
    await page.goBack();
    await expect.poll(() => tab('Chain').getAttribute('aria-selected')).toBe('true');
    await page.getByRole('region', { name: 'Chain', exact: true }).waitFor();
    await page.context().close();

    const shared = await openApp(PROJECTOR, '#lessons');
    await shared.getByRole('region', { name: 'Lessons', exact: true }).waitFor();
    await expect(shared.getByRole('tab', { name: 'Lessons' }).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
    // The skip link takes the keyboard straight into the open view.
    await shared.keyboard.press('Tab');
    await expect(shared.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Skip to the Lessons view',
    );
    await shared.keyboard.press('Enter');
    await expect(shared.evaluate(() => document.activeElement?.id)).resolves.toBe('view-panel');
    expect(new URL(shared.url()).hash).toBe('#lessons');
    await shared.context().close();
  });

  for (const mode of ['normal', 'presenter'] as const) {
    it(`fits each view in 1280×720 without page scroll and passes axe (${mode})`, async () => {
      const page = await openApp();
      if (mode === 'presenter') await presenter(page);
      for (const view of VIEWS) {
        await openView(page, view);
        await expect(pageOverflow(page), view.tab).resolves.toEqual({ sideways: 0, down: 0 });
        const violations = await seriousViolations(page);
        expect(violations, `${view.tab}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
      }
      await page.context().close();
    });

    it(`never scrolls sideways on a 375 px phone, every control at least 24×24 px (${mode})`, async () => {
      const page = await openApp(PHONE);
      if (mode === 'presenter') await presenter(page);
      for (const view of VIEWS) {
        await openView(page, view);
        await expect(
          pageOverflow(page).then((o) => o.sideways),
          view.tab,
        ).resolves.toBeLessThanOrEqual(0);
        await expect(smallTargets(page), view.tab).resolves.toEqual([]);
      }
      await page.context().close();
    });
  }
});
