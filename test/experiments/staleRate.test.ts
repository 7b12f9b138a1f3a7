// stale-rate on the real engine in event mode: small networks, pinned seeds, checked against the fixed-delay
// theory within 4 standard errors; and the experiment's rows are deterministic.
import { describe, expect, it } from 'vitest';
import { DELAYS, staleRate, staleRun } from '../../src/experiments/staleRate';
import { estimate } from '../../src/math/stats';
import { staleRateFixedDelay } from '../../src/math/theory';
import { runSmall } from './helpers';

function finish(run: Generator<number, { mined: number; onChain: number }>) {
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

describe('stale-rate on the engine', () => {
  it('five miners at d/T = 0.2 lose as many blocks as the fixed-delay model says (within 4 SE)', () => {
    const fractions = [11, 12, 13, 14].map((seed) => {
      const c = finish(staleRun(5, 0.2, 1500, seed));
      expect(c.mined).toBe(1500);
      return 1 - c.onChain / c.mined;
    });
    const sim = estimate(fractions);
    const theory = staleRateFixedDelay(5, 0.2); // ≈ 0.134
    expect(Math.abs(sim.mean - theory)).toBeLessThan(4 * sim.se);
    expect(sim.mean).toBeGreaterThan(0.08);
  });

  it('loses almost nothing when the delay is tiny', () => {
    const c = finish(staleRun(5, 0.005, 1000, 3));
    expect(c.mined - c.onChain).toBeLessThan(15); // theory: ≈ 4 of 1000
  });

  it('gives one row per delay for 10 miners, and the same rows for the same seed', () => {
    const a = runSmall(staleRate, 2, { miners: 10, blocks: 100 }, 4);
    expect(a.rows.map((r) => r.delayOverInterval)).toEqual([...DELAYS]);
    expect(a.rows.every((r) => r.miners === 10 && r.trials === 2)).toBe(true);
    expect(runSmall(staleRate, 2, { miners: 10, blocks: 100 }, 4)).toEqual(a);
  });
});
