// Runs pinned jobs of several nodes at once on the miner pool (real pool workers, the fastest search) for
// test/e2e/pool.test.ts, and hands back what each node found.
import type { FoundProof, MiningJob } from '../../../src/sim/minerPort';
import { createMinerPool } from '../../../src/worker/minerPool';
import { createWorkerMiner } from '../../../src/worker/workerMiner';

/** Mines every job on a pool of `size` workers; resolves with the proofs by node once all are found. */
function mineAll(jobs: MiningJob[], size: number): Promise<FoundProof[]> {
  return new Promise((resolve, reject) => {
    const pool = createMinerPool({ size });
    const found: FoundProof[] = [];
    const miner = createWorkerMiner(
      (p) => {
        found.push(p);
        if (found.length < jobs.length) return;
        miner.dispose();
        pool.close();
        resolve(found.sort((a, b) => a.nodeId.localeCompare(b.nodeId)));
      },
      { open: pool.open, cores: Infinity, onError: (node, e) => reject(new Error(`${node}: ${e.message}`)) },
    );
    for (const j of jobs) miner.start(j);
  });
}

export interface PoolTestApi {
  mineAll: typeof mineAll;
}

(window as unknown as { poolTest: PoolTestApi }).poolTest = { mineAll };
document.title = 'ready';
