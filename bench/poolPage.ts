// Benchmark page for the app's miners: the total hash rate of N mining nodes on the miner pool
// (src/worker/minerPool.ts) or on one worker per node (src/worker/workerMiner.ts alone), against one worker
// hashing alone, and how the pool splits its time by hash-power share. Driven by bench/ui.ts.
import { genesisBlock } from '../src/core/block';
import { proofInput } from '../src/core/pow';
import type { MinerPort, MiningJob } from '../src/sim/minerPort';
import { createMinerPool, defaultPoolSize } from '../src/worker/minerPool';
import { createWorkerMiner } from '../src/worker/workerMiner';
import { summary, windowRates, type Sample } from './rates';

export type Rates = ReturnType<typeof summary>;
export type Layout = 'pool' | 'per-node';

const genesis = genesisBlock(1700000000);
// 16^8 tutorial attempts on average: no run here finds a proof, so every job hashes throughout.
const pow = { rule: 'tutorial', difficulty: 8 } as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function jobs(shares: readonly number[]): MiningJob[] {
  return shares.map((share, i) => ({
    jobId: 1,
    nodeId: `node${i}`,
    pow,
    input: proofInput(pow, genesis, { timestamp: 1700000060 + i, transactions: [] }),
    startNonce: 0,
    hashRate: 1000,
    share,
  }));
}

export interface MiningRun {
  /** All nodes together, attempts per second (best and median 1-second window). */
  readonly total: Rates;
  /** Each node's part of all attempts in the measured window. */
  readonly parts: number[];
}

/** Runs `shares.length` mining nodes for warmupMs + ms and samples every node's attempts from the port. */
async function mine(
  layout: Layout,
  shares: readonly number[],
  warmupMs: number,
  ms: number,
): Promise<MiningRun> {
  const pool = layout === 'pool' ? createMinerPool() : null;
  const miner: MinerPort = createWorkerMiner(
    () => {
      throw new Error('a D = 8 job found a proof: raise the difficulty');
    },
    pool ? { open: pool.open, cores: Infinity } : {},
  );
  const list = jobs(shares);
  for (const j of list) miner.start(j);
  await sleep(warmupMs);
  const series: Sample[][] = list.map(() => []);
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const at = performance.now();
    list.forEach((j, i) => series[i]!.push({ at, attempts: miner.progress(j.nodeId)?.attempts ?? 0 }));
    await sleep(100);
  }
  miner.dispose();
  pool?.close();
  const done = series.map((s) => s.at(-1)!.attempts - s[0]!.attempts);
  const all = done.reduce((a, b) => a + b, 0);
  return { total: summary(windowRates(series)), parts: done.map((d) => d / all) };
}

export interface PoolBenchApi {
  poolSize(): number;
  cores(): number;
  mine: typeof mine;
}

(window as unknown as { poolBench: PoolBenchApi }).poolBench = {
  poolSize: defaultPoolSize,
  cores: () => navigator.hardwareConcurrency,
  mine,
};
document.title = 'ready';
