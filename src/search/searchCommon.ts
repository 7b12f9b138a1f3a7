// What the scalar search (fastSearch.ts) and the 4-lane search (simdSearch.ts) share: the job's bytes, the
// midstate of the prefix's full 64-byte blocks, the message layout and the difficulty test on state words.
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { PowParams } from '../core/pow';
import { targetHex, zeroBitsBelow } from '../core/target';
import { compress, IV } from './sha256Block';

/**
 * Leading zero hex digits (tutorial rules) or leading zero bits (header rule) of the digest; under retargeting
 * also `below`, the header's target as 64 hex digits, which a digest with the zero bits must be under
 * (src/core/target.ts): the zero bits reject almost every attempt on the state words, `below` the few left.
 */
export interface SearchTarget {
  readonly kind: 'hexZeros' | 'zeroBits';
  readonly n: number;
  readonly below?: string;
}

export interface SearchParams {
  readonly prefix: string;
  readonly suffix: string;
  readonly startNonce: number;
  readonly target: SearchTarget;
}

export interface SearchFound {
  readonly proof: number;
  readonly hashHex: string;
  /** Attempts since the state was created, including the successful one (core's Found.attempts). */
  readonly attempts: number;
}

export interface RunResult {
  readonly found: SearchFound | null;
  /** Attempts made by this call. */
  readonly attempts: number;
  /** The next nonce this state will try. */
  readonly nonce: number;
  /** Hash of the last nonce tried (nonce - 1), '' before the first attempt. */
  readonly lastHashHex: string;
  /** Lowest digest seen since the state was created (most leading zeros), '' before the first attempt. */
  readonly bestHashHex: string;
  /** True once every nonce up to MAX_NONCE has been tried. */
  readonly exhausted: boolean;
}

/** MAX_NONCE (src/core/pow.ts) has 16 decimal digits. */
export const MAX_DIGITS = 16;

export function targetFor(params: PowParams): SearchTarget {
  if (params.rule === 'header' && params.bits !== undefined) {
    const below = targetHex(params.bits);
    return { kind: 'zeroBits', n: zeroBitsBelow(params.bits), ...(below ? { below } : {}) };
  }
  return { kind: params.rule === 'header' ? 'zeroBits' : 'hexZeros', n: params.difficulty };
}

/** A job's fixed parts. */
export interface Prepared {
  readonly zeroBits: number;
  /** A digest must also be below this 64-hex target (SearchTarget.below), when given. */
  readonly below: string | null;
  /** The top min(zeroBits, 32) bits: the test on the first digest word that rejects almost every attempt. */
  readonly mask0: number;
  /** Prefix bytes after its last full 64-byte block. */
  readonly head: Uint8Array;
  /** Suffix bytes. */
  readonly tail: Uint8Array;
  readonly prefixLength: number;
  /** Chaining value after the prefix's full blocks. */
  readonly midstate: Int32Array;
  /** Most 64-byte blocks any nonce (up to 16 digits) needs after the midstate. */
  readonly maxBlocks: number;
}

export function prepare(params: SearchParams): Prepared {
  const { startNonce, target } = params;
  if (!Number.isSafeInteger(startNonce) || startNonce < 0)
    throw new RangeError(`bad startNonce ${startNonce}`);
  const zeroBits = target.kind === 'hexZeros' ? target.n * 4 : target.n;
  if (!Number.isInteger(zeroBits) || zeroBits < 0 || zeroBits > 256) throw new RangeError('bad target');
  const prefix = utf8ToBytes(params.prefix);
  const tail = utf8ToBytes(params.suffix);
  const full = prefix.length - (prefix.length % 64);
  const st = new Int32Array(8);
  st.set(IV);
  const words = new Int32Array(16);
  for (let off = 0; off < full; off += 64) {
    for (let i = 0; i < 64; i++) setByte(words, 0, 1, i, prefix[off + i]!);
    compress(st, 0, 0, words, 0);
  }
  return {
    zeroBits,
    below: target.below ?? null,
    mask0: zeroBits >= 32 ? -1 : zeroBits === 0 ? 0 : -1 << (32 - zeroBits),
    head: prefix.slice(full),
    tail,
    prefixLength: prefix.length,
    midstate: st,
    maxBlocks: Math.ceil((63 + MAX_DIGITS + tail.length + 9) / 64),
  };
}

/** Sets message byte `pos` in big-endian words stored at `words[base + stride * (pos >> 2)]`. */
export function setByte(words: Int32Array, base: number, stride: number, pos: number, byte: number): void {
  const sh = 24 - ((pos & 3) << 3);
  const i = base + stride * (pos >> 2);
  words[i] = (words[i]! & ~(0xff << sh)) | (byte << sh);
}

/**
 * Lays out head + digits + suffix + SHA-256 padding for one nonce (FIPS 180-4 §5.1.1) and returns its number of
 * blocks; runs when a nonce's digit count changes (rare).
 */
export function layout(
  p: Prepared,
  digits: Uint8Array,
  digitsOff: number,
  nDigits: number,
  words: Int32Array,
  base: number,
  stride: number,
): number {
  const r = p.head.length;
  const total = r + nDigits + p.tail.length;
  const blocks = Math.ceil((total + 9) / 64);
  for (let i = 0; i < p.maxBlocks * 16; i++) words[base + stride * i] = 0;
  p.head.forEach((b, i) => setByte(words, base, stride, i, b));
  for (let i = 0; i < nDigits; i++) setByte(words, base, stride, r + i, digits[digitsOff + i]!);
  p.tail.forEach((b, i) => setByte(words, base, stride, r + nDigits + i, b));
  setByte(words, base, stride, total, 0x80);
  const bits = (p.prefixLength + nDigits + p.tail.length) * 8;
  words[base + stride * (blocks * 16 - 2)] = Math.floor(bits / 2 ** 32);
  words[base + stride * (blocks * 16 - 1)] = bits | 0;
  return blocks;
}

/** Whether the digest words at `st[off + stride * i]` start with at least `n` zero bits (0..256). */
export function hasZeroBits(st: Int32Array, off: number, n: number, stride = 1): boolean {
  for (let i = 0, left = n; left > 0; i++, left -= 32) {
    const mask = left >= 32 ? -1 : -1 << (32 - left);
    if ((st[off + stride * i]! & mask) !== 0) return false;
  }
  return true;
}
