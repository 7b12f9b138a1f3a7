// Messages between the page and a miner (a Web Worker or the main-thread fallback): plain data, a discriminated
// union by `type`, versioned by `v` so a page and a cached worker of different builds refuse each other loudly.
import { DIFFICULTY_RANGE, isValidNonce, type ProofRule } from '../core/pow';
import { isCanonicalBits } from '../core/target';

export const MINER_PROTOCOL_VERSION = 1;
type V = typeof MINER_PROTOCOL_VERSION;

/** Page → miner: search `prefix + decimal(nonce) + suffix` from `startNonce` (src/core/pow.ts ProofInput). */
export interface StartMessage {
  readonly v: V;
  readonly type: 'start';
  readonly jobId: string;
  readonly rule: ProofRule;
  /** Hex zeros for the tutorial rules, zero bits for `header` (src/core/pow.ts DIFFICULTY_RANGE). */
  readonly difficulty: number;
  /** Header rule under retargeting: the exact target, compact (src/core/target.ts); it wins over `difficulty`. */
  readonly bits?: number;
  readonly prefix: string;
  readonly suffix: string;
  readonly startNonce: number;
  /** Hash-power share 0..1: the fraction of wall time spent hashing (duty cycle). */
  readonly share: number;
}

/** Page → miner: stop `jobId`; ignored when another job is current. */
export interface StopMessage {
  readonly v: V;
  readonly type: 'stop';
  readonly jobId: string;
}

export type PageToMiner = StartMessage | StopMessage;

/** Miner → page, at most every PROGRESS_INTERVAL_MS of wall time. */
export interface ProgressMessage {
  readonly v: V;
  readonly type: 'progress';
  readonly jobId: string;
  /** Attempts since the job started. */
  readonly attempts: number;
  /** The last nonce tried; `lastHash` is its hash. */
  readonly nonce: number;
  readonly lastHash: string;
  /** Lowest hash so far (most leading zeros). */
  readonly bestHash: string;
  /** Attempts per second of wall time since the previous progress (includes the idle part of the share). */
  readonly rate: number;
}

export interface FoundMessage {
  readonly v: V;
  readonly type: 'found';
  readonly jobId: string;
  readonly proof: number;
  readonly hash: string;
  /** Attempts since the job started, including the successful one. */
  readonly attempts: number;
}

/** Miner failures; codes follow src/core/errors.ts naming (that registry belongs to the core). */
export const MINER_ERROR_CODES = {
  E_MINER_MESSAGE: 'The miner received a malformed message.',
  E_MINER_VERSION: 'The page and the miner speak different protocol versions.',
  E_MINER_EXHAUSTED: 'Every nonce up to the largest allowed was tried without a proof.',
  E_MINER_VERIFY: 'The fast search reported a proof that the core rejects.',
  E_MINER_CRASHED: 'The miner worker failed to load or stopped unexpectedly.',
} as const;

export type MinerErrorCode = keyof typeof MINER_ERROR_CODES;

export interface ErrorMessage {
  readonly v: V;
  readonly type: 'error';
  /** '' when the message that failed carried no readable jobId. */
  readonly jobId: string;
  readonly code: MinerErrorCode;
  readonly message: string;
}

export type MinerToPage = ProgressMessage | FoundMessage | ErrorMessage;

export const PROGRESS_INTERVAL_MS = 150;

export type Parsed = { ok: true; msg: PageToMiner } | { ok: false; error: ErrorMessage };

function fail(jobId: string, code: MinerErrorCode, message: string): Parsed {
  return { ok: false, error: { v: MINER_PROTOCOL_VERSION, type: 'error', jobId, code, message } };
}

const isString = (x: unknown): x is string => typeof x === 'string';

/** Checks a message that crossed a thread boundary; a miner must never trust its shape. */
export function parsePageToMiner(data: unknown): Parsed {
  if (typeof data !== 'object' || data === null)
    return fail('', 'E_MINER_MESSAGE', 'message is not an object');
  const m = data as Record<string, unknown>;
  const jobId = isString(m.jobId) ? m.jobId : '';
  if (m.v !== MINER_PROTOCOL_VERSION) {
    return fail(jobId, 'E_MINER_VERSION', `miner protocol v${MINER_PROTOCOL_VERSION}, got v${String(m.v)}`);
  }
  if (!isString(m.jobId)) return fail('', 'E_MINER_MESSAGE', 'jobId must be a string');
  if (m.type === 'stop') return { ok: true, msg: { v: MINER_PROTOCOL_VERSION, type: 'stop', jobId } };
  if (m.type !== 'start') return fail(jobId, 'E_MINER_MESSAGE', `unknown message type ${String(m.type)}`);
  const rule = m.rule as ProofRule;
  const range = Object.hasOwn(DIFFICULTY_RANGE, String(rule)) ? DIFFICULTY_RANGE[rule] : undefined;
  if (range === undefined) return fail(jobId, 'E_MINER_MESSAGE', `unknown proof rule ${String(m.rule)}`);
  const { difficulty, startNonce, share, prefix, suffix } = m;
  if (typeof difficulty !== 'number' || !Number.isInteger(difficulty)) {
    return fail(jobId, 'E_MINER_MESSAGE', 'difficulty must be an integer');
  }
  if (difficulty < range.min || difficulty > range.max) {
    return fail(
      jobId,
      'E_MINER_MESSAGE',
      `difficulty ${difficulty} outside ${range.min}..${range.max} for ${rule}`,
    );
  }
  if (typeof startNonce !== 'number' || !isValidNonce(startNonce)) {
    return fail(jobId, 'E_MINER_MESSAGE', 'startNonce must be an integer of at most 16 digits');
  }
  if (typeof share !== 'number' || !(share >= 0 && share <= 1)) {
    return fail(jobId, 'E_MINER_MESSAGE', 'share must be between 0 and 1');
  }
  if (!isString(prefix) || !isString(suffix))
    return fail(jobId, 'E_MINER_MESSAGE', 'prefix and suffix are strings');
  const bits = m.bits;
  if (bits !== undefined && (rule !== 'header' || !isCanonicalBits(bits)))
    return fail(jobId, 'E_MINER_MESSAGE', 'bits must be a compact target, for the header rule only');
  const msg: StartMessage = {
    v: MINER_PROTOCOL_VERSION,
    type: 'start',
    jobId,
    rule,
    difficulty,
    prefix,
    suffix,
    startNonce,
    share,
    ...(bits !== undefined ? { bits } : {}),
  };
  return { ok: true, msg };
}

/**
 * Page side: a miner's message still matters only for the job the page last started. A progress can be in
 * flight while `stop` or a new `start` travels to the miner, so the page drops messages of other jobs.
 */
export function isForJob(msg: MinerToPage, currentJobId: string | null): boolean {
  return currentJobId !== null && msg.jobId === currentJobId;
}
