// Shared fixtures for the save/share tests: a controller driven like the app (frames, pause, step, clicks
// between frames), a miner whose proofs arrive when the test says (like a Web Worker's), and a state snapshot.
import { hashBlock } from '../../src/core/block';
import { searchProof, type Found } from '../../src/core/pow';
import type { Block } from '../../src/core/types';
import type { FoundProof, MinerPort, MiningJob } from '../../src/sim/minerPort';
import { createController, type Controller } from '../../src/store/controller';

/** Everything a student can see of a run: must be equal after a replay. */
export function snapshot(c: Controller) {
  const sim = c.sim();
  return {
    now: sim.now(),
    params: sim.params(),
    partition: sim.partition(),
    nodes: sim.nodes().map((n) => ({
      id: n.id,
      tip: hashBlock(n.chain().at(-1) as Block),
      length: n.chain().length,
      mempool: n.mempool().map((t) => `${t.sender}>${t.recipient}:${t.amount}`),
      peers: n.peers(),
      abandoned: n.abandoned().map(hashBlock),
      share: n.share(),
      autoMine: n.autoMine(),
      resolving: n.resolving(),
    })),
  };
}

/**
 * A stand-in for the Web Worker miner: it finds the proof at once but hands it over only when `arrive` is
 * called, exactly as src/worker/workerMiner.ts hands over what a worker found. When it arrives is up to the
 * test, so the recording must capture it.
 */
export function arrivingMiner(deliver: (f: FoundProof) => void) {
  const jobs = new Map<string, { job: MiningJob; found: Found }>();
  const port: MinerPort = {
    start(job) {
      const found = searchProof(job.pow, job.input, job.startNonce) as Found;
      jobs.set(job.nodeId, { job, found });
    },
    stop: (id) => void jobs.delete(id),
    progress: () => null,
    dispose: () => jobs.clear(),
  };
  const arrive = (id: string) => {
    const j = jobs.get(id);
    if (!j) return;
    jobs.delete(id);
    const { proof, hash, attempts } = j.found;
    deliver({ nodeId: id, jobId: j.job.jobId, proof, hash, attempts });
  };
  return { port, arrive, waiting: () => [...jobs.keys()] };
}

export const LOW = { seed: 11, pow: { rule: 'tutorial' as const, difficulty: 2 }, hashRate: 500 };

/** Three registered nodes, all auto-mining. */
export function classroom(c: Controller): Controller {
  for (let i = 0; i < 3; i++) c.dispatch({ type: 'add-node' });
  c.dispatch({ type: 'register-all' });
  for (const n of c.sim().nodes()) c.dispatch({ type: 'auto-mine', node: n.id, on: true });
  return c;
}

/** A controller with the in-process miner that has mined for `seconds` of frames. */
export function playedController(seconds = 8, params = LOW): Controller {
  const c = classroom(createController({ params }));
  for (let t = 0; t <= seconds * 1000; t += 100) c.tick(t);
  return c;
}
