// The miner's control loop as a pure controller: clock, posting and scheduling come in as arguments, so the
// worker shell (miner.worker.ts), the main-thread fallback and the unit tests run the same code.
// - Hashing runs in chunks sized to ~`chunkMs` of wall time, with a yield between chunks so `stop` and a new
//   `start` are handled within one chunk.
// - Hash-power share is a duty cycle: after a chunk of t ms the loop owes t × (1 − share) / share ms of idle.
// - Progress goes out by time (PROGRESS_INTERVAL_MS), never per N attempts, so the page's update rate does not
//   depend on the machine's speed.
// - Every proof is re-verified with the core before it is reported (docs/architecture.md "Mining").
import { assertNever } from '../core/errors';
import type { PowParams } from '../core/pow';
import { outcomeMessage, powOf } from './jobOutcome';
import type { Search, SearchEngine } from '../search/engines';
import { targetFor, type RunResult } from '../search/searchCommon';
import {
  MINER_PROTOCOL_VERSION as v,
  parsePageToMiner,
  PROGRESS_INTERVAL_MS,
  type MinerToPage,
  type StartMessage,
} from './messages';

export interface MinerLoopDeps {
  /** Milliseconds from a monotonic clock. */
  now(): number;
  post(msg: MinerToPage): void;
  /** Calls `fn` after `delayMs`; 0 means "after pending messages", not a 4 ms-clamped setTimeout. */
  schedule(fn: () => void, delayMs: number): void;
  /** The search to drive (engines.ts); tests inject one whose cost advances a fake clock. */
  engine: SearchEngine;
  /** Wall time of one hashing chunk: ~15 ms in a worker, less on the main thread to keep frames smooth. */
  chunkMs?: number;
}

export interface MinerLoop {
  /** Feed any message from the page; malformed ones are answered with an error message. */
  receive(data: unknown): void;
  /** The job being searched, or null when idle. */
  currentJobId(): string | null;
}

/** One duty cycle: at share s the loop hashes for s × SLICE_MS at most, then idles the rest. */
export const SLICE_MS = 50;
const FIRST_CHUNK = 1024;
const MAX_CHUNK = 1 << 24;

interface Job {
  readonly msg: StartMessage;
  readonly pow: PowParams;
  readonly search: Search;
  attempts: number;
  chunk: number;
  owedIdleMs: number;
  lastNonce: number;
  lastHash: string;
  bestHash: string;
  progressAt: number;
  progressAttempts: number;
}

export function createMinerLoop(deps: MinerLoopDeps): MinerLoop {
  const { now, post, schedule, engine } = deps;
  const chunkMs = deps.chunkMs ?? 15;
  let job: Job | null = null;

  function start(msg: StartMessage): void {
    const pow = powOf(msg);
    const search = engine({
      prefix: msg.prefix,
      suffix: msg.suffix,
      startNonce: msg.startNonce,
      target: targetFor(pow),
    });
    const j: Job = {
      msg,
      pow,
      search,
      attempts: 0,
      chunk: FIRST_CHUNK,
      owedIdleMs: 0,
      lastNonce: msg.startNonce - 1,
      lastHash: '',
      bestHash: '',
      progressAt: now(),
      progressAttempts: 0,
    };
    job = j;
    schedule(() => tick(j), 0);
  }

  function progress(j: Job, t: number): void {
    const dt = t - j.progressAt;
    if (dt < PROGRESS_INTERVAL_MS) return;
    const rate = ((j.attempts - j.progressAttempts) * 1000) / dt;
    const { jobId } = j.msg;
    post({
      v,
      type: 'progress',
      jobId,
      attempts: j.attempts,
      nonce: j.lastNonce,
      lastHash: j.lastHash,
      bestHash: j.bestHash,
      rate,
    });
    j.progressAt = t;
    j.progressAttempts = j.attempts;
  }

  function finish(j: Job, r: RunResult): void {
    job = null;
    post(outcomeMessage(j.msg, j.pow, r, j.attempts, 'fast'));
  }

  function tick(j: Job): void {
    if (job !== j) return; // stopped or replaced while this tick waited
    const share = j.msg.share;
    if (share === 0) {
      progress(j, now());
      schedule(() => tick(j), PROGRESS_INTERVAL_MS);
      return;
    }
    const t0 = now();
    const r = j.search.run(j.chunk);
    const t1 = now();
    j.attempts += r.attempts;
    j.lastNonce = r.nonce - 1;
    j.lastHash = r.lastHashHex;
    j.bestHash = r.bestHashHex;
    if (r.found !== null || r.exhausted) return finish(j, r);

    // Aim the next chunk at the target time; grow at most 4× per step (the first chunks are below timer
    // resolution, and a JIT tier-up mid-job changes the speed). Multiples of 64 keep the SIMD search's
    // 4-nonce batches whole.
    const busy = t1 - t0;
    const targetMs = Math.min(chunkMs, share * SLICE_MS);
    const scaled = Math.min(busy > 0 ? (j.chunk * targetMs) / busy : Infinity, j.chunk * 4);
    j.chunk = Math.max(64, Math.min(MAX_CHUNK, Math.round(scaled / 64) * 64));
    progress(j, t1);

    // Duty cycle: owe idle time in proportion to the time spent hashing. Any time between chunks (the yield
    // itself, a late timer) pays the debt; credit is capped at one slice so a long pause does not turn into a
    // burst at full speed.
    j.owedIdleMs = Math.max(-SLICE_MS, j.owedIdleMs + (busy * (1 - share)) / share);
    const idle = Math.max(0, j.owedIdleMs);
    schedule(() => {
      j.owedIdleMs -= now() - t1;
      tick(j);
    }, idle);
  }

  return {
    receive(data: unknown): void {
      const parsed = parsePageToMiner(data);
      if (!parsed.ok) return post(parsed.error);
      const msg = parsed.msg;
      switch (msg.type) {
        case 'start':
          return start(msg);
        case 'stop':
          if (job !== null && job.msg.jobId === msg.jobId) job = null; // a stale stop must not end a newer job
          return;
        default:
          assertNever(msg);
      }
    },
    currentJobId: () => (job === null ? null : job.msg.jobId),
  };
}
