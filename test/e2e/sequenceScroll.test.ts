// The message diagram's scroll box in real Chromium (production build) with every node mining: it stays at the
// newest message as messages stream in, leaves a reader who scrolled up where they are (with a button back to
// the latest), and follows again from there; the list view the same. It follows through the browser's scroll
// anchoring (src/ui/FollowScroll.tsx), which only a real layout engine does.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyNodeMiningLink } from '../../bench/uiLink';
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

async function open(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${app.url}${await everyNodeMiningLink()}`);
  await page.getByRole('region', { name: 'Messages' }).waitFor({ timeout: 30_000 });
  return page;
}

/** Pixels between the bottom of what the box shows and the end of its content. */
const belowView = (box: Locator) => box.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
const scrollTop = (box: Locator) => box.evaluate((el) => el.scrollTop);
const overflow = (box: Locator) => box.evaluate((el) => el.scrollHeight - el.clientHeight);
/** The id of the newest message drawn or listed (its key in the diagram, its row count in the list). */
const newest = (page: Page) =>
  page.evaluate(() => {
    const arrows = document.querySelectorAll('.seq-scroll [data-message]');
    return arrows.length > 0
      ? (arrows[arrows.length - 1]?.getAttribute('data-message') ?? '')
      : (document.querySelector('.seq-scroll tbody tr:last-child')?.textContent ?? '');
  });

async function nextMessages(page: Page) {
  const before = await newest(page);
  await expect.poll(() => newest(page), { timeout: 30_000 }).not.toBe(before);
}

describe('the message diagram', () => {
  it('follows the newest message, stays put for a reader who scrolled up, and follows again', async () => {
    const page = await open();
    const messages = page.getByRole('region', { name: 'Messages' });
    const box = messages.getByRole('group', { name: 'Message diagram, scrollable' });
    const latest = messages.getByRole('button', { name: 'Show the latest messages' });
    await expect.poll(() => overflow(box), { timeout: 30_000 }).toBeGreaterThan(200);

    for (let i = 0; i < 3; i++) {
      await nextMessages(page);
      expect(await belowView(box)).toBeLessThan(2);
    }
    expect(await latest.count()).toBe(0);

    // A reader scrolls up to an older message: new ones arrive below without moving them.
    await box.scrollIntoViewIfNeeded();
    await box.hover();
    await page.mouse.wheel(0, -150);
    await expect.poll(() => belowView(box)).toBeGreaterThan(100);
    await latest.waitFor();
    const reading = await scrollTop(box);
    for (let i = 0; i < 2; i++) {
      await nextMessages(page);
      expect(await scrollTop(box)).toBe(reading);
    }
    expect(await latest.count()).toBe(1);

    // The button takes them back to the end, and the box follows again.
    await latest.click();
    await expect.poll(() => belowView(box)).toBeLessThan(2);
    expect(await latest.count()).toBe(0);
    await nextMessages(page);
    expect(await belowView(box)).toBeLessThan(2);

    // The same messages as a list: still at the end, and following.
    await messages.getByRole('button', { name: 'List', exact: true }).click();
    const list = messages.getByRole('group', { name: 'Message list, scrollable' });
    await expect.poll(() => belowView(list)).toBeLessThan(2);
    await nextMessages(page);
    expect(await belowView(list)).toBeLessThan(2);
    expect(errors).toEqual([]);
  });
});
