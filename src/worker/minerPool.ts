// A fixed pool of miner workers shared by every mining node (issue 17 "One worker per core, not one per node"):
// (cores − 1, at least 1) workers, so the page keeps a core, and adding nodes divides the pool's hash rate
// between them instead of adding duty-cycled workers that each idle and switch (10 nodes on one worker per node
// hashed 0.67× of one worker alone). createWorkerMiner still drives one channel per node; here those channels
// are multiplexed onto the pool's workers (pool.worker.ts), each run on the least-loaded one.
import type { FoundProof, MinerPort } from '../sim/minerPort';
import type { Failure } from '../core/errors';
import { MINER_PROTOCOL_VERSION, type MinerToPage, type PageToMiner } from './messages';
import type { MinerChannel } from './mainThreadMiner';
import type { PageToPool } from './poolMessages';
import { createWorkerMiner } from './workerMiner';

export interface PoolWorker {
  send(msg: PageToPool): void;
  close(): void;
}

export type OpenPoolWorker = (onMessage: (msg: MinerToPage) => void) => PoolWorker;

export interface MinerPool {
  /** A channel for one node's miner; jobs sent on it run on the pool's workers. */
  open(onMessage: (msg: MinerToPage) => void): MinerChannel;
  /** Workers opened so far (they open on first use, up to the pool's size). */
  opened(): number;
  close(): void;
}

/** All cores but one, at least one: the page's own thread keeps a core for rendering. */
export function defaultPoolSize(): number {
  const hw = typeof navigator === 'object' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, hw - 1);
}

export function openPoolWorker(onMessage: (msg: MinerToPage) => void): PoolWorker {
  const worker = new Worker(new URL('./pool.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (ev: MessageEvent<MinerToPage>) => onMessage(ev.data);
  worker.onerror = (ev: ErrorEvent) => {
    const message = ev.message || 'the miner worker failed to load or crashed';
    onMessage({ v: MINER_PROTOCOL_VERSION, type: 'error', jobId: '', code: 'E_MINER_CRASHED', message });
  };
  return { send: (msg) => worker.postMessage(msg), close: () => worker.terminate() };
}

interface Run {
  readonly channel: number;
  /** The jobId the node's channel gave it (run ids of different nodes may be equal). */
  readonly jobId: string;
  readonly worker: number;
  readonly share: number;
}

export function createMinerPool(
  options: { readonly size?: number; readonly openWorker?: OpenPoolWorker } = {},
): MinerPool {
  const size = Math.max(1, options.size ?? defaultPoolSize());
  const openWorker = options.openWorker ?? openPoolWorker;
  const workers: PoolWorker[] = [];
  const channels = new Map<number, (msg: MinerToPage) => void>();
  /** Runs in flight, by the pool's own job id `${channel}/${jobId}`. */
  const runs = new Map<string, Run>();
  let nextChannel = 0;
  let budget = 1;

  const budgetMessage = (): PageToPool => ({ v: MINER_PROTOCOL_VERSION, type: 'budget', budget });

  function workerAt(i: number): PoolWorker {
    for (let k = workers.length; k <= i; k++) {
      const w = openWorker((msg) => fromWorker(k, msg));
      if (budget !== 1) w.send(budgetMessage());
      workers.push(w);
    }
    return workers[i] as PoolWorker;
  }

  /**
   * A job of share s may use s × budget of a core, budget = min(1, workers / Σ shares): jobs that together ask
   * for less than the pool hash at their own share (the classroom's paced nodes, src/worker/paced.ts), more are
   * scaled down together, keeping their ratios. With every share 1 it is one worker per node's
   * min(1, cores / active jobs).
   */
  function rebudget(): void {
    let shares = 0;
    for (const r of runs.values()) shares += r.share;
    const next = shares > size ? size / shares : 1;
    if (next === budget) return;
    budget = next;
    for (const w of workers) w.send(budgetMessage());
  }

  /** The worker whose runs ask for the least share (the first one on ties, so few workers open). */
  function leastLoaded(): number {
    const load = Array.from({ length: size }, () => 0);
    for (const r of runs.values()) load[r.worker]! += Math.max(r.share, 1e-9);
    return load.indexOf(Math.min(...load));
  }

  function fromWorker(worker: number, msg: MinerToPage): void {
    if (msg.jobId === '') {
      // The worker itself failed: every node with a run there hears it.
      const hit = new Set([...runs.values()].filter((r) => r.worker === worker).map((r) => r.channel));
      for (const c of hit) channels.get(c)?.(msg);
      return;
    }
    const run = runs.get(msg.jobId);
    if (run === undefined) return; // stopped while this message was in flight
    if (msg.type !== 'progress') {
      runs.delete(msg.jobId);
      rebudget();
    }
    channels.get(run.channel)?.({ ...msg, jobId: run.jobId });
  }

  function send(channel: number, msg: PageToMiner): void {
    const key = `${channel}/${msg.jobId}`;
    if (msg.type === 'stop') {
      const run = runs.get(key);
      if (run === undefined) return;
      runs.delete(key);
      workers[run.worker]?.send({ ...msg, jobId: key });
      rebudget();
      return;
    }
    const worker = leastLoaded();
    runs.set(key, { channel, jobId: msg.jobId, worker, share: msg.share });
    const w = workerAt(worker);
    rebudget();
    w.send({ ...msg, jobId: key });
  }

  return {
    open(onMessage) {
      const channel = nextChannel++;
      channels.set(channel, onMessage);
      return {
        send: (msg) => {
          if (channels.has(channel)) send(channel, msg);
        },
        close: () => {
          const mine = [...runs.values()].filter((r) => r.channel === channel);
          for (const r of mine) send(channel, { v: MINER_PROTOCOL_VERSION, type: 'stop', jobId: r.jobId });
          channels.delete(channel);
        },
      };
    },
    opened: () => workers.length,
    close() {
      for (const w of workers) w.close();
      workers.length = 0;
      runs.clear();
      channels.clear();
    },
  };
}

export interface PoolMinerOptions {
  readonly size?: number;
  readonly onError?: (nodeId: string, error: Failure) => void;
}

/** The app's Miner port: every node's jobs on one pool (main-thread miners per node where Worker is missing). */
export function createPoolMiner(
  found: (proof: FoundProof) => void,
  options: PoolMinerOptions = {},
): MinerPort {
  const onError = options.onError ? { onError: options.onError } : {};
  if (typeof Worker !== 'function') return createWorkerMiner(found, onError);
  const pool = createMinerPool(options.size !== undefined ? { size: options.size } : {});
  // No budget here: the pool applies it to the whole machine (createMinerPool's rebudget), so shares go as is.
  const port = createWorkerMiner(found, { ...onError, open: pool.open, cores: Infinity });
  return {
    ...port,
    dispose() {
      port.dispose();
      pool.close();
    },
  };
}
