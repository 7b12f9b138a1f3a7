// A node set to mine on the GPU in real Chromium on SwiftShader (--enable-unsafe-webgpu
// --use-webgpu-adapter=swiftshader on an http://127.0.0.1 page; the test page allows the software adapter the
// app refuses): its row's switch turns on, its jobs go to the WebGPU miner and not to the CPU pool, and the block
// it finds is one the core accepts.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetsDifficulty, proofHash, proofInput, type PowParams } from '../../src/core/pow';
import { CHROMIUM_ARGS, openSession, REACT_DEPS, type BrowserSession } from './browser';
import type { GpuNodeTestApi } from './pages/gpuNodePage';

let session: BrowserSession;
let page: Page;
type W = { gpuNodeTest: GpuNodeTestApi };

beforeAll(async () => {
  session = await openSession({
    optimize: REACT_DEPS,
    chromiumArgs: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'],
  });
  page = await session.open('test/e2e/pages/gpuNode.html');
  await page.waitForFunction(() => document.title === 'ready', null, { timeout: 30_000 });
});

afterAll(async () => {
  await session?.close();
});

describe('a node mining on the GPU', () => {
  it('is switched in its row, mines there only, and the core accepts its block', async () => {
    const alice = page.locator('li', { has: page.getByRole('button', { name: 'Select Alice' }) });
    const gpuSwitch = alice.getByRole('button', { name: 'Mine on GPU' });
    await expect.poll(() => gpuSwitch.isEnabled(), { timeout: 20_000 }).toBe(true);
    expect(await alice.textContent()).toContain('mines on the CPU');
    await gpuSwitch.click();
    expect(await gpuSwitch.getAttribute('aria-pressed')).toBe('true');
    expect(await alice.textContent()).toContain('mines on the GPU');

    await page.evaluate(() => (window as unknown as W).gpuNodeTest.autoMine('alice'));
    await page.waitForFunction(() => (window as unknown as W).gpuNodeTest.chain('alice').length >= 2, null, {
      timeout: 45_000,
    });
    const chain = await page.evaluate(() => (window as unknown as W).gpuNodeTest.chain('alice'));
    const pow: PowParams = { rule: 'tutorial', difficulty: 4 };
    const [genesis, block] = chain;
    const hash = proofHash(proofInput(pow, genesis!, block!), block!.proof);
    expect(meetsDifficulty(pow, hash)).toBe(true);

    const starts = await page.evaluate(() => (window as unknown as W).gpuNodeTest.starts);
    expect(starts.filter((s) => s.node === 'alice').map((s) => s.engine)).toContain('gpu');
    expect(starts.filter((s) => s.node === 'alice' && s.engine === 'cpu')).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as W).gpuNodeTest.notices())).toEqual([]);
  });
});
