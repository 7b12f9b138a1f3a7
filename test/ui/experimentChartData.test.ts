// Chart data for the Experiments panel: theory on a grid, simulated points with ± 2 SE bars that never reach
// zero on a log axis, and one retarget chart per step.
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../src/experiments/run';
import { retarget } from '../../src/experiments/retarget';
import { doubleSpendRace, staleRateFixedDelay } from '../../src/math/theory';
import type { ExperimentResult } from '../../src/experiments/types';
import { chartsFor } from '../../src/ui/experimentChartData';

describe('chartsFor', () => {
  it('stale-rate: the theory curve for the run’s miners, a point per delay with ± 2 SE, and the race chart', () => {
    const result: ExperimentResult = {
      experiment: 'stale-rate',
      rows: [
        {
          metric: 'stale',
          miners: 5,
          delayOverInterval: 0.1,
          simulated: 0.08,
          se: 0.004,
          theory: 0.079,
          deviation: 0.25,
        },
        {
          metric: 'first-found wins',
          miners: 5,
          delayOverInterval: 0.1,
          simulated: 0.9,
          se: 0.01,
          theory: 0.91,
          deviation: 1,
        },
        {
          metric: 'stale',
          miners: 5,
          delayOverInterval: 0.2,
          simulated: 0.2,
          se: 0.01,
          theory: 0.134,
          deviation: 6.6,
        },
        {
          metric: 'first-found wins',
          miners: 5,
          delayOverInterval: 0.2,
          simulated: 0.88,
          se: 0.01,
          theory: 0.89,
          deviation: 1,
        },
      ],
    };
    const [stale, races] = chartsFor(result);
    expect(stale?.lines[0]?.points[40]).toEqual({ x: 0.2, y: staleRateFixedDelay(5, 0.2) });
    expect(stale?.points[0]?.points).toEqual([
      { x: 0.1, y: 0.08, err: [0.008, 0.008] },
      { x: 0.2, y: 0.2, err: [0.02, 0.02] },
    ]);
    expect(stale?.summary).toBe('1 of 2 simulated points lie within 3 standard errors of theory.');
    expect(races?.lines[0]?.points).toEqual([
      { x: 0.1, y: 0.91 },
      { x: 0.2, y: 0.89 },
    ]);
    expect(races?.points[0]?.points.map((p) => p.y)).toEqual([0.9, 0.88]);
    expect(races?.summary).toBe('2 of 2 simulated points lie within 3 standard errors of theory.');
  });

  it('double-spend: a chart per rule on a log axis, zero-success points left out, bars cut above zero', () => {
    const row = { q: 0.1, giveUp: 5, nakamoto: null, trials: 1000 };
    const result: ExperimentResult = {
      experiment: 'double-spend',
      rows: [
        {
          ...row,
          rule: 'strictly-longer',
          z: 3,
          successRate: 0.002,
          se: 0.0015,
          theory: 0.003,
          deviation: 0.7,
        },
        { ...row, rule: 'strictly-longer', z: 4, successRate: 0, se: 0.001, theory: 0.001, deviation: 1 },
        { ...row, rule: 'catch-up', z: 3, successRate: 0.02, se: 0.004, theory: 0.0171, deviation: 0.7 },
      ],
    };
    const [strict, catchUp] = chartsFor(result);
    expect(strict?.title).toBe('Attacker success against confirmations (strictly-longer)');
    expect(strict?.logY).toBe(true);
    const [point, ...others] = strict?.points[0]?.points ?? [];
    expect(others).toEqual([]);
    expect([point?.x, point?.y]).toEqual([3, 0.002]);
    expect(point?.err[0]).toBeCloseTo(0.0018, 12); // cut to 0.9 y: a log axis never reaches 0
    expect(point?.err[1]).toBeCloseTo(0.003, 12);
    expect(strict?.lines.map((l) => l.name)).toEqual(['formula q = 0.1']);
    expect(strict?.lines[0]?.points[2]?.y).toBeCloseTo(doubleSpendRace(0.1, 3, 0, 5), 12);
    expect(catchUp?.lines.map((l) => l.name)).toEqual(['formula q = 0.1', 'Nakamoto §11 q = 0.1']);
    expect(catchUp?.lines[0]?.points[2]?.y).toBeCloseTo(doubleSpendRace(0.1, 3, 1, 5), 12);
  });

  it('retarget: one chart per step with the three rules and the ±10 % band', () => {
    // Short windows: 6 × 10 engine runs of 300 blocks.
    const params = { step: 4, stepAt: 100, after: 200, bitcoinWindow: 20, lwmaWindow: 10, asertHalfLife: 12 };
    const result = runToEnd(retarget.run({ seed: 1, trials: 10, params }));
    const charts = chartsFor(result);
    expect(charts.map((c) => c.title)).toEqual(['Hash rate ×4', 'Hash rate ÷4']);
    expect(charts[0]?.lines).toHaveLength(3);
    expect(charts[0]?.band).toEqual([0.9, 1.1]);
    expect(charts[0]?.summary).toMatch(
      /^bitcoin is back within ±10 % after \d+ blocks; lwma .*; asert .*\.$/,
    );
  });
});
