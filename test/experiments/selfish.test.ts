// Selfish mining on the engine: γ comes out of the network (a pool closer to everyone than they are to each other
// wins about 1 − 1/n of the honest work in a tie, a slow one none), and the pool's revenue lands within the check's
// limit of Eyal & Sirer's R(α, γ) at the measured γ.
import { describe, expect, it, vi } from 'vitest';
import { checkRows } from '../../src/experiments/check';
import { runToEnd } from '../../src/experiments/run';
import { selfishMining, selfishRow, type SelfishCounts } from '../../src/experiments/selfish';
import { selfishRevenue } from '../../src/math/theory';

vi.setConfig({ testTimeout: 30_000 });

const spec = {
  seed: 5,
  trials: 10,
  params: { honest: 5, blocks: 800, interval: 600, 'honest-latency': 2 },
  lists: { alpha: [0.35], 'pool-latency': [0.5, 3] },
};

describe('selfish-mining experiment (small, on the engine)', () => {
  const result = runToEnd(selfishMining.run(spec));
  const row = (latency: number) => result.rows.find((r) => r.poolLatency === latency);

  it('measures γ near 1 − 1/5 for a well-connected pool and 0 for a badly connected one', () => {
    expect(row(0.5)?.gammaMeasured).toBeGreaterThan(0.7);
    expect(row(0.5)?.gammaMeasured).toBeLessThan(0.9);
    expect(row(3)?.gammaMeasured).toBe(0);
  });

  it('puts the pool’s revenue within the check’s limit of R(α, γ measured), and above α when γ is high', () => {
    const checks = checkRows(selfishMining, result);
    expect(checks).toHaveLength(2);
    for (const c of checks) expect(c.deviation).toBeLessThan(c.limit);
    expect(row(0.5)?.theory).toBeCloseTo(selfishRevenue(0.35, row(0.5)?.gammaMeasured as number), 12);
    expect(row(0.5)?.revenue).toBeGreaterThan(0.4);
    expect(row(3)?.revenue).toBeLessThan(0.4);
  });

  it('gives the same rows for the same seed', () => {
    const small = { ...spec, trials: 3, lists: { ...spec.lists, 'pool-latency': [0.5] } };
    const once = runToEnd(selfishMining.run(small));
    expect(runToEnd(selfishMining.run(small))).toEqual(once);
    expect(runToEnd(selfishMining.run({ ...small, seed: 6 }))).not.toEqual(once);
  });
});

describe('selfishRow', () => {
  const run = (pool: number, tieOnPool: number): SelfishCounts => ({
    onChain: 100,
    pool,
    tieOnPool,
    tieHonest: 10,
  });

  it('averages γ over runs and takes the SE of revenue − R(α, γ) run by run', () => {
    const r = selfishRow(0.3, [run(30, 5), run(40, 9)]);
    expect(r.gamma).toBeCloseTo(0.7, 12);
    expect(r.revenue).toBeCloseTo(0.35, 12);
    const gaps = [0.3 - selfishRevenue(0.3, 0.5), 0.4 - selfishRevenue(0.3, 0.9)];
    expect(r.se).toBeCloseTo(Math.abs(gaps[0]! - gaps[1]!) / 2, 12);
  });

  it('counts a run without a tie at the pooled γ', () => {
    const r = selfishRow(0.3, [run(30, 5), { ...run(30, 0), tieHonest: 0 }]);
    expect(r.gamma).toBeCloseTo(0.5, 12);
  });
});
