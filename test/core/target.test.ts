// The header rule's target (docs/protocol.md "Retargeting"): Bitcoin's compact form, pinned with the vectors of
// Bitcoin Core's arith_uint256 tests, and the zero-bit difficulties as exact powers of two.
import { describe, expect, it } from 'vitest';
import { leadingZeroBits } from '../../src/core/hash';
import {
  bitsForZeroBits,
  bitsHex,
  bitsToTarget,
  hashBelow,
  isCanonicalBits,
  MAX_TARGET,
  targetToBits,
  workOf,
  zeroBitsBelow,
  zeroBitsOf,
} from '../../src/core/target';

describe('compact targets (nBits)', () => {
  it('reads and writes Bitcoin Core’s vectors', () => {
    expect(bitsToTarget(0x01003456)).toBe(0n);
    expect(bitsToTarget(0x01123456)).toBe(0x12n);
    expect(targetToBits(0x12n)).toBe(0x01120000);
    expect(bitsToTarget(0x05009234)).toBe(0x92340000n);
    expect(targetToBits(0x92340000n)).toBe(0x05009234);
    expect(bitsToTarget(0x20123456)).toBe(0x123456n << 232n);
    expect(targetToBits(0x123456n << 232n)).toBe(0x20123456);
    // Bitcoin's genesis target, and its header spelling.
    expect(bitsToTarget(0x1d00ffff)).toBe(0xffffn << 208n);
    expect(bitsHex(targetToBits(0xffffn << 208n))).toBe('1d00ffff');
    // A mantissa with its top bit set would read as negative: GetCompact moves one byte down.
    expect(targetToBits(0x80n)).toBe(0x02008000);
    expect(bitsToTarget(0x04923456)).toBe(0n);
  });

  it('keeps only the top three bytes, rounding down', () => {
    const t = (0x123456n << 200n) + 12345n;
    expect(bitsToTarget(targetToBits(t))).toBe(0x123456n << 200n);
  });

  it('accepts only canonical values for a target from 1 to 2^256', () => {
    expect(isCanonicalBits(0x1d00ffff)).toBe(true);
    expect(isCanonicalBits(bitsForZeroBits(0))).toBe(true);
    expect(isCanonicalBits(0x01003456)).toBe(false); // target 0
    expect(isCanonicalBits(0x04001234)).toBe(false); // 0x1234 << 8 is written 0x03123400
    expect(isCanonicalBits(0x22010000)).toBe(false); // 2^264, above 2^256
    expect(isCanonicalBits(1.5)).toBe(false);
  });
});

describe('zero-bit difficulties', () => {
  it('D leading zero bits is the target 2^(256 − D), with 2^D expected attempts', () => {
    for (const d of [0, 1, 8, 20, 33, 40]) {
      expect(bitsToTarget(bitsForZeroBits(d))).toBe(MAX_TARGET >> BigInt(d));
      expect(workOf(bitsForZeroBits(d))).toBe(2 ** d);
      expect(zeroBitsOf(bitsForZeroBits(d))).toBe(d);
      expect(zeroBitsBelow(bitsForZeroBits(d))).toBe(d);
    }
  });

  it('a hash is below 2^(256 − D) exactly when it has D leading zero bits', () => {
    const hashes = ['00000fff' + 'f'.repeat(56), '000010' + '0'.repeat(58), '0'.repeat(64), 'f'.repeat(64)];
    for (const h of hashes)
      for (const d of [0, 19, 20, 21]) expect(hashBelow(h, bitsForZeroBits(d))).toBe(leadingZeroBits(h) >= d);
  });

  it('a target between two zero-bit ones needs the hash compared as a number', () => {
    const bits = targetToBits(3n << 240n); // between 2^(256 − 15) and 2^(256 − 14)
    expect(zeroBitsBelow(bits)).toBe(14);
    expect(hashBelow('0002' + 'f'.repeat(60), bits)).toBe(true);
    expect(hashBelow('0003' + '0'.repeat(60), bits)).toBe(false);
    expect(zeroBitsOf(bits)).toBeCloseTo(16 - Math.log2(3), 12);
  });
});
