// The simulation's Miner port backed by real miners: one Web Worker per mining node
// (docs/architecture.md "Mining").
// A found proof goes back to the simulation, which queues it on its own clock: while the app is paused nothing
// is forged, and the miners themselves stop hashing until play resumes.
import type { Failure } from '../core/errors';
import type { HexHash } from '../core/hash';
import type { FoundProof, MinerPort, MiningJob, MiningProgress } from '../sim/minerPort';
import { MINER_PROTOCOL_VERSION, type MinerToPage } from './messages';
import type { MinerChannel } from './mainThreadMiner';
import { startMessage } from './jobOutcome';
import { openMiner } from './openMiner';

interface Slot {
  readonly channel: MinerChannel;
  job: MiningJob | null;
  /** The id of the run the miner is doing now (a job is re-sent with a new run id after a pause). */
  runId: string | null;
  runs: number;
  /** Attempts done in earlier runs of this job (before a pause). */
  carried: number;
  progress: MiningProgress | null;
}

export interface WorkerMinerOptions {
  readonly open?: (onMessage: (msg: MinerToPage) => void) => MinerChannel;
  /** Cores the page may keep busy hashing (default: all but one, so the page itself stays smooth). */
  readonly cores?: number;
  readonly onError?: (nodeId: string, error: Failure) => void;
}

export function createWorkerMiner(
  found: (proof: FoundProof) => void,
  options: WorkerMinerOptions = {},
): MinerPort {
  const open = options.open ?? openMiner;
  const slots = new Map<string, Slot>();
  let paused = false;
  const hw = typeof navigator === 'object' ? navigator.hardwareConcurrency || 2 : 2;
  const cores = options.cores ?? Math.max(1, hw - 1);
  /** Scale every node's duty cycle so all miners together use at most `cores`: shares keep their ratios. */
  const budget = () => {
    let active = 0;
    for (const s of slots.values()) if (s.job) active++;
    return Math.min(1, cores / Math.max(active, 1));
  };

  const run = (slot: Slot, startNonce: number) => {
    const job = slot.job as MiningJob;
    slot.runId = `${job.jobId}.${++slot.runs}`;
    slot.channel.send(startMessage(slot.runId, job.pow, job.input, startNonce, job.share * budget()));
  };

  const halt = (slot: Slot) => {
    if (slot.runId !== null)
      slot.channel.send({ v: MINER_PROTOCOL_VERSION, type: 'stop', jobId: slot.runId });
    slot.runId = null;
  };

  const slotFor = (nodeId: string): Slot => {
    let slot = slots.get(nodeId);
    if (slot) return slot;
    const s: Slot = {
      channel: open((msg) => receive(nodeId, s, msg)),
      job: null,
      runId: null,
      runs: 0,
      carried: 0,
      progress: null,
    };
    slots.set(nodeId, s);
    slot = s;
    return slot;
  };

  function receive(nodeId: string, slot: Slot, msg: MinerToPage) {
    if (msg.type === 'error' && msg.jobId === '') {
      options.onError?.(nodeId, { code: 'E_UNREACHABLE', message: `${nodeId}'s miner: ${msg.message}` });
      return;
    }
    // Messages of an older job or run can still be in flight after stop or restart: drop them.
    if (slot.job === null || msg.jobId !== slot.runId) return;
    const job = slot.job;
    switch (msg.type) {
      case 'progress':
        slot.progress = {
          jobId: job.jobId,
          attempts: slot.carried + msg.attempts,
          nonce: msg.nonce,
          rate: msg.rate,
          lastHash: msg.lastHash,
          bestHash: msg.bestHash,
        };
        return;
      case 'found':
        slot.runId = null;
        slot.job = null;
        slot.progress = null;
        found({
          nodeId,
          jobId: job.jobId,
          proof: msg.proof,
          hash: msg.hash as HexHash,
          attempts: slot.carried + msg.attempts,
        });
        return;
      case 'error':
        options.onError?.(nodeId, { code: 'E_POW', message: `${nodeId}'s miner: ${msg.message}` });
        return;
    }
  }

  return {
    start(job) {
      const slot = slotFor(job.nodeId);
      if (slot.job && slot.job.jobId === job.jobId && slot.runId !== null) return; // already on it
      halt(slot);
      slot.job = job;
      slot.carried = 0;
      slot.progress = { jobId: job.jobId, attempts: 0, nonce: job.startNonce, rate: 0 };
      if (!paused) run(slot, job.startNonce);
    },
    stop(nodeId) {
      const slot = slots.get(nodeId);
      if (!slot) return;
      halt(slot);
      slot.job = null;
      slot.progress = null;
    },
    progress: (nodeId) => slots.get(nodeId)?.progress ?? null,
    setPaused(p) {
      if (p === paused) return;
      paused = p;
      for (const slot of slots.values()) {
        if (!slot.job) continue;
        if (paused) {
          halt(slot);
          slot.carried = slot.progress?.attempts ?? slot.carried;
          if (slot.progress) slot.progress = { ...slot.progress, rate: 0 };
        } else {
          const next =
            slot.progress && slot.progress.attempts > 0 ? slot.progress.nonce + 1 : slot.job.startNonce;
          run(slot, next);
        }
      }
    },
    dispose() {
      for (const slot of slots.values()) slot.channel.close();
      slots.clear();
    },
  };
}
