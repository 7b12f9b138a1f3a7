// The three retarget rules on hand-made histories, and a small run of the experiment: Bitcoin is off for exactly
// one period, ASERT follows its exponential response, LWMA reacts fastest but wobbles most.
import { describe, expect, it } from 'vitest';
import { retarget, settleBlocks } from '../../src/experiments/retarget';
import { DEFAULT_RETARGET, nextWork } from '../../src/experiments/retargetRules';
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

  it('LWMA leaves an on-target difficulty alone and weights the latest solvetime most', () => {
    const h = steady(10, 1);
    expect(nextWork('lwma', h.times, h.work, 10, S)).toBeCloseTo(1, 12);
    const late = { times: [...h.times.slice(0, 9), 9 + 2], work: h.work }; // the last block took 3
    // Σ i·t_i = 1 + 2 + 3·3 = 12 against 6: half the difficulty.
    expect(nextWork('lwma', late.times, late.work, 10, S)).toBeCloseTo(0.5, 12);
  });

  it('ASERT halves the difficulty for every half-life behind schedule', () => {
    const h = steady(5, 1);
    expect(nextWork('asert', h.times, h.work, 5, S)).toBe(1);
    const behind = { times: [0, 1, 2, 3, 4 + 2], work: h.work }; // two target intervals = one half-life late
    expect(nextWork('asert', behind.times, behind.work, 5, S)).toBeCloseTo(0.5, 12);
  });

  it('settle counts the blocks before the curve stays inside ±10 %', () => {
    expect(settleBlocks([0.25, 0.5, 0.95, 1.2, 1.05, 0.98])).toBe(4);
    expect(settleBlocks([1, 1])).toBe(0);
  });
});

describe('retarget experiment (small)', () => {
  const result = runSmall(retarget, 50, {}, 5);
  const row = (rule: string, step: string) => result.rows.find((r) => r.rule === rule && r.step === step)!;

  it('Bitcoin is off target for one whole period either way; ÷4 costs four periods of time', () => {
    expect(row('bitcoin', '×4').simulated).toBe(2016);
    expect(row('bitcoin', '÷4').simulated).toBe(2016);
    // 2016 blocks at ¼ or 4 × the target time; each run's difficulty before the step is off by ~2 % (one period).
    expect(Math.abs((row('bitcoin', '×4').timeOff as number) / 504 - 1)).toBeLessThan(0.02);
    expect(Math.abs((row('bitcoin', '÷4').timeOff as number) / 8064 - 1)).toBeLessThan(0.02);
  });

  it('ASERT settles within 5 % of its exponential response', () => {
    for (const step of ['×4', '÷4']) {
      const r = row('asert', step);
      expect(Math.abs((r.simulated as number) / (r.theory as number) - 1)).toBeLessThan(0.05);
    }
  });

  it('LWMA settles in a few windows but has the largest steady-state wobble', () => {
    for (const step of ['×4', '÷4']) {
      expect(row('lwma', step).simulated as number).toBeLessThan(300);
      expect(row('lwma', step).rmsError as number).toBeGreaterThan(
        2 * (row('asert', step).rmsError as number),
      );
    }
  });

  it('returns one mean curve per rule and step for the chart', () => {
    expect(result.curves?.map((c) => `${c.group} ${c.name}`)).toHaveLength(6);
    expect(result.curves?.[0]?.points[0]?.y).toBeCloseTo(0.25, 2);
  });
});
