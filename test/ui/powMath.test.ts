// The proof-of-work panel's numbers: expected work, the geometric histogram, and the hash of the proof tried.
import { describe, expect, it } from 'vitest';
import { genesisBlock } from '../../src/core/block';
import {
  attemptHistogram,
  describeDifficulty,
  geometricBins,
  hashOfTry,
  shareOfAverage,
  splitLeadingZeros,
  zerosOf,
} from '../../src/ui/powMath';

// Pinned vectors (docs/protocol.md "Test vectors"): genesis at 1700000000.0, next proof at D = 4 with
// last_hash is 4456.
const GENESIS = genesisBlock(1700000000);
const PROOF_4456_HASH = '000080e03a5ea509d8778b3f221423f7a631fb7d36a49534e6213248522ffda9';

describe('describeDifficulty', () => {
  it.each([
    [{ rule: 'tutorial', difficulty: 3 } as const, 4096, '3 leading hex zeros'],
    [{ rule: 'tutorial', difficulty: 4 } as const, 65536, '4 leading hex zeros'],
    [{ rule: 'tutorial-original', difficulty: 1 } as const, 16, '1 leading hex zero'],
    [{ rule: 'header', difficulty: 12 } as const, 2 ** 12, '12 leading zero bits'],
  ])('%o needs %d attempts on average', (pow, expected, label) => {
    expect(describeDifficulty(pow)).toEqual({ expected, label });
  });
});

describe('geometric bins', () => {
  it.each([
    [1 / 256, 128, 8],
    [1 / 4096, 2048, 8],
    [1 / 65536, 32768, 8],
    [1, 1, 8],
    [2 ** -40, 2 ** 39, 8],
  ])('p = %d, width %d: the %d bins sum to 1', (p, width, bins) => {
    const probs = geometricBins(p, width, bins);
    expect(probs).toHaveLength(bins);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const x of probs) expect(x).toBeGreaterThanOrEqual(0);
  });

  it('puts about 39% of blocks below half the average, as (1 - p)^k says', () => {
    const [first] = geometricBins(1 / 256, 128, 8);
    expect(first).toBeCloseTo(1 - (255 / 256) ** 128, 12);
    expect(first).toBeCloseTo(0.394, 3);
  });
});

describe('attemptHistogram', () => {
  it('bins attempts in half-average steps and reports the mean', () => {
    // Average 256 → bin width 128: 1 and 128 in the first bin, 129 in the second, 5000 in the open last bin.
    const h = attemptHistogram([1, 128, 129, 5000], { rule: 'tutorial', difficulty: 2 });
    expect(h.width).toBe(128);
    expect(h.bins.map((b) => b.observed)).toEqual([2, 1, 0, 0, 0, 0, 0, 1]);
    expect(h.bins[7]?.to).toBeNull();
    expect(h.mean).toBeCloseTo(5258 / 4, 9);
    expect(h.expectedMean).toBe(256);
    expect(h.bins.reduce((a, b) => a + b.expected, 0)).toBeCloseTo(4, 9);
  });

  it('has no mean without blocks', () => {
    const h = attemptHistogram([], { rule: 'tutorial', difficulty: 3 });
    expect(h.n).toBe(0);
    expect(h.mean).toBe(0);
    expect(h.bins.every((b) => b.observed === 0 && b.expected === 0)).toBe(true);
  });
});

describe('the hash of the proof being tried', () => {
  it('is sha256(f"{last_proof}{proof}{last_hash}") under the tutorial rule', () => {
    const pow = { rule: 'tutorial', difficulty: 4 } as const;
    const hash = hashOfTry(pow, GENESIS, 4456);
    expect(hash).toBe(PROOF_4456_HASH);
    expect(splitLeadingZeros(hash as string)).toEqual({ zeros: '0000', rest: PROOF_4456_HASH.slice(4) });
    expect(zerosOf(pow, PROOF_4456_HASH)).toBe(4);
    expect(zerosOf({ rule: 'header', difficulty: 12 }, PROOF_4456_HASH)).toBe(16);
  });

  it('prefers the hash the miner reported, and is unknown for the header rule without one', () => {
    const header = { rule: 'header', difficulty: 12 } as const;
    expect(hashOfTry(header, GENESIS, 7)).toBeNull();
    expect(hashOfTry(header, GENESIS, 7, PROOF_4456_HASH)).toBe(PROOF_4456_HASH);
    expect(hashOfTry({ rule: 'tutorial', difficulty: 4 }, undefined, 7)).toBeNull();
  });

  it('splits a hash without leading zeros into no zeros and the rest', () => {
    expect(splitLeadingZeros('7aac3e')).toEqual({ zeros: '', rest: '7aac3e' });
  });
});

describe('shareOfAverage', () => {
  it('is the fraction of the average done, capped at 1', () => {
    expect(shareOfAverage(1024, 4096)).toBe(0.25);
    expect(shareOfAverage(9000, 4096)).toBe(1);
  });
});
