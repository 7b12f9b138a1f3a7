// Time travel in real Chromium, on the production build under a sub-path: drag the timeline back and the
// panels show fewer blocks; Home and End jump to the start and the present; playing from an earlier moment
// starts a branch and the old future can be gone back to; Step back; a link shared at a moment opens there.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, height, tip } from './appPage';
import { buildAndServe, type ServedApp } from './appServer';
import { launchChromium } from './browser';

let app: ServedApp;
let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  app = await buildAndServe('/chainlab/');
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(url = app.url): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.getByRole('region', { name: 'Network' }).waitFor();
  return page;
}

const timeline = (page: Page) => page.getByRole('slider', { name: 'Timeline' });
const moment = async (page: Page) => Number(await timeline(page).inputValue());

describe('the timeline', () => {
  it('goes back to any moment, continues as a branch, and returns to the future it left', async () => {
    const page = await open();
    // An easier puzzle so that blocks come quickly.
    const difficulty = page
      .getByRole('region', { name: 'Settings' })
      .getByRole('slider', { name: /Difficulty/ });
    await difficulty.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => height(page, 'Alice'), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
    await page.getByRole('button', { name: /Pause/ }).click();
    const h = await height(page, 'Alice');
    const t = await tip(page, 'Alice');
    const end = await moment(page);
    expect(end).toBeGreaterThan(20);

    // Home: the start of the run, before the first node joined. End: the present again.
    await timeline(page).focus();
    await page.keyboard.press('Home');
    await expect.poll(() => moment(page)).toBe(0);
    await expect.poll(() => card(page, 'Alice').count()).toBe(0);
    await page.keyboard.press('End');
    await expect.poll(() => height(page, 'Alice')).toBe(h);
    expect(await tip(page, 'Alice')).toBe(t);
    // The arrows step one input; Step back is the same from the controls.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => moment(page)).toBe(end - 1);
    await page.getByRole('button', { name: /Step back/ }).click();
    await expect.poll(() => moment(page)).toBe(end - 2);

    // Drag back to a third: fewer blocks everywhere, and the page says what Play will do.
    await timeline(page).fill(String(Math.floor(end / 3)));
    await expect.poll(() => height(page, 'Alice')).toBeLessThan(h);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Showing moment' }).textContent())
      .toContain('Play continues from here as a new branch');
    await page.screenshot({ path: 'test-results/timeline-back.png' });

    // A link shared here opens here.
    const share = page.getByRole('region', { name: 'Save and share' });
    await share.getByRole('button', { name: /Copy share link/ }).click();
    const link = await share.getByLabel('Share link').inputValue();
    expect(link).toMatch(new RegExp(`#s=[A-Za-z0-9_-]+&t=${Math.floor(end / 3)}$`));
    const copy = await open(link);
    await expect.poll(() => moment(copy)).toBe(Math.floor(end / 3));
    expect(await height(copy, 'Alice')).toBe(await height(page, 'Alice'));
    await copy.close();

    // Play from here: a new branch; the future left behind stays.
    await page.getByRole('button', { name: /Play/ }).click();
    const branch = page.getByRole('combobox', { name: 'Branch' });
    await branch.waitFor();
    expect(await branch.locator('option').count()).toBe(2);
    await page.waitForTimeout(1000);
    await page.getByRole('button', { name: /Pause/ }).click();
    await branch.selectOption({ index: 0 });
    await expect.poll(() => height(page, 'Alice')).toBe(h);
    expect(await tip(page, 'Alice')).toBe(t);
    expect(await moment(page)).toBe(end);
    await page.close();
  }, 120_000);

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
