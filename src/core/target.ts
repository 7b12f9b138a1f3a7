// The header rule's difficulty as a full target (docs/protocol.md "Proof of work"): a proof is valid when its
// hash, read as a 256-bit number, is below the block's target. Targets travel in Bitcoin's compact form
// ("nBits": a size byte and a 23-bit mantissa, arith_uint256 GetCompact/SetCompact), a plain 32-bit number that
// the header line prints as 8 hex digits, so a retarget can move the difficulty by any factor and the header
// still hashes the same bytes everywhere. D leading zero bits is the target 2^(256 − D), exactly.

/** Difficulty 0: every hash is below it. */
export const MAX_TARGET = 1n << 256n;

/** The target a compact value stands for (Bitcoin's SetCompact; a negative or zero mantissa gives 0). */
export function bitsToTarget(bits: number): bigint {
  const size = bits >>> 24;
  const word = bits & 0x007fffff;
  if (word === 0 || (bits & 0x00800000) !== 0) return 0n;
  return size <= 3 ? BigInt(word >>> (8 * (3 - size))) : BigInt(word) << BigInt(8 * (size - 3));
}

/** The compact form of a target (Bitcoin's GetCompact: the top three bytes, rounded down). */
export function targetToBits(target: bigint): number {
  if (target <= 0n) return 0;
  let size = Math.ceil(target.toString(2).length / 8);
  let word = size <= 3 ? Number(target) << (8 * (3 - size)) : Number(target >> BigInt(8 * (size - 3)));
  // The mantissa's top bit is a sign in Bitcoin's format: move one byte down instead.
  if (word & 0x00800000) {
    word >>>= 8;
    size++;
  }
  return ((size << 24) | word) >>> 0;
}

const zeroBitTargets = new Map<number, number>();

/** The target below which a hash has at least `d` leading zero bits: 2^(256 − d). */
export function bitsForZeroBits(d: number): number {
  let b = zeroBitTargets.get(d);
  if (b === undefined) zeroBitTargets.set(d, (b = targetToBits(1n << BigInt(256 - d))));
  return b;
}

/** Whether `bits` is a compact value GetCompact would write, for a target from 1 to MAX_TARGET. */
export function isCanonicalBits(bits: unknown): bits is number {
  if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < 0 || bits > 0xffffffff) return false;
  const t = bitsToTarget(bits);
  return t > 0n && t <= MAX_TARGET && targetToBits(t) === bits;
}

/** The header line's form: 8 lowercase hex digits, as Bitcoin prints nBits ("1d00ffff"). */
export const bitsHex = (bits: number): string => bits.toString(16).padStart(8, '0');

const hexes = new Map<number, string | null>();

/** The target as 64 hex digits, or null when it is 2^256 (no hash is too high). */
export function targetHex(bits: number): string | null {
  let h = hexes.get(bits);
  if (h === undefined) {
    const t = bitsToTarget(bits);
    h = t >= MAX_TARGET ? null : t.toString(16).padStart(64, '0');
    if (hexes.size > 4096) hexes.clear();
    hexes.set(bits, h);
  }
  return h;
}

/** hash < target. Both are 64 lowercase hex digits, so text order is number order. */
export function hashBelow(hashHex: string, bits: number): boolean {
  const t = targetHex(bits);
  return t === null || hashHex < t;
}

/** Expected attempts for one proof: 2^256 / target (exact for 2^(256 − D): 2^D). Also a block's work. */
export function workOf(bits: number): number {
  return 2 ** 256 / Number(bitsToTarget(bits));
}

/** The same as a whole number, floor(2^256 / target): the "difficulty" LWMA-1 averages. */
export function workBig(bits: number): bigint {
  return MAX_TARGET / bitsToTarget(bits);
}

/** The difficulty in (fractional) leading zero bits, log2 of the work: what the slider would have to say. */
export function zeroBitsOf(bits: number): number {
  return Math.log2(workOf(bits));
}

/** Leading zero bits every hash below the target has: the cheap first test of a search. */
export function zeroBitsBelow(bits: number): number {
  const t = bitsToTarget(bits);
  return t >= MAX_TARGET ? 0 : 256 - (t - 1n).toString(2).length + (t === 1n ? 1 : 0);
}
