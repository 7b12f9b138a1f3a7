// Save and share and a lesson in real Chromium, with real Web Worker miners: a share link opens in a new page to
// the very same chains; a damaged link is refused in words while the classroom runs on; a lesson goes from
// prediction to reveal. The panels are mounted by a test page (test/e2e/pages/lessons.html).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, REACT_DEPS, type BrowserSession } from './browser';
import type { LessonsTestApi } from './pages/lessonsPage';

const PAGE = 'test/e2e/pages/lessons.html';
let session: BrowserSession;

beforeAll(async () => {
  session = await openSession({ optimize: REACT_DEPS });
});

afterAll(async () => {
  await session?.close();
});

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => document.title === 'ready', null, { timeout: 30_000 });
}

type Head = LessonsTestApi['loadedHeads'][number];
// Each function runs inside the page (Playwright sends its source), so it reaches the page's API itself.
type W = { lessonsTest: LessonsTestApi };
const started = (p: Page) => p.evaluate(() => (window as unknown as W).lessonsTest.started);
const heads = (p: Page): Promise<Head[]> => p.evaluate(() => (window as unknown as W).lessonsTest.heads());
const loadedHeads = (p: Page): Promise<Head[]> =>
  p.evaluate(() => (window as unknown as W).lessonsTest.loadedHeads);
const playing = (p: Page) => p.evaluate(() => (window as unknown as W).lessonsTest.playing());
const longest = async (p: Page) => Math.max(...(await heads(p)).map((h) => h.length));
const shortest = async (p: Page) => Math.min(...(await heads(p)).map((h) => h.length));

describe('share links in Chromium', () => {
  it('a link copied from a mining classroom opens in a new page to the same chains', async () => {
    const a = await session.open(PAGE);
    await ready(a);
    expect(await started(a)).toBe('classroom');
    await expect.poll(() => shortest(a), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    await a.getByRole('button', { name: /Pause/ }).click();
    const panel = a.getByRole('region', { name: 'Save and share' });
    await panel.getByRole('button', { name: /Copy share link/ }).click();
    const link = await panel.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link).toMatch(/\/test\/e2e\/pages\/lessons\.html#s=[A-Za-z0-9_-]+$/);
    const shared = await heads(a);

    const b = await session.browser.newPage();
    await b.goto(link);
    await ready(b);
    expect(await started(b)).toBe('link');
    expect(await loadedHeads(b)).toEqual(shared);
    // After the replay the new page mines on with its own workers.
    await expect
      .poll(() => longest(b), { timeout: 30_000 })
      .toBeGreaterThan(Math.max(...shared.map((h) => h.length)));
    await a.close();
    await b.close();
  });

  it('a damaged link is refused with its code, and the classroom keeps mining', async () => {
    const page = await session.open(`${PAGE}#s=Zm9vYmFyCg-damaged`);
    await ready(page);
    expect(await started(page)).toBe('classroom');
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/E_SHARE_DECODE/);
    await expect.poll(() => longest(page), { timeout: 30_000 }).toBeGreaterThan(2);
    await page.close();
  });
});

describe('a lesson in Chromium', () => {
  it('predict, run, reveal', async () => {
    const page = await session.open(PAGE);
    await ready(page);
    const lessons = page.getByRole('region', { name: 'Lessons' });
    await lessons.getByRole('combobox', { name: 'Lesson' }).selectOption('two-miners-race');
    await expect(lessons.getByRole('button', { name: /Run/ }).isDisabled()).resolves.toBe(true);
    await lessons.getByRole('radio', { name: /goes back to the loser’s pending transactions/ }).check();
    await lessons.getByRole('button', { name: /Run/ }).click();
    await lessons.getByRole('button', { name: 'Replace my run' }).click();
    const reveal = lessons.getByRole('region', { name: 'Reveal' });
    await reveal.waitFor();
    const text = await reveal.textContent();
    expect(text).toContain('The run agrees.');
    expect(text).toContain("Back to Bob's pending list: erin → frank: 3.");
    // The app shows the lesson's end state, paused: alice's chain of 3 on both nodes.
    expect(await playing(page)).toBe(false);
    expect((await heads(page)).map((h) => h.length)).toEqual([3, 3]);
    await page.close();
  });
});
