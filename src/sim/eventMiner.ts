// Event mode (ARCHITECTURE.md "Mining"): a MinerPort driver that never hashes. Each attempt succeeds with
// probability 1 / expectedAttempts, so at `hashRate` attempts per second the wait for a proof is exponential with
// rate hashRate / expectedAttempts (the continuous limit of the geometric number of attempts). Drawing that wait
// from the simulation's seeded RNG lets the same nodes, bus and fork choice run 10⁵–10⁶ blocks in seconds.
// The proof it reports is a placeholder: the simulation runs with `params.eventMode`, under which nodes skip the
// proof check and mark their blocks `noProof`, so they are never exported as tutorial chains.
import type { HexHash } from '../core/hash';
import { expectedAttempts, MAX_NONCE } from '../core/pow';
import type { MinerPort } from './miner';
import type { Rng } from '../math/rng';
import type { Scheduler, Timer } from './scheduler';

/** What an event-mode "hash" is: no digest was computed, so none is reported. */
export const NO_HASH = '' as HexHash;

interface Waiting {
  readonly timer: Timer;
  readonly startedAt: number;
  readonly jobId: number;
  readonly hashRate: number;
  readonly startNonce: number;
}

export function createEventMiner(scheduler: Scheduler, rng: Rng): MinerPort {
  const jobs = new Map<string, Waiting>();
  return {
    start(job, onFound) {
      jobs.get(job.nodeId)?.timer.cancel();
      const wait = rng.exponential(job.hashRate / expectedAttempts(job.pow));
      // The attempts a real miner at this rate would have made in that time (at least the successful one).
      const attempts = Math.max(1, Math.ceil(wait * job.hashRate));
      const timer = scheduler.after(wait, () => {
        jobs.delete(job.nodeId);
        onFound({ proof: Math.min(job.startNonce + attempts - 1, MAX_NONCE), hash: NO_HASH, attempts });
      });
      jobs.set(job.nodeId, {
        timer,
        startedAt: scheduler.now(),
        jobId: job.jobId,
        hashRate: job.hashRate,
        startNonce: job.startNonce,
      });
    },
    stop(nodeId) {
      jobs.get(nodeId)?.timer.cancel();
      jobs.delete(nodeId);
    },
    progress(nodeId) {
      const w = jobs.get(nodeId);
      if (!w) return null;
      const attempts = Math.floor((scheduler.now() - w.startedAt) * w.hashRate);
      return { jobId: w.jobId, attempts, nonce: w.startNonce + attempts, rate: w.hashRate };
    },
    dispose() {
      for (const w of jobs.values()) w.timer.cancel();
      jobs.clear();
    },
  };
}
