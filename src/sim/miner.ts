// The Miner port (ARCHITECTURE.md "Mining"): the core says what a valid proof is, a driver decides how it is
// found. The in-process driver hashes for real and lets virtual time advance by attempts / hash rate, so a run
// is both real and deterministic. It hashes in slices of virtual time, so a job cancelled by a new tip has
// done only the work its time allowed (as a real miner would), and progress shows real hashes.
// The Web Worker driver lives in src/worker.
import type { HexHash } from '../core/hash';
import type { Found, PowParams, ProofInput } from '../core/pow';
import { createSearch, run } from '../search/fastSearch';
import { targetFor } from '../search/searchCommon';
import type { Scheduler, Timer } from './scheduler';

export interface MiningJob {
  readonly jobId: number;
  readonly nodeId: string;
  readonly pow: PowParams;
  readonly input: ProofInput;
  readonly startNonce: number;
  /** Attempts per virtual second for this node (base rate × its hash-power share). */
  readonly hashRate: number;
  /** The node's hash-power share in (0, 1]: real miners turn it into a duty cycle. */
  readonly share: number;
}

export interface MiningProgress {
  readonly jobId: number;
  readonly attempts: number;
  readonly nonce: number;
  readonly rate: number;
  readonly lastHash?: string;
  readonly bestHash?: string;
}

export interface MinerPort {
  /** Start (or replace) the node's job; `onFound` is called at most once, unless the job is stopped first. */
  start(job: MiningJob, onFound: (found: Found) => void): void;
  stop(nodeId: string): void;
  /** What the node's current job has done so far, for the proof-of-work panel. */
  progress(nodeId: string): MiningProgress | null;
  /** Hold or resume every job with the simulation clock (real miners stop hashing while paused). */
  setPaused?(paused: boolean): void;
  dispose(): void;
}

/** Virtual seconds of hashing per slice: short enough that a cancelled job wastes little real work. */
const SLICE_SECONDS = 0.25;

interface Running {
  readonly job: MiningJob;
  timer: Timer;
  sliceStart: number;
  attemptsBefore: number;
  lastHash?: string;
  bestHash?: string;
}

export function createInProcessMiner(scheduler: Scheduler): MinerPort {
  const jobs = new Map<string, Running>();

  function start(job: MiningJob, onFound: (found: Found) => void) {
    jobs.get(job.nodeId)?.timer.cancel();
    const search = createSearch({
      prefix: job.input.prefix,
      suffix: job.input.suffix,
      startNonce: job.startNonce,
      target: targetFor(job.pow),
    });
    const perSlice = Math.max(1, Math.round(job.hashRate * SLICE_SECONDS));
    const slice = (r: Running) => {
      r.sliceStart = scheduler.now();
      r.attemptsBefore = search.attempts;
      const result = run(search, perSlice);
      if (result.exhausted && !result.found) throw new Error('nonce space exhausted'); // 2^53 attempts
      const done = result.found ? result.found.attempts - r.attemptsBefore : result.attempts;
      r.timer = scheduler.after(done / job.hashRate, () => {
        r.lastHash = result.lastHashHex;
        r.bestHash = result.bestHashHex;
        if (!result.found) return slice(r);
        jobs.delete(job.nodeId);
        const f = result.found;
        onFound({ proof: f.proof, hash: f.hashHex as HexHash, attempts: f.attempts });
      });
    };
    const r: Running = { job, timer: { cancel() {} }, sliceStart: 0, attemptsBefore: 0 };
    jobs.set(job.nodeId, r);
    slice(r);
  }

  return {
    start,
    stop(nodeId) {
      jobs.get(nodeId)?.timer.cancel();
      jobs.delete(nodeId);
    },
    progress(nodeId) {
      const r = jobs.get(nodeId);
      if (!r) return null;
      const inSlice = Math.floor((scheduler.now() - r.sliceStart) * r.job.hashRate);
      const attempts = r.attemptsBefore + Math.max(0, inSlice);
      return {
        jobId: r.job.jobId,
        attempts,
        nonce: r.job.startNonce + attempts,
        rate: r.job.hashRate,
        ...(r.lastHash ? { lastHash: r.lastHash } : {}),
        ...(r.bestHash ? { bestHash: r.bestHash } : {}),
      };
    },
    dispose() {
      for (const r of jobs.values()) r.timer.cancel();
      jobs.clear();
    },
  };
}
