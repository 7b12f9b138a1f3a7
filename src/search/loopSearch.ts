// The proof search with its loop inside WebAssembly (searchKernel.ts). JS runs once per batch and once per
// candidate, never per attempt:
// - a layout is the message for one nonce digit count: where the digits are, which two words hold the low ones
//   (a and b), the tables of those words' values, and a kernel instance shaped for them;
// - a batch is the nonces that share every digit outside words a and b (10^(digits in a and b) of them, 10^8 at
//   most): JS compresses the blocks before the nonce's block, runs the rounds before word a and precomputes the
//   constant schedule words and their K + W;
// - the kernel leaves early only for a lane whose digest word 0 has the difficulty's bits zero, or is the lowest
//   so far; JS hashes such a nonce with the core's SHA-256 and applies the full test (zero bits past word 0, the
//   retarget's `below`). The last and lowest hashes of a chunk are made the same way, once per chunk.
// Lanes are checked in nonce order, so the first proof reported is the smallest, exactly as core's searchProof.
import { MAX_NONCE, proofHash } from '../core/pow';
import { compress } from './sha256Block';
import { K } from './sha256Constants';
import {
  hasZeroBits,
  layout,
  MAX_DIGITS,
  prepare,
  type Prepared,
  type RunResult,
  type SearchFound,
  type SearchParams,
} from './searchCommon';
import {
  KERNEL_PAGES,
  loadSearchKernel,
  MEM,
  varyingWords,
  type KernelShape,
  type SearchKernel,
} from './searchKernel';

interface Layout {
  readonly nDigits: number;
  readonly shape: KernelShape;
  readonly kernel: SearchKernel;
  readonly mem: Int32Array;
  /** The nonce's block, counted after the midstate, and the number of blocks. */
  readonly block: number;
  readonly blocks: number;
  readonly modA: number;
  readonly modB: number;
}

export interface LoopState {
  readonly p: Prepared;
  readonly prefix: string;
  readonly suffix: string;
  readonly words: Int32Array;
  readonly digits: Uint8Array;
  lay: Layout | null;
  /** First nonce past the prepared batch (0: none prepared). */
  batchEnd: number;
  nonce: number;
  attempts: number;
  bestH0: number;
  bestNonce: number;
  bestHex: string;
  bestHexNonce: number;
  lastHex: string;
}

const hashOf = (s: LoopState, nonce: number): string => proofHash(s, nonce);

/** The in-WebAssembly search, or null where WebAssembly SIMD is unavailable (use another engine there). */
export function createLoopSearch(params: SearchParams): LoopState | null {
  if (loadSearchKernel({ a: -1, b: 0, after: 0 }) === null) return null;
  const p = prepare(params);
  return {
    p,
    prefix: params.prefix,
    suffix: params.suffix,
    words: new Int32Array(p.maxBlocks * 16),
    digits: new Uint8Array(MAX_DIGITS),
    lay: null,
    batchEnd: 0,
    nonce: params.startNonce,
    attempts: 0,
    bestH0: 2 ** 32,
    bestNonce: -1,
    bestHex: '',
    bestHexNonce: -1,
    lastHex: '',
  };
}

/** Lays out the message of `nonce` into s.words; returns its number of blocks. */
function layOut(s: LoopState, nonce: number): number {
  const text = String(nonce);
  for (let i = 0; i < text.length; i++) s.digits[i] = text.charCodeAt(i);
  return layout(s.p, s.digits, 0, text.length, s.words, 0, 1);
}

/** `word` with the bytes from `from` on replaced by the ASCII digits of `v`, `n` of them, zero-padded. */
function withDigits(word: number, from: number, n: number, v: number): number {
  const text = String(v).padStart(n, '0');
  for (let i = 0; i < n; i++) {
    const sh = 24 - 8 * (from + i);
    word = (word & ~(0xff << sh)) | (text.charCodeAt(i) << sh);
  }
  return word | 0;
}

function newLayout(s: LoopState, nonce: number): Layout {
  const nDigits = String(nonce).length;
  const blocks = layOut(s, nonce);
  const r = s.p.head.length;
  const lastByte = r + nDigits - 1;
  const bWord = lastByte >> 2;
  const block = bWord >> 4;
  const inB = lastByte - Math.max(r, 4 * bWord) + 1;
  // Word a is the one before b when it holds digits and lies in the same block.
  const inA = (bWord & 15) === 0 ? 0 : Math.max(0, Math.min(4, 4 * bWord - r));
  const shape: KernelShape = { a: inA > 0 ? (bWord & 15) - 1 : -1, b: bWord & 15, after: blocks - 1 - block };
  const kernel = loadSearchKernel(shape);
  if (kernel === null) throw new Error('the search kernel compiled once and then failed');
  if (kernel.memory.buffer.byteLength < KERNEL_PAGES * 65536) throw new Error('kernel memory too small');
  const mem = new Int32Array(kernel.memory.buffer);
  const modA = 10 ** inA;
  const modB = 10 ** inB;
  // Tables of word a and b for every value of their digits (two spare entries for lanes past a batch's end).
  const aWord = s.words[bWord - 1] ?? 0;
  for (let v = 0; v < modA + 2; v++) mem[MEM.tableA / 4 + v] = withDigits(aWord, 4 - inA, inA, v % modA);
  const bWordValue = s.words[bWord]!;
  const bFrom = Math.max(r, 4 * bWord) - 4 * bWord;
  for (let v = 0; v < modB + 2; v++) mem[MEM.tableB / 4 + v] = withDigits(bWordValue, bFrom, inB, v % modB);
  mem.fill(modB, MEM.modB / 4, MEM.modB / 4 + 4);
  mem.fill(s.p.mask0, MEM.mask / 4, MEM.mask / 4 + 4);
  return { nDigits, shape, kernel, mem, block, blocks, modA, modB };
}

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** The 64-word message schedule of block `at` of s.words (FIPS 180-4 §6.2.2 step 1). */
function schedule(words: Int32Array, at: number): Int32Array {
  const w = new Int32Array(64);
  w.set(words.subarray(at * 16, at * 16 + 16));
  for (let t = 16; t < 64; t++) {
    const x = w[t - 2]!;
    const y = w[t - 15]!;
    const s1 = rotr(x, 17) ^ rotr(x, 19) ^ (x >>> 10);
    const s0 = rotr(y, 7) ^ rotr(y, 18) ^ (y >>> 3);
    w[t] = (w[t - 16]! + s1 + w[t - 7]! + s0) | 0;
  }
  return w;
}

/** Rounds [0, to) of one compression on the working variables `v` (a..h). */
function rounds(v: Int32Array, w: Int32Array, to: number): void {
  for (let t = 0; t < to; t++) {
    const [a, b, c, d, e, f, g, h] = v as unknown as number[];
    const t1 =
      (h! + (rotr(e!, 6) ^ rotr(e!, 11) ^ rotr(e!, 25)) + (g! ^ (e! & (f! ^ g!))) + K[t]! + w[t]!) | 0;
    const t2 = ((rotr(a!, 2) ^ rotr(a!, 13) ^ rotr(a!, 22)) + ((a! & b!) | (c! & (a! | b!)))) | 0;
    v.copyWithin(1, 0, 7);
    v[4] = (d! + t1) | 0;
    v[0] = (t1 + t2) | 0;
  }
}

const splat = (mem: Int32Array, byteOff: number, x: number) => mem.fill(x, byteOff / 4, byteOff / 4 + 4);

/** Everything the kernel reads that is constant over the batch holding `nonce`. */
function prepareBatch(s: LoopState, lay: Layout, nonce: number): void {
  layOut(s, nonce);
  const { mem, shape, block } = lay;
  const chain = new Int32Array(8);
  chain.set(s.p.midstate);
  for (let k = 0; k < block; k++) compress(chain, 0, 0, s.words, k * 16);
  const w = schedule(s.words, block);
  const v = chain.slice();
  rounds(v, w, shape.a >= 0 ? shape.a : shape.b);
  for (let k = 0; k < 8; k++) {
    splat(mem, MEM.state0 + 16 * k, v[k]!);
    splat(mem, MEM.chain + 16 * k, chain[k]!);
  }
  const varies = varyingWords(shape);
  const s1 = (x: number) => rotr(x, 17) ^ rotr(x, 19) ^ (x >>> 10);
  const s0 = (x: number) => rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
  for (let t = 0; t < 64; t++) {
    if (!varies[t]) splat(mem, MEM.kw + 16 * t, (K[t]! + w[t]!) | 0);
    else if (t >= 16) {
      let c = 0;
      if (!varies[t - 16]) c += w[t - 16]!;
      if (!varies[t - 2]) c += s1(w[t - 2]!);
      if (!varies[t - 7]) c += w[t - 7]!;
      if (!varies[t - 15]) c += s0(w[t - 15]!);
      splat(mem, MEM.partial + 16 * t, c | 0);
    }
  }
  for (let k = 0; k < shape.after; k++) {
    const wk = schedule(s.words, block + 1 + k);
    for (let t = 0; t < 64; t++) splat(mem, MEM.kwAfter + 1024 * k + 16 * t, (K[t]! + wk[t]!) | 0);
  }
  const span = lay.modA * lay.modB;
  s.batchEnd = (Math.floor(nonce / span) + 1) * span;
}

/** Tries up to `maxAttempts` consecutive nonces; stops early at the first proof. */
export function runLoop(s: LoopState, maxAttempts: number): RunResult {
  const { mask0, zeroBits, below } = s.p;
  let found: SearchFound | null = null;
  let done = 0;
  while (found === null && done < maxAttempts && s.nonce <= MAX_NONCE) {
    const nonce = s.nonce;
    if (s.lay === null || String(nonce).length !== s.lay.nDigits) {
      s.lay = newLayout(s, nonce);
      s.batchEnd = 0;
    }
    const lay = s.lay;
    if (nonce >= s.batchEnd) prepareBatch(s, lay, nonce);
    const limit = Math.min(s.batchEnd, nonce + (maxAttempts - done), MAX_NONCE + 1);
    const { mem, modB } = lay;
    const low = nonce % (lay.modA * modB);
    for (let j = 0; j < 4; j++) {
      mem[MEM.laneB / 4 + j] = (low + j) % modB;
      mem[MEM.laneA / 4 + j] = Math.floor((low + j) / modB);
    }
    splat(mem, MEM.best, Math.min(s.bestH0, 2 ** 32 - 1) | 0);
    const left = lay.kernel.search(Math.ceil((limit - nonce) / 4));
    let next = limit;
    if (left >= 0) {
      const from = nonce + 4 * left;
      next = Math.min(from + 4, limit);
      for (let j = 0; j < 4 && from + j < limit; j++) {
        const h0 = mem[MEM.out / 4 + j]! >>> 0;
        if (h0 < s.bestH0) {
          s.bestH0 = h0;
          s.bestNonce = from + j;
        }
        if ((h0 & mask0) !== 0) continue;
        const hex = hashOf(s, from + j);
        const words = Int32Array.from({ length: 8 }, (_, k) => parseInt(hex.slice(8 * k, 8 * k + 8), 16) | 0);
        if ((zeroBits <= 32 || hasZeroBits(words, 0, zeroBits)) && (below === null || hex < below)) {
          next = from + j + 1;
          found = { proof: from + j, hashHex: hex, attempts: s.attempts + done + (next - nonce) };
          break;
        }
      }
    }
    done += next - nonce;
    s.nonce = next;
  }
  s.attempts += done;
  if (done > 0) s.lastHex = hashOf(s, s.nonce - 1);
  if (s.bestNonce !== s.bestHexNonce) {
    s.bestHex = hashOf(s, s.bestNonce);
    s.bestHexNonce = s.bestNonce;
  }
  return {
    found,
    attempts: done,
    nonce: s.nonce,
    lastHashHex: s.lastHex,
    bestHashHex: s.bestHex,
    exhausted: s.nonce > MAX_NONCE,
  };
}
