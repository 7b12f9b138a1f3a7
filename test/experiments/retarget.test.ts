// The settings preview's retarget rules on hand-made histories, and a small run of the experiment on the engine's
// own chains: Bitcoin is off for exactly one period, ASERT follows its exponential response, LWMA reacts fastest.
import { describe, expect, it } from 'vitest';
import { checkRows } from '../../src/experiments/check';
import { retarget } from '../../src/experiments/retarget';
import { DEFAULT_RETARGET, nextWork } from '../../src/experiments/retargetRules';
import { settleBlocks } from '../../src/math/retargetTheory';
import { runSmall } from './helpers';

const S = { ...DEFAULT_RETARGET, bitcoinWindow: 4, lwmaWindow: 3, asertHalfLife: 2 };
/** Block i found at i × interval, every block at difficulty 1. */
const steady = (blocks: number, interval: number) => ({
  times: Array.from({ length: blocks }, (_, i) => i * interval),
  work: Array.from({ length: blocks }, () => 1),
});

describe('retarget rules', () => {
  it('Bitcoin keeps the difficulty inside a period and rescales at its end (over 3 of 4 intervals)', () => {
    const h = steady(8, 0.5);
    expect(nextWork('bitcoin', h.times, h.work, 7, S)).toBe(1);
    // Timespan = times[7] − times[4] = 1.5 against a target of 4: ×8/3.
    expect(nextWork('bitcoin', h.times, h.work, 8, S)).toBeCloseTo(4 / 1.5, 12);
    // Clamped to ×4 however fast the period was.
    const fast = steady(8, 0.01);
    expect(nextWork('bitcoin', fast.times, fast.work, 8, S)).toBe(4);
  });

  it('LWMA-1 keeps 0.99 of the work on target, its first solvetime starting T early, and weights the latest most', () => {
    const h = steady(10, 1);
    // Solvetimes 2, 1, 1 weighted 1, 2, 3: Σ = 7 against 6, × 0.99.
    expect(nextWork('lwma', h.times, h.work, 10, S)).toBeCloseTo((0.99 * 6) / 7, 12);
    const late = { times: [...h.times.slice(0, 9), 9 + 2], work: h.work }; // the last block took 3
    // Σ = 2 + 2 + 3·3 = 13.
    expect(nextWork('lwma', late.times, late.work, 10, S)).toBeCloseTo((0.99 * 6) / 13, 12);
  });

  it('ASERT halves the difficulty for every half-life behind schedule', () => {
    const h = steady(5, 1);
    expect(nextWork('asert', h.times, h.work, 5, S)).toBe(1);
    const behind = { times: [0, 1, 2, 3, 4 + 2], work: h.work }; // two target intervals = one half-life late
    expect(nextWork('asert', behind.times, behind.work, 5, S)).toBeCloseTo(0.5, 12);
  });

  it('settle counts the blocks before the curve stays inside ±10 %', () => {
    expect(settleBlocks([0.25, 0.5, 0.95, 1.2, 1.05, 0.98], 0.1)).toBe(4);
    expect(settleBlocks([1, 1], 0.1)).toBe(0);
  });
});

/** Small enough for a test (6 × 10 runs of 4 100 blocks), with Bitcoin’s real window (retargetMutation.test.ts too). */
const SMALL = { stepAt: 2000, after: 2100, bitcoinWindow: 2016, lwmaWindow: 60, asertHalfLife: 100 };

describe('retarget experiment (small, on the engine)', () => {
  const result = runSmall(retarget, 10, SMALL, 5);
  const row = (rule: string, step: string, figure: string) =>
    result.rows.find((r) => r.rule === rule && r.step === step && r.figure === figure)!;
  const curve = (rule: string, step: string) =>
    result.curves!.find((c) => c.name.toLowerCase().startsWith(rule) && c.group === step)!;
  /** Blocks after the step until the mean curve first comes within ±10 % of the target. */
  const firstInBand = (rule: string, step: string) =>
    curve(rule, step).points.find((p) => Math.abs(p.y - 1) <= 0.1)?.x ?? Infinity;

  it('passes its own check: the mean interval before the step and the settle times match theory', () => {
    const checks = checkRows(retarget, result);
    expect(checks.map((c) => c.label)).toHaveLength(8);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('Bitcoin is off target until the first full period after the step ends, at ¼ or 4 × T', () => {
    for (const step of ['×4', '÷4']) expect(row('bitcoin', step, 'settle').simulated).toBe(2031);
    expect((row('bitcoin', '×4', 'settle').timeOff as number) / 2031).toBeCloseTo(0.25, 2);
    const slow = (row('bitcoin', '÷4', 'settle').timeOff as number) / 2031;
    expect(slow).toBeGreaterThan(3.8);
    expect(slow).toBeLessThan(4.05);
  });

  it('LWMA is back near the target within a few windows, ASERT within its half-lives, Bitcoin last', () => {
    for (const step of ['×4', '÷4']) {
      expect(firstInBand('lwma', step)).toBeLessThan(200);
      expect(firstInBand('asert', step)).toBeGreaterThan(firstInBand('lwma', step));
      expect(firstInBand('bitcoin', step)).toBeGreaterThan(2000);
    }
  });

  it('returns one mean curve per rule and step, starting at ¼ or 4 × T', () => {
    expect(result.curves).toHaveLength(6);
    expect(curve('bitcoin', '×4').points[0]?.y).toBeCloseTo(0.25, 2);
    expect(curve('bitcoin', '÷4').points[0]?.y).toBeCloseTo(4, 1);
  });
});
