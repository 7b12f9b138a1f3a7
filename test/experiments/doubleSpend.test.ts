// Double spend on the engine: an attacker node races a private branch against a merchant's confirmations, and
// the honest nodes' own fork choice decides. Without latency the success rate is the formula's for the rule the
// engine runs; with honest latency of half an interval the attacker does measurably better.
import { describe, expect, it, vi } from 'vitest';
import { checkRows } from '../../src/experiments/check';
import { doubleSpend, giveUpFor, raceRun } from '../../src/experiments/doubleSpend';
import { runToEnd } from '../../src/experiments/run';
import { doubleSpendRace, rosenfeldSuccess } from '../../src/math/theory';

vi.setConfig({ testTimeout: 30_000 });

describe('the race the engine runs, as a formula', () => {
  it('gives the issue’s figures: strictly longer 0.000329, catch-up (Rosenfeld) 0.001782 at q = 0.1, z = 5', () => {
    expect(doubleSpendRace(0.1, 5, 0)).toBeCloseTo(0.000329, 6);
    expect(doubleSpendRace(0.1, 5, 1)).toBeCloseTo(0.001782, 6);
    for (const z of [1, 2, 6]) expect(doubleSpendRace(0.3, z, 1)).toBeCloseTo(rosenfeldSuccess(0.3, z), 12);
  });

  it('counts the attacker’s giving up: a barrier only lowers the chance, by at most (q/p)^k', () => {
    expect(giveUpFor(0.1)).toBe(5); // (1/9)^5 < 1e-4
    expect(giveUpFor(0.3)).toBe(11);
    const free = doubleSpendRace(0.3, 3, 0);
    const barred = doubleSpendRace(0.3, 3, 0, giveUpFor(0.3));
    expect(barred).toBeLessThan(free);
    expect(free - barred).toBeLessThan(1e-3);
  });
});

describe('double-spend experiment (small, on the engine)', () => {
  const spec = {
    seed: 4,
    trials: 300,
    params: { honest: 3, interval: 600, latency: 0 },
    lists: { q: [0.3], z: [2] },
  };

  it('has a row per rule, each within 3 SE of its formula, catch-up visibly above strictly-longer', () => {
    const result = runToEnd(doubleSpend.run(spec));
    expect(result.rows.map((r) => r.rule)).toEqual(['strictly-longer', 'catch-up']);
    for (const c of checkRows(doubleSpend, result)) expect(c.ok).toBe(true);
    const [strict, catchUp] = result.rows;
    expect((catchUp?.successRate as number) - (strict?.successRate as number)).toBeGreaterThan(0.1);
  });

  it('with honest latency of half the interval the attacker does measurably better', () => {
    const run = (latency: number) => {
      const g = raceRun({
        q: 0.3,
        z: 2,
        rule: 'strictly-longer',
        attacks: 300,
        honest: 3,
        interval: 600,
        latency,
        seed: 9,
      });
      let s = g.next();
      while (!s.done) s = g.next();
      return s.value / 300;
    };
    const still = run(0);
    const slow = run(300);
    const se = Math.sqrt((still * (1 - still) + slow * (1 - slow)) / 300);
    expect(slow - still).toBeGreaterThan(3 * se);
  });
});
