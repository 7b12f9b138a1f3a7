// Languages in real Chromium on the production build under /chainlab/: the Language select in the top bar
// switches the page to Español, then Deutsch; the visible texts change, <html lang> follows, and the choice
// survives a reload.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAndServe, type ServedApp } from './appServer';
import { launchChromium } from './browser';

let app: ServedApp;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await buildAndServe('/chainlab/');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(app.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** What a reader sees of the top bar: the language, the clock's buttons, the step button's tooltip. */
async function topBar() {
  const controls = page.locator('nav.controls');
  return {
    lang: await page.evaluate(() => document.documentElement.lang),
    select: await page.locator('label.language-select').innerText(),
    step: (await controls.locator('button').nth(2).innerText()).trim(),
    stepTitle: await controls.locator('button').nth(2).getAttribute('title'),
  };
}

describe('choosing a language', () => {
  it('opens in English for an English browser', async () => {
    await page.locator('label.language-select select').waitFor();
    expect(await topBar()).toMatchObject({ lang: 'en', step: '⇥ Step' });
    expect((await topBar()).select).toMatch(/^Language/);
  });

  it('switches to Español: the texts change and <html lang> follows', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Español' });
    await expect.poll(topBar).toMatchObject({ lang: 'es', step: '⇥ Paso' });
    expect((await topBar()).select).toMatch(/^Idioma/);
    expect((await topBar()).stepTitle).toMatch(/siguiente evento/);
  });

  it('then Deutsch, which a reload keeps', async () => {
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption({ label: 'Deutsch' });
    await expect.poll(topBar).toMatchObject({ lang: 'de', step: '⇥ Schritt' });
    await page.reload();
    await page.locator('label.language-select select').waitFor();
    await expect.poll(topBar).toMatchObject({ lang: 'de', step: '⇥ Schritt' });
    expect(await page.getByRole('combobox', { name: 'Sprache' }).inputValue()).toBe('de');
    expect(pageErrors).toEqual([]);
  });
});
