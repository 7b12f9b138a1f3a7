// One pool worker's control loop: several jobs at once, each driven by its own miner loop (minerLoop.ts) at
// full speed, and a weighted fair scheduler between them (stride scheduling: the job that has done the fewest
// attempts per unit of share runs the next chunk). Counting attempts, not time, keeps the split exact on a busy
// machine, where a chunk's wall time includes whatever preempted the thread. It replaces one duty-cycled worker
// per node, which lost a third of the machine's hash rate to idle gaps and thread switches with 10 nodes
// (issue 17, docs/architecture.md "Mining").
// - A job's proofs and attempts are those of the single-worker search: each job is searched in nonce order by
//   one miner loop, only its chunks interleave with other jobs' chunks.
// - Cancel: `stop` reaches the job's loop between two chunks (the schedule runs after pending messages).
// - Duty cycle per worker: hashing takes min(1, budget × Σ shares) of wall time (poolMessages.ts).
import { parsePageToMiner } from './messages';
import { createMinerLoop, SLICE_MS, type MinerLoop, type MinerLoopDeps } from './minerLoop';
import { readBudget } from './poolMessages';

export type PoolLoopDeps = MinerLoopDeps;

export interface PoolLoop {
  receive(data: unknown): void;
  /** The jobs being searched, in the order they started. */
  jobIds(): string[];
}

interface Entry {
  readonly jobId: string;
  readonly loop: MinerLoop;
  readonly share: number;
  /** Attempts made for this job divided by its share (stride scheduling's pass). */
  pass: number;
  /** Attempts of the step running now. */
  attempts: number;
  /** The job's next step, when it is ready to run. */
  ready: (() => void) | null;
}

export function createPoolLoop(deps: PoolLoopDeps): PoolLoop {
  const { now, post, schedule } = deps;
  const entries = new Map<string, Entry>();
  let budget = 1;
  /** The pass of the last chunk run: a new job starts there, so it neither waits nor takes over. */
  let vtime = 0;
  let owedIdleMs = 0;
  let lastEnd = now();
  let pumpPending = false;
  /** While a job's step runs, the step's own "ready again" must not start the next pump: pump does, after idle. */
  let stepping = false;

  const duty = () => {
    let shares = 0;
    for (const e of entries.values()) shares += e.share;
    return Math.min(1, budget * shares);
  };

  function kick(delayMs: number): void {
    if (pumpPending) return;
    pumpPending = true;
    schedule(pump, delayMs);
  }

  function pick(): Entry | null {
    let best: Entry | null = null;
    for (const e of entries.values()) {
      if (e.ready === null) continue;
      // A share-0 job only reports progress (no hashing): let it through at once.
      if (e.share === 0) return e;
      if (best === null || e.pass < best.pass) best = e;
    }
    return best;
  }

  function pump(): void {
    pumpPending = false;
    const e = pick();
    if (e === null) return; // idle until a job is ready (a start, or a share-0 job's progress timer)
    owedIdleMs -= now() - lastEnd;
    const step = e.ready as () => void;
    e.ready = null;
    const t0 = now();
    e.attempts = 0;
    stepping = true;
    try {
      step();
    } finally {
      stepping = false;
    }
    const t1 = now();
    lastEnd = t1;
    if (e.share > 0) {
      e.pass += e.attempts / e.share;
      vtime = e.pass;
    }
    if (e.loop.currentJobId() === null) entries.delete(e.jobId); // found, exhausted or failed
    // Owe idle in proportion to the hashing, as minerLoop.ts does per job; credit is capped at one slice.
    const d = duty();
    if (d > 0) owedIdleMs = Math.max(-SLICE_MS, owedIdleMs + ((t1 - t0) * (1 - d)) / d);
    if (pick() !== null) kick(Math.max(0, owedIdleMs));
  }

  function add(jobId: string, data: object, share: number): void {
    entries.delete(jobId);
    const loop = createMinerLoop({
      ...deps,
      engine: (params) => {
        const search = deps.engine(params);
        return {
          engine: search.engine,
          run(max) {
            const r = search.run(max);
            entry.attempts += r.attempts;
            return r;
          },
        };
      },
      // The job's loop hashes at full speed whenever it runs; the pool decides when it runs.
      schedule: (fn, delayMs) => {
        const ready = () => {
          entry.ready = fn;
          if (!stepping) kick(0);
        };
        if (delayMs > 0) schedule(ready, delayMs);
        else ready();
      },
    });
    const entry: Entry = { jobId, loop, share, pass: vtime, attempts: 0, ready: null };
    entries.set(jobId, entry);
    loop.receive({ ...data, share: share > 0 ? 1 : 0 });
  }

  return {
    receive(data: unknown): void {
      const b = readBudget(data);
      if (b !== null) {
        budget = b;
        return;
      }
      const parsed = parsePageToMiner(data);
      if (!parsed.ok) return post(parsed.error);
      const msg = parsed.msg;
      if (msg.type === 'start') return add(msg.jobId, msg, msg.share);
      // A stop for a job this worker does not have (finished, or never here) changes nothing.
      const e = entries.get(msg.jobId);
      if (e === undefined) return;
      e.loop.receive(msg);
      entries.delete(msg.jobId);
    },
    jobIds: () => [...entries.keys()],
  };
}
