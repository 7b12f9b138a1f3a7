// Offline, as a classroom whose wifi fails: the production build under /chainlab/ (as GitHub Pages serves it) is
// visited once, its service worker takes control of the page, then the network goes away and the page is
// reloaded. The app must start from the cache and mine (its miner workers load from the cache too).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { height } from './appPage';
import { buildAndServe, type ServedApp } from './appServer';
import { launchChromium } from './browser';

let app: ServedApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await buildAndServe('/chainlab/');
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);

describe('offline after one visit', () => {
  it('installs a service worker scoped to the sub-path that takes control of the page', async () => {
    await page.goto(app.url);
    await page.getByRole('region', { name: 'Network' }).waitFor();
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(app.url);
    // autoUpdate claims the open page once the precache is complete.
    await expect.poll(controlled, { timeout: 30_000 }).toBe(true);
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      return link ? ((await (await fetch(link.href)).json()) as { name: string; icons: unknown[] }) : null;
    });
    expect(manifest?.name).toMatch(/Chainlab/);
    expect(manifest?.icons.length).toBeGreaterThan(0);
  });

  it('with the network gone, a reload opens the app from the cache and it mines', async () => {
    await context.setOffline(true);
    // The control: with no network, a URL the service worker never cached really fails.
    const uncached = await page.evaluate(() =>
      fetch('/not-cached-anywhere').then(
        () => 'loaded',
        () => 'failed',
      ),
    );
    expect(uncached).toBe('failed');

    await page.reload();
    await page.getByRole('region', { name: 'Network' }).waitFor({ timeout: 30_000 });
    expect(await controlled()).toBe(true);
    const start = await height(page, 'Alice');
    await expect.poll(() => height(page, 'Alice'), { timeout: 45_000 }).toBeGreaterThan(start);
    expect(pageErrors).toEqual([]);
  });
});
