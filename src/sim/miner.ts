// The Miner port (ARCHITECTURE.md "Mining"): the core says what a valid proof is, a driver decides how it is
// found. This in-process driver hashes for real (the core's reference search) and lets virtual time advance by
// attempts / hash rate, so a run is both real and deterministic. The Web Worker driver lives in src/worker.
import { searchProof, type Found, type PowParams, type ProofInput } from '../core/pow';
import type { Scheduler } from './scheduler';

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

export function createInProcessMiner(scheduler: Scheduler): MinerPort {
  const jobs = new Map<string, { job: MiningJob; startedAt: number; found: Found; cancel: () => void }>();
  return {
    start(job, onFound) {
      jobs.get(job.nodeId)?.cancel();
      const found = searchProof(job.pow, job.input, job.startNonce);
      if (!found) throw new Error('nonce space exhausted'); // 2^53 attempts: unreachable at difficulties ≤ 8/40
      const timer = scheduler.after(found.attempts / job.hashRate, () => {
        jobs.delete(job.nodeId);
        onFound(found);
      });
      jobs.set(job.nodeId, { job, startedAt: scheduler.now(), found, cancel: () => timer.cancel() });
    },
    stop(nodeId) {
      jobs.get(nodeId)?.cancel();
      jobs.delete(nodeId);
    },
    progress(nodeId) {
      const j = jobs.get(nodeId);
      if (!j) return null;
      const attempts = Math.min(
        j.found.attempts,
        Math.floor((scheduler.now() - j.startedAt) * j.job.hashRate),
      );
      return { jobId: j.job.jobId, attempts, nonce: j.job.startNonce + attempts, rate: j.job.hashRate };
    },
    dispose() {
      for (const j of jobs.values()) j.cancel();
      jobs.clear();
    },
  };
}
