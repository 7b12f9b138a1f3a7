// The settings panel's live retarget preview on hand-made chains.
import { describe, expect, it } from 'vitest';
import { forgeBlock, genesisBlock } from '../../src/core/block';
import type { Block, Chain } from '../../src/core/types';
import { nearestStep, retargetPreview } from '../../src/ui/retargetPreview';

/** `n` blocks after genesis, one every `interval` seconds (proofs do not matter here). */
function chainEvery(n: number, interval: number): Chain {
  const chain: Block[] = [genesisBlock(1000)];
  for (let i = 1; i <= n; i++) chain.push(forgeBlock(chain[i - 1]!, [], 'alice', 0, 1000 + i * interval));
  return chain;
}

const POW = { rule: 'tutorial' as const, difficulty: 2 };

describe('retargetPreview', () => {
  it('waits for 12 blocks', () => {
    expect(retargetPreview(chainEvery(10, 2), () => undefined, POW, 10, 100)).toBeNull();
  });

  it('raises the difficulty of blocks that come 2.5 times too fast, each rule by its own formula', () => {
    const rows = retargetPreview(chainEvery(20, 4), () => undefined, POW, 10, 256)!;
    const by = Object.fromEntries(rows.map((r) => [r.rule, r]));
    expect(by.bitcoin!.factor).toBeCloseTo(100 / 36, 9); // 10 blocks × 10 s over 9 intervals of 4 s
    // LWMA-1's first solvetime starts T early: Σ i·t = 14 + 4 × 54 = 230 against 550, × 0.99.
    expect(by.lwma!.factor).toBeCloseTo((0.99 * 550) / 230, 9);
    expect(by.asert!.factor).toBeCloseTo(2 ** 0.6, 9); // 60 s ahead of schedule, half-life 100 s
    // 256 × 2.78 attempts ≈ 16^2.37: the slider's nearest step is 2 (256 attempts = 1 s at 256 H/s).
    expect(by.bitcoin!.slider).toBe(2);
    expect(by.bitcoin!.seconds).toBe(1);
  });

  it('clamps Bitcoin’s step to ×4 and LWMA’s to ×10.89 (its floor N²T/20), however fast the blocks came', () => {
    const rows = retargetPreview(chainEvery(20, 0.5), () => undefined, POW, 10, 256)!;
    expect(rows[0]?.factor).toBe(4);
    expect(rows[1]?.factor).toBeCloseTo(10.89, 9);
    expect(rows[1]?.slider).toBe(3); // 16^3 = 4096 is the nearest step to 2788
  });

  it('reads each block’s own difficulty when it changed during the run', () => {
    const chain = chainEvery(20, 10);
    const rows = retargetPreview(chain, () => 3, POW, 10, 256)!;
    // On target at 16^3 attempts per block: ASERT keeps 4096 (×16 the current slider's 256); Bitcoin measures 9
    // intervals against 10 targets (Core's off-by-one) and asks for 10/9 more; LWMA-1 asks for 0.99 × 550/560.
    expect(rows.map((r) => r.factor / 16)).toEqual([
      expect.closeTo(10 / 9, 9),
      expect.closeTo((0.99 * 550) / 560, 9),
      1,
    ]);
  });

  it('rounds to the nearest step in bits for the header rule and clamps to the range', () => {
    expect(nearestStep({ rule: 'header', difficulty: 12 }, 3000)).toBe(12);
    expect(nearestStep({ rule: 'tutorial', difficulty: 2 }, 1e12)).toBe(8);
    expect(nearestStep({ rule: 'tutorial', difficulty: 2 }, 0.5)).toBe(0);
  });
});
