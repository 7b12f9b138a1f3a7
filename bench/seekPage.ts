// Benchmark page: a 10⁴-block run built in this page, then seeks to random moments of it, timed. Two runs: mined
// inside the world at difficulty 1 (a lesson's kind of run), and mined by a stand-in for the Web Workers whose
// proofs arrive from outside (the app's kind, replayed from its recorded proofs). Driven by bench/seek.ts.
import { searchProof } from '../src/core/pow';
import { createRng } from '../src/math/rng';
import type { FoundProof, MinerPort, MiningJob } from '../src/sim/minerPort';
import { createController } from '../src/store/controller';

export interface SeekFigures {
  readonly kind: string;
  readonly blocks: number;
  readonly moments: number;
  readonly buildSeconds: number;
  /** The engine's seek alone, then the app's (the engine's plus rebuilding every panel's lists). */
  readonly simMs: { readonly p50: number; readonly p95: number; readonly max: number };
  readonly appMs: { readonly p50: number; readonly p95: number; readonly max: number };
}

/** Stand-in for the Web Worker miner: finds each proof at once and hands it over on the next frame. */
function instantMiner(deliver: (f: FoundProof) => void): MinerPort & { flush(): void } {
  const jobs = new Map<string, MiningJob>();
  return {
    start: (job) => void jobs.set(job.nodeId, job),
    stop: (id) => void jobs.delete(id),
    progress: () => null,
    dispose: () => jobs.clear(),
    flush() {
      for (const job of [...jobs.values()]) {
        jobs.delete(job.nodeId);
        const f = searchProof(job.pow, job.input, job.startNonce);
        if (f)
          deliver({
            nodeId: job.nodeId,
            jobId: job.jobId,
            proof: f.proof,
            hash: f.hash,
            attempts: f.attempts,
          });
      }
    },
  };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(q * s.length))] as number) * 100) / 100;
};

async function measure(kind: 'hash' | 'external', blocks: number, seeks: number): Promise<SeekFigures> {
  let miner: ReturnType<typeof instantMiner> | null = null;
  const controller = createController({
    params: { seed: 3, pow: { rule: 'tutorial', difficulty: 1 }, hashRate: 200 },
    ...(kind === 'external' ? { miner: (found) => (miner = instantMiner(found)) } : {}),
  });
  for (let i = 0; i < 3; i++) controller.dispatch({ type: 'add-node' });
  controller.dispatch({ type: 'register-all' });
  for (const id of ['alice', 'bob', 'carol']) controller.dispatch({ type: 'auto-mine', node: id, on: true });
  const sim = controller.sim();
  const t0 = performance.now();
  let wall = 0;
  while (sim.height() < blocks) {
    controller.tick((wall += 250));
    (miner as ReturnType<typeof instantMiner> | null)?.flush();
    if (wall % 25_000 === 0) await new Promise((r) => setTimeout(r, 0)); // let the page breathe
  }
  controller.pause();
  const buildSeconds = (performance.now() - t0) / 1000;
  const height = sim.height();
  const end = sim.end();
  const rng = createRng(11);
  const simMs: number[] = [];
  const appMs: number[] = [];
  for (let i = 0; i < seeks; i++) {
    const m = rng.int(end + 1);
    let t = performance.now();
    sim.seek(m);
    simMs.push(performance.now() - t);
    const back = rng.int(end + 1);
    t = performance.now();
    controller.seek(back);
    appMs.push(performance.now() - t);
  }
  const q = (xs: number[]) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: quantile(xs, 1) });
  return {
    kind,
    blocks: height,
    moments: end,
    buildSeconds: Math.round(buildSeconds * 10) / 10,
    simMs: q(simMs),
    appMs: q(appMs),
  };
}

(window as unknown as { seekBench: unknown }).seekBench = { measure };
document.title = 'ready';
