// The miner pool in real Chromium: several nodes' jobs share the pool's workers, and each node gets exactly the
// proof, hash and attempts of the single search from its start nonce (docs/architecture.md "Mining").
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genesisBlock } from '../../src/core/block';
import { proofInput, searchProof, type PowParams } from '../../src/core/pow';
import type { MiningJob } from '../../src/sim/minerPort';
import { openSession, type BrowserSession } from './browser';
import type { PoolTestApi } from './pages/poolPage';

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await openSession();
  page = await session.open('test/e2e/pages/pool.html');
  await page.waitForFunction(() => document.title === 'ready');
});

afterAll(async () => {
  await session?.close();
});

const genesis = genesisBlock(1700000000);
function job(nodeId: string, pow: PowParams, timestamp: number, share: number, startNonce = 0): MiningJob {
  const input = proofInput(pow, genesis, { timestamp, transactions: [] });
  return { jobId: 1, nodeId, pow, input, startNonce, hashRate: 1000, share };
}

// Shares differ and two jobs have the same rule, so chunks of all of them interleave on each worker.
const JOBS = [
  job('alice', { rule: 'tutorial', difficulty: 4 }, 0, 1),
  job('bob', { rule: 'header', difficulty: 16 }, 1, 0.5),
  job('carol', { rule: 'tutorial', difficulty: 4 }, 2, 0.25, 70_000),
  job('dave', { rule: 'tutorial-original', difficulty: 4 }, 3, 1),
];

describe.each([1, 2])('a pool of %i worker(s) mining four nodes at once', (size) => {
  it("finds each node's proof exactly as the single search does", async () => {
    const found = await page.evaluate(
      ([jobs, n]) => (window as unknown as { poolTest: PoolTestApi }).poolTest.mineAll(jobs, n),
      [JOBS, size] as const,
    );
    const expected = JOBS.map((j) => {
      const single = searchProof(j.pow, j.input, j.startNonce)!;
      return {
        nodeId: j.nodeId,
        jobId: 1,
        proof: single.proof,
        hash: single.hash,
        attempts: single.attempts,
      };
    });
    expect(found).toEqual(expected);
  });
});
