// The real miner in real Chromium: the worker module loads through Vite, hashes, verifies with the core and
// obeys `stop` (docs/architecture.md "Mining"; pinned vector 4456, docs/protocol.md "Test vectors").
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type BrowserSession } from './browser';
import type { MinerTestApi } from './pages/workerPage';

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await openSession();
  page = await session.open('test/e2e/pages/worker.html');
  await page.waitForFunction(() => document.title === 'ready');
});

afterAll(async () => {
  await session?.close();
});

const api = (p: Page) => ({
  findGenesis: (kind: 'worker' | 'main-thread') =>
    p.evaluate((k) => (window as unknown as { minerTest: MinerTestApi }).minerTest.findGenesis(k), kind),
  stopHardJob: (kind: 'worker' | 'main-thread') =>
    p.evaluate((k) => (window as unknown as { minerTest: MinerTestApi }).minerTest.stopHardJob(k), kind),
});

describe.each(['worker', 'main-thread'] as const)('%s miner in Chromium', (kind) => {
  it('finds proof 4456 after the genesis block (tutorial rule, D = 4)', async () => {
    expect(await api(page).findGenesis(kind)).toEqual({
      v: 1,
      type: 'found',
      jobId: 'genesis',
      proof: 4456,
      hash: '000080e03a5ea509d8778b3f221423f7a631fb7d36a49534e6213248522ffda9',
      attempts: 4457,
    });
  });

  it('stops a D = 8 job on request within 300 ms', async () => {
    const report = await api(page).stopHardJob(kind);
    expect(report.progressBeforeStop).toBeGreaterThanOrEqual(3);
    expect(report.lastProgressAfterStopMs).toBeLessThan(300);
    expect(report.nextJobAnsweredMs).toBeLessThan(300);
    expect(report.nextJob).toMatchObject({ type: 'found', jobId: 'next', proof: 0 });
  });
});

it('runs where the worker gets Web Workers and WebAssembly SIMD, so the tests above used the 4-lane search', async () => {
  const api = await page.evaluate(() => {
    const { hasWorker, hasWasmSimd } = (window as unknown as { minerTest: MinerTestApi }).minerTest;
    return { hasWorker, hasWasmSimd };
  });
  expect(api).toEqual({ hasWorker: true, hasWasmSimd: true });
});
