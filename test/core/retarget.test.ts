// The three retarget rules on hand-made chains (docs/protocol.md "Retargeting"): Bitcoin's off-by-one and ×4
// clamp, LWMA-1's 0.99 and its floor, ASERT's halving per half-life; and validation rejecting a block whose
// target is not the rule's (E_TARGET).
import { describe, expect, it } from 'vitest';
import { genesisBlock, hashBlock } from '../../src/core/block';
import { extend, genesisLink, toBlocks, type Link } from '../../src/core/chain';
import { expectedAfter, type RetargetRule, type TargetPlan } from '../../src/core/retarget';
import { bitsForZeroBits, bitsToTarget, workOf } from '../../src/core/target';
import type { Block } from '../../src/core/types';
import { validateChain } from '../../src/core/validate';
import { T0 } from './helpers';

const START = bitsForZeroBits(20);
const planOf = (rule: Omit<RetargetRule, 'interval'>): TargetPlan => ({
  segments: [{ fromIndex: 2, bits: START, rule: { interval: 10, ...rule } }],
});

/** A chain whose block i comes `gaps[i − 1]` seconds after the one before, each at the target the rule gives. */
function chainOf(plan: TargetPlan, gaps: readonly number[]): Link {
  let link = genesisLink(genesisBlock(T0));
  for (const gap of gaps) {
    const prev = link.block;
    const block: Block = {
      index: prev.index + 1,
      timestamp: prev.timestamp + gap,
      transactions: [],
      proof: 0,
      previous_hash: hashBlock(prev),
      noProof: true,
      bits: expectedAfter(plan, link),
    };
    link = extend(link, block);
  }
  return link;
}

/** Work of the block that would come next, over the starting work. */
const nextWork = (plan: TargetPlan, chain: Link) => workOf(expectedAfter(plan, chain)) / workOf(START);
const same = (n: number, gap: number) => Array.from({ length: n }, () => gap);

describe('Bitcoin (window 4)', () => {
  const plan = planOf({ algorithm: 'bitcoin', windowBlocks: 4, halfLife: 0 });

  it('keeps the target inside a period (the first has window − 1 blocks after genesis, as in Bitcoin)', () => {
    expect(expectedAfter(plan, chainOf(plan, same(2, 5)))).toBe(START);
    // The fifth block's target is the fourth's.
    const chain = chainOf(plan, same(4, 5));
    expect(expectedAfter(plan, chain)).toBe(chain.block.bits);
  });

  it('times window − 1 intervals: blocks exactly on time still raise the work by 4/3', () => {
    expect(nextWork(plan, chainOf(plan, same(3, 10)))).toBeCloseTo(4 / 3, 4);
    expect(nextWork(plan, chainOf(plan, same(3, 5)))).toBeCloseTo(8 / 3, 4);
  });

  it('clamps the change to ×4 however fast or slow the period was', () => {
    expect(nextWork(plan, chainOf(plan, same(3, 0.01)))).toBe(4);
    expect(nextWork(plan, chainOf(plan, same(3, 1000)))).toBe(1 / 4);
  });
});

// The window's first solvetime starts T before its first timestamp (issue #3's `timestamps[0] - T`), so on time
// the weighted sum is T·(N(N+1)/2 + 1), not T·N(N+1)/2.
describe('LWMA-1 (window 3)', () => {
  const plan = planOf({ algorithm: 'lwma', windowBlocks: 3, halfLife: 0 });

  it('holds the starting target until it has a full window of solvetimes', () => {
    expect(expectedAfter(plan, chainOf(plan, same(2, 1)))).toBe(START);
  });

  it('keeps 0.99 of the work when blocks come on time (N = 60: 0.99 × 1830/1831)', () => {
    expect(nextWork(plan, chainOf(plan, same(3, 10)))).toBeCloseTo((0.99 * 60) / 70, 4);
    const sixty = planOf({ algorithm: 'lwma', windowBlocks: 60, halfLife: 0 });
    expect(nextWork(sixty, chainOf(sixty, same(60, 10)))).toBeCloseTo((0.99 * 1830) / 1831, 4);
  });

  it('weights the latest solvetime most, clamped to 6T', () => {
    // Solvetimes 20, 10, 30 weighted 1, 2, 3: Σ = 130; the slow block first: 20 + 2·30 + 3·10 = 110.
    expect(nextWork(plan, chainOf(plan, [10, 10, 30]))).toBeCloseTo((0.99 * 60) / 130, 4);
    expect(nextWork(plan, chainOf(plan, [10, 30, 10]))).toBeCloseTo((0.99 * 60) / 110, 4);
    // A 1000 s solvetime counts as 60.
    expect(nextWork(plan, chainOf(plan, [10, 10, 1000]))).toBeCloseTo((0.99 * 60) / 220, 4);
  });

  it('floors the weighted sum at N²T/20, so instant blocks raise the work 11.88× at most (N = 5)', () => {
    const five = planOf({ algorithm: 'lwma', windowBlocks: 5, halfLife: 0 });
    // Σ = 10 (the first solvetime) + a few microseconds, below the floor 12.5: 0.99 × 15 × 10 / 12.5.
    expect(nextWork(five, chainOf(five, same(5, 0)))).toBeCloseTo(11.88, 3);
  });
});

describe('ASERT (aserti3-2d, half-life 20 s)', () => {
  const plan = planOf({ algorithm: 'asert', windowBlocks: 2, halfLife: 20 });

  it('keeps the target while blocks are on schedule', () => {
    expect(expectedAfter(plan, chainOf(plan, same(6, 10)))).toBe(START);
  });

  it('doubles the target (halves the work) for each half-life behind schedule, and the reverse', () => {
    expect(bitsToTarget(expectedAfter(plan, chainOf(plan, [10, 10, 30])))).toBe(2n * bitsToTarget(START));
    expect(bitsToTarget(expectedAfter(plan, chainOf(plan, [10, 10, 50])))).toBe(4n * bitsToTarget(START));
    expect(bitsToTarget(expectedAfter(plan, chainOf(plan, [10, 10, 0, 0])))).toBe(bitsToTarget(START) / 2n);
  });

  it('follows 2^x between whole half-lives (the cubic of the specification, within 0.02 %)', () => {
    const half = nextWork(plan, chainOf(plan, [10, 10, 20])); // half a half-life late
    expect(Math.abs(half / 2 ** -0.5 - 1)).toBeLessThan(2e-4);
  });
});

describe('validation under retargeting', () => {
  const plan = planOf({ algorithm: 'lwma', windowBlocks: 3, halfLife: 0 });
  const opts = {
    pow: { rule: 'header' as const, difficulty: 20 },
    strictness: 'tutorial' as const,
    targets: plan,
  };
  const blocks = toBlocks(chainOf(plan, [10, 2, 3, 40, 7, 9, 1]));

  it('accepts a chain whose blocks carry the rule’s targets', () => {
    expect(validateChain(blocks, { ...opts, skipProof: true }).ok).toBe(true);
  });

  it('rejects a block whose target is not the rule’s with E_TARGET, naming the block and both targets', () => {
    const tampered = blocks.map((b, i) => (i === 6 ? { ...b, bits: START } : b));
    const r = validateChain(tampered, { ...opts, skipProof: true });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('E_TARGET');
      expect(r.error.blockNumber).toBe(7);
      expect(r.error.message).toMatch(
        /mined at the target 1e100000, but the lwma retarget rule gives [0-9a-f]{8}/,
      );
    }
  });
});
