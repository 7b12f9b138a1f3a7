// The WebGPU miner in real Chromium on SwiftShader (--enable-unsafe-webgpu --use-webgpu-adapter=swiftshader on an
// http://127.0.0.1 page): it refuses the software adapter unless told otherwise, and when allowed finds exactly
// the proofs the core's search finds, for pinned jobs of both proof rules and a retarget's exact target.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViteDevServer } from 'vite';
import { genesisBlock, rewardTx } from '../../src/core/block';
import { proofInput, searchProof, type PowParams } from '../../src/core/pow';
import { targetToBits } from '../../src/core/target';
import { CHROMIUM_ARGS, chromiumExecutable, startDevServer } from './browser';
import type { GpuTestApi } from './pages/gpuPage';

let server: ViteDevServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  const dev = await startDevServer();
  server = dev.server;
  const args = [...CHROMIUM_ARGS, '--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'];
  browser = await chromium.launch({ executablePath: chromiumExecutable(), headless: true, args });
  page = await browser.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(`${dev.url}/test/e2e/pages/gpu.html`);
  await page.waitForFunction(() => document.title === 'ready');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  expect(errors).toEqual([]);
});

const genesis = genesisBlock(1700000000);
const draft = { timestamp: 1700000060.25, transactions: [rewardTx('a3f1c2d4e5b6')] };

describe('WebGPU miner on SwiftShader', () => {
  it('refuses the software adapter unless the caller allows it, and says why', async () => {
    const refused = await page.evaluate(() =>
      (window as unknown as { gpuTest: GpuTestApi }).gpuTest.open(false),
    );
    expect(refused).toEqual({
      ok: false,
      reason: 'the only GPU adapter is a software fallback, slower than the CPU miner',
    });
    const allowed = await page.evaluate(() =>
      (window as unknown as { gpuTest: GpuTestApi }).gpuTest.open(true),
    );
    expect(allowed).toEqual({
      ok: true,
      adapter: { vendor: 'google', architecture: 'swiftshader', fallback: true },
    });
  });

  // Pinned jobs: start nonces below a power of ten (the digit count grows mid-job) and at 16 digits.
  const jobs: [string, PowParams, number][] = [
    ['tutorial D = 4 from 0 (the genesis vector 4456)', { rule: 'tutorial', difficulty: 4 }, 0],
    ['tutorial D = 3 across 10^6', { rule: 'tutorial', difficulty: 3 }, 999_000],
    ['tutorial-original D = 3', { rule: 'tutorial-original', difficulty: 3 }, 123_456_789],
    ['header 14 bits across 10^9', { rule: 'header', difficulty: 14 }, 999_995_000],
    ['header 12 bits at 16 digits', { rule: 'header', difficulty: 12 }, 9_007_199_254_000_000],
    [
      'header, a retarget target 1.4 × 2^244',
      { rule: 'header', difficulty: 12, bits: targetToBits(((1n << 244n) * 7n) / 5n) },
      5_000,
    ],
  ];

  it.each(jobs)('finds what the core finds: %s', async (_name, pow, startNonce) => {
    const input = proofInput(pow, genesis, draft);
    const ref = searchProof(pow, input, startNonce);
    const got = await page.evaluate(
      (start) => (window as unknown as { gpuTest: GpuTestApi }).gpuTest.mine(start),
      {
        jobId: 'j',
        rule: pow.rule,
        difficulty: pow.difficulty,
        ...(pow.bits ? { bits: pow.bits } : {}),
        ...input,
        startNonce,
        share: 1,
      },
    );
    expect(got.last).toEqual({
      v: 1,
      type: 'found',
      jobId: 'j',
      proof: ref!.proof,
      hash: ref!.hash,
      attempts: ref!.attempts,
    });
  });

  it('stops a job no run reaches on request: nothing arrives after the stop', async () => {
    const input = proofInput({ rule: 'header', difficulty: 40 }, genesis, draft);
    const start = {
      jobId: 'hard',
      rule: 'header',
      difficulty: 40,
      ...input,
      startNonce: 0,
      share: 1,
    } as const;
    const report = await page.evaluate(
      (s) => (window as unknown as { gpuTest: GpuTestApi }).gpuTest.stopHard(s),
      start,
    );
    // A dispatch already on the GPU may still end, but the miner posts nothing for a stopped job.
    expect(report).toEqual({ progress: 3, afterStop: 0 });
  });
});
