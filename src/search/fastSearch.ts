// The hot proof search in plain JS. Every rule hashes `prefix + decimal(nonce) + suffix` (src/core/pow.ts), so:
// - the prefix's full 64-byte blocks are compressed once (midstate, searchCommon.ts);
// - the nonce's ASCII digits live in the message words and are incremented in place (carry 9→10 re-lays out);
// - blocks before the one holding the highest changed digit keep their chaining value, so the header rule costs
//   one compression per attempt (docs/protocol.md "Proof of work") and the tutorial rule two (its 64-hex
//   last_hash spills into a second block). Precomputing that constant block's schedule measured slower than
//   the unrolled compression recomputing it (sha256Block.ts);
// - difficulty is checked on the state words; hex strings are made only at the end of a chunk.
// Nothing is allocated per attempt. Same results as core's searchProof (test/worker/fastSearch.test.ts).
import { MAX_NONCE } from '../core/pow';
import { compress, stateHex } from './sha256Block';
import {
  hasZeroBits,
  layout,
  MAX_DIGITS,
  prepare,
  setByte,
  type Prepared,
  type RunResult,
  type SearchFound,
  type SearchParams,
} from './searchCommon';

export interface SearchState {
  readonly p: Prepared;
  readonly digits: Uint8Array;
  nDigits: number;
  nonce: number;
  attempts: number;
  blocks: number;
  dirty: number; // first block whose chaining value must be recomputed
  readonly words: Int32Array; // the blocks after the midstate, as big-endian words
  readonly st: Int32Array; // chaining value before block k at [8k, 8k+8); st[0..8) is the midstate
  readonly best: Int32Array;
  bestH0: number;
  lastHex: string;
}

export function createSearch(params: SearchParams): SearchState {
  const p = prepare(params);
  const s: SearchState = {
    p,
    digits: new Uint8Array(MAX_DIGITS),
    nDigits: 0,
    nonce: params.startNonce,
    attempts: 0,
    blocks: 0,
    dirty: 0,
    words: new Int32Array(p.maxBlocks * 16),
    st: new Int32Array((p.maxBlocks + 1) * 8),
    best: new Int32Array(8),
    bestH0: 2 ** 32,
    lastHex: '',
  };
  s.st.set(p.midstate);
  if (s.nonce <= MAX_NONCE) setNonce(s, s.nonce);
  return s;
}

function setNonce(s: SearchState, nonce: number): void {
  const text = String(nonce);
  s.nDigits = text.length;
  for (let i = 0; i < text.length; i++) s.digits[i] = text.charCodeAt(i);
  s.blocks = layout(s.p, s.digits, 0, s.nDigits, s.words, 0, 1);
  s.dirty = 0;
}

/** Tries up to `maxAttempts` consecutive nonces; stops early at the first proof. */
export function run(s: SearchState, maxAttempts: number): RunResult {
  const { digits, words, st } = s;
  const { mask0, zeroBits, below } = s.p;
  const r = s.p.head.length;
  let found: SearchFound | null = null;
  let done = 0;
  let lastOff = -1;
  while (done < maxAttempts && s.nonce <= MAX_NONCE) {
    const blocks = s.blocks;
    for (let k = s.dirty; k < blocks; k++) compress(st, k * 8, k * 8 + 8, words, k * 16);
    s.dirty = blocks;
    done++;
    s.attempts++;
    lastOff = blocks * 8;
    const h0 = st[lastOff]!;
    if (h0 >>> 0 < s.bestH0) {
      s.bestH0 = h0 >>> 0;
      s.best.set(st.subarray(lastOff, lastOff + 8)); // rare: about ln(attempts) times per job
    }
    const hit =
      (h0 & mask0) === 0 &&
      (zeroBits <= 32 || hasZeroBits(st, lastOff, zeroBits)) &&
      (below === null || stateHex(st, lastOff) < below);
    if (hit) found = { proof: s.nonce, hashHex: stateHex(st, lastOff), attempts: s.attempts };
    // Increment the decimal digits in place; only the carried digits' bytes change.
    let p = s.nDigits - 1;
    while (p >= 0 && digits[p] === 57) digits[p--] = 48;
    s.nonce++;
    if (p < 0) {
      if (s.nonce <= MAX_NONCE) setNonce(s, s.nonce);
    } else {
      digits[p]!++;
      for (let q = p; q < s.nDigits; q++) setByte(words, 0, 1, r + q, digits[q]!);
      s.dirty = (r + p) >> 6;
    }
    if (hit) break;
  }
  if (lastOff >= 0) s.lastHex = stateHex(st, lastOff);
  return {
    found,
    attempts: done,
    nonce: s.nonce,
    lastHashHex: s.lastHex,
    bestHashHex: s.attempts > 0 ? stateHex(s.best, 0) : '',
    exhausted: s.nonce > MAX_NONCE,
  };
}

/** One attempt's hash through the fast path (for tests and spot checks). */
export function fastHashHex(prefix: string, suffix: string, nonce: number): string {
  const s = createSearch({ prefix, suffix, startNonce: nonce, target: { kind: 'zeroBits', n: 256 } });
  return run(s, 1).lastHashHex;
}
