// stale-rate on the real engine in event mode (relay policy: each block reaches every peer exactly d later):
// small networks, pinned seeds, checked against the fixed-delay formula and against the reference model of the
// same network (src/math/raceModel.ts), which is itself checked against the formula; rows are deterministic.
import { describe, expect, it } from 'vitest';
import { checkRows } from '../../src/experiments/check';
import { staleRate, staleRun } from '../../src/experiments/staleRate';
import { fixedDelayRun, type RaceCounts } from '../../src/math/raceModel';
import { createRng } from '../../src/math/rng';
import { estimate } from '../../src/math/stats';
import { threeSigmaT } from '../../src/math/tdist';
import { staleRateFixedDelay } from '../../src/math/theory';
import { runToEnd } from '../../src/experiments/run';

function finish(run: Generator<number, RaceCounts>): RaceCounts {
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

describe('the reference model of the fixed-delay network', () => {
  it('loses as many blocks as the formula says, to 4 decimals (10 miners, d/T = 0.2, 10⁶ blocks)', () => {
    const runs = [1, 2, 3, 4].map((s) => fixedDelayRun(10, 0.2, 250_000, createRng(s)));
    const stale = estimate(runs.map((c) => 1 - c.height / c.mined));
    expect(Math.abs(stale.mean - staleRateFixedDelay(10, 0.2))).toBeLessThan(
      Math.max(4 * stale.se, 1e-4) + 1e-4,
    );
    // About nine races in ten go to the block found first (the rest: its rival's finder found the next block).
    const wins = runs.reduce((a, c) => a + c.firstWins, 0) / runs.reduce((a, c) => a + c.races, 0);
    expect(wins).toBeGreaterThan(0.85);
    expect(wins).toBeLessThan(0.92);
  });
});

describe('stale-rate on the engine', () => {
  it('five miners at d/T = 0.2 lose as many blocks as the fixed-delay model says (within 3 SE, t)', () => {
    const counts = [11, 12, 13, 14, 15, 16].map((seed) => finish(staleRun(5, 0.2, 3000, seed)));
    expect(counts.every((c) => c.mined === 3000)).toBe(true);
    const sim = estimate(counts.map((c) => 1 - c.height / c.mined));
    const theory = staleRateFixedDelay(5, 0.2); // ≈ 0.134
    expect(Math.abs(sim.mean - theory)).toBeLessThan(threeSigmaT(5) * sim.se);
    expect(sim.mean).toBeGreaterThan(0.1);
  });

  it('loses almost nothing when the delay is tiny', () => {
    const c = finish(staleRun(5, 0.005, 1000, 3));
    expect(c.mined - c.height).toBeLessThan(15); // theory: ≈ 4 of 1000
  });

  it('two rows per delay, every one within 3 SE, and the same rows for the same seed', () => {
    const spec = { seed: 4, trials: 6, params: { miners: 10, blocks: 2000 }, lists: { delay: [0.05, 0.2] } };
    const a = runToEnd(staleRate.run(spec));
    expect(a.rows.map((r) => [r.metric, r.delayOverInterval])).toEqual([
      ['stale', 0.05],
      ['first-found wins', 0.05],
      ['stale', 0.2],
      ['first-found wins', 0.2],
    ]);
    const checks = checkRows(staleRate, a);
    expect(checks).toHaveLength(4);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(runToEnd(staleRate.run(spec))).toEqual(a);
  }, 30_000);
});
