// The experiments worker in real Chromium: it loads through Vite, runs an experiment to the end with progress,
// and a cancel stops even a long engine run at once (the runner terminates the worker).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSession, type BrowserSession } from './browser';
import type { ExperimentsTestApi } from './pages/experimentsPage';

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await openSession();
  page = await session.open('test/e2e/pages/experiments.html');
  await page.waitForFunction(() => document.title === 'ready');
});

afterAll(async () => {
  await session?.close();
});

it('runs the double-spend race on the engine in the worker: a row per rule and z after progress reports', async () => {
  const out = await page.evaluate(() =>
    (window as unknown as { experimentsTest: ExperimentsTestApi }).experimentsTest.run('double-spend', {
      seed: 1,
      trials: 100,
      params: {},
      lists: { q: [0.3], z: [1, 2] },
    }),
  );
  expect(out).toEqual({ rows: 4, progress: expect.any(Number) });
  expect(out.progress).toBeGreaterThan(0);
});

it('reports a bad request as an error', async () => {
  const out = await page.evaluate(() =>
    (window as unknown as { experimentsTest: ExperimentsTestApi }).experimentsTest.run('retarget', {
      seed: 1,
      trials: 3,
      params: {},
    }),
  );
  expect(out.error).toMatch(/from 10 to 500/);
});

it('cancels a long engine run at once, without a result', async () => {
  const out = await page.evaluate(() =>
    (window as unknown as { experimentsTest: ExperimentsTestApi }).experimentsTest.cancelLong(),
  );
  expect(out.result).toBe(false);
  expect(out.progress).toBe(1);
  expect(out.cancelledAfterMs).toBeGreaterThanOrEqual(0);
  expect(out.cancelledAfterMs).toBeLessThan(100);
});
