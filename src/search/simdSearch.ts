// The proof search four nonces at a time: lane j of a batch hashes nonce base + j with WebAssembly SIMD
// (sha256x4.ts), and every lane then steps by 4. The JS side keeps the per-lane decimal digits and message
// words up to date in place, as fastSearch.ts does for one nonce; lanes are checked in nonce order, so the first
// proof reported is the smallest, exactly as core's searchProof. Near a power of ten the lanes may have
// different digit counts and even block counts: each lane reads its digest from its own last block.
import { MAX_NONCE } from '../core/pow';
import { stateHex } from './sha256Block';
import { loadSha256x4, type Sha256x4 } from './sha256x4';
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

const LANES = 4;
const SLOT = 32; // Int32 words per state slot: 8 state words × 4 lanes (128 bytes)

export interface SimdState {
  readonly p: Prepared;
  readonly x4: Sha256x4;
  readonly mem: Int32Array; // the instance's memory: state slots from 0, message words from wordsAt
  readonly wordsAt: number; // Int32 index of the first message word
  readonly digits: Uint8Array; // lane j's digits at [16j, 16j + nDigits[j])
  readonly nDigits: Int32Array;
  readonly laneBlocks: Int32Array;
  readonly batchOffs: Int32Array; // where the last batch left each lane's digest
  base: number; // lane j hashes base + j
  attempts: number;
  blocks: number; // most blocks of any lane
  dirty: number; // first block whose chaining values must be recomputed
  readonly best: Int32Array;
  bestH0: number;
  lastHex: string;
}

/** A 4-lane search, or null where WebAssembly SIMD is unavailable (use fastSearch.ts there). */
export function createSimdSearch(params: SearchParams): SimdState | null {
  const x4 = loadSha256x4();
  if (x4 === null) return null;
  const p = prepare(params);
  const wordsBytes = Math.ceil(((p.maxBlocks + 1) * SLOT * 4) / 256) * 256;
  const needed = wordsBytes + p.maxBlocks * 16 * LANES * 4;
  const pages = Math.ceil(needed / 65536) - x4.memory.buffer.byteLength / 65536;
  if (pages > 0) x4.memory.grow(pages);
  const mem = new Int32Array(x4.memory.buffer);
  for (let w = 0; w < 8; w++) mem.fill(p.midstate[w]!, w * LANES, w * LANES + LANES);
  const s: SimdState = {
    p,
    x4,
    mem,
    wordsAt: wordsBytes / 4,
    digits: new Uint8Array(LANES * MAX_DIGITS),
    nDigits: new Int32Array(LANES),
    laneBlocks: new Int32Array(LANES),
    batchOffs: new Int32Array(LANES),
    base: params.startNonce,
    attempts: 0,
    blocks: 0,
    dirty: 0,
    best: new Int32Array(8),
    bestH0: 2 ** 32,
    lastHex: '',
  };
  seed(s, params.startNonce);
  return s;
}

function setLane(s: SimdState, lane: number, nonce: number): void {
  const text = String(Math.min(nonce, MAX_NONCE)); // a lane past MAX_NONCE is never read
  for (let i = 0; i < text.length; i++) s.digits[lane * MAX_DIGITS + i] = text.charCodeAt(i);
  s.nDigits[lane] = text.length;
  s.laneBlocks[lane] = layout(s.p, s.digits, lane * MAX_DIGITS, text.length, s.mem, s.wordsAt + lane, LANES);
  s.blocks = Math.max(...s.laneBlocks);
  s.dirty = 0;
}

function seed(s: SimdState, base: number): void {
  s.base = base;
  for (let j = 0; j < LANES; j++) setLane(s, j, base + j);
}

/** Every lane's nonce += 4, in place; only a lane whose digit count grows is laid out again. */
function advance(s: SimdState): void {
  const { digits, mem, nDigits } = s;
  const r = s.p.head.length;
  let dirty = s.dirty;
  for (let j = 0; j < LANES; j++) {
    const off = j * MAX_DIGITS;
    const base = s.wordsAt + j;
    const last = nDigits[j]! - 1;
    let p = last;
    let v = digits[off + p]! + LANES;
    if (v > 57) {
      digits[off + p--] = v - 10;
      while (p >= 0 && digits[off + p] === 57) digits[off + p--] = 48;
      if (p < 0) {
        setLane(s, j, s.base + LANES + j);
        dirty = 0;
        continue;
      }
      v = digits[off + p]! + 1;
    }
    digits[off + p] = v;
    for (let q = p; q <= last; q++) setByte(mem, base, LANES, r + q, digits[off + q]!);
    dirty = Math.min(dirty, (r + p) >> 6);
  }
  s.dirty = dirty;
  s.base += LANES;
}

/** Tries up to `maxAttempts` consecutive nonces; stops early at the first proof. */
export function runSimd(s: SimdState, maxAttempts: number): RunResult {
  const { mem, x4, laneBlocks } = s;
  const { mask0, zeroBits, below } = s.p;
  const wordsBytes = s.wordsAt * 4;
  let found: SearchFound | null = null;
  let done = 0;
  let lastOff = -1;
  while (done < maxAttempts && s.base <= MAX_NONCE) {
    const lanes = Math.min(LANES, maxAttempts - done, MAX_NONCE - s.base + 1);
    for (let k = s.dirty; k < s.blocks; k++) x4.compress4(k * 128, k * 128 + 128, wordsBytes + k * 256);
    s.dirty = s.blocks;
    let used = lanes;
    for (let j = 0; j < lanes; j++) {
      const off = laneBlocks[j]! * SLOT + j;
      const h0 = mem[off]!;
      lastOff = off;
      s.batchOffs[j] = off;
      if (h0 >>> 0 < s.bestH0) {
        s.bestH0 = h0 >>> 0;
        for (let w = 0; w < 8; w++) s.best[w] = mem[off + LANES * w]!;
      }
      if (
        (h0 & mask0) === 0 &&
        (zeroBits <= 32 || hasZeroBits(mem, off, zeroBits, LANES)) &&
        (below === null || stateHex(mem, off, LANES) < below)
      ) {
        found = { proof: s.base + j, hashHex: stateHex(mem, off, LANES), attempts: s.attempts + j + 1 };
        used = j + 1;
        break;
      }
    }
    done += used;
    s.attempts += used;
    if (used === LANES) advance(s);
    else seed(s, s.base + used); // a partial batch ends a chunk or a search: lanes restart from the next nonce
    if (found !== null) break;
  }
  if (lastOff >= 0) s.lastHex = stateHex(mem, lastOff, LANES);
  return {
    found,
    attempts: done,
    nonce: s.base,
    lastHashHex: s.lastHex,
    bestHashHex: s.attempts > 0 ? stateHex(s.best, 0) : '',
    exhausted: s.base > MAX_NONCE,
  };
}

/** The four digests of the last full batch, lane 0 first (for tests). */
export function lastBatchHex(s: SimdState): string[] {
  return Array.from(s.batchOffs, (off) => stateHex(s.mem, off, LANES));
}
