// Chart data for the Experiments panel: theory on a grid, simulated points with ± 2 SE bars that never reach
// zero on a log axis, and one retarget chart per step.
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../src/experiments/run';
import { retarget } from '../../src/experiments/retarget';
import { rosenfeldSuccess, staleRateFixedDelay } from '../../src/math/theory';
import type { ExperimentResult } from '../../src/experiments/types';
import { chartsFor } from '../../src/ui/experimentChartData';

describe('chartsFor', () => {
  it('stale-rate: the theory curve for the run’s miners and a point per delay with ± 2 SE', () => {
    const result: ExperimentResult = {
      experiment: 'stale-rate',
      rows: [
        { miners: 5, delayOverInterval: 0.1, simulated: 0.08, se: 0.004, theory: 0.079, deviation: 0.25 },
        { miners: 5, delayOverInterval: 0.2, simulated: 0.2, se: 0.01, theory: 0.134, deviation: 6.6 },
      ],
    };
    const [chart] = chartsFor(result);
    expect(chart?.lines[0]?.points[40]).toEqual({ x: 0.2, y: staleRateFixedDelay(5, 0.2) });
    expect(chart?.points[0]?.points).toEqual([
      { x: 0.1, y: 0.08, err: [0.008, 0.008] },
      { x: 0.2, y: 0.2, err: [0.02, 0.02] },
    ]);
    expect(chart?.summary).toBe('1 of 2 simulated points lie within 3 standard errors of theory.');
  });

  it('double-spend: a log axis, zero-success points left out, bars cut above zero', () => {
    const result: ExperimentResult = {
      experiment: 'double-spend',
      rows: [
        { q: 0.1, z: 9, simulated: 0.00002, se: 0.00002, theory: 0.0000229, deviation: 0.1, nakamoto: 0 },
        { q: 0.1, z: 10, simulated: 0, se: 0.0000007, theory: 0.0000079, deviation: 1.1, nakamoto: 0 },
      ],
    };
    const [chart] = chartsFor(result);
    expect(chart?.logY).toBe(true);
    expect(chart?.points[0]?.points).toEqual([{ x: 9, y: 0.00002, err: [0.000018, 0.00004] }]);
    expect(chart?.lines.map((l) => l.name)).toEqual(['Rosenfeld q = 0.1', 'Nakamoto §11 q = 0.1']);
    expect(chart?.lines[0]?.points[3]?.y).toBeCloseTo(rosenfeldSuccess(0.1, 3), 12);
  });

  it('retarget: one chart per step with the three rules and the ±10 % band', () => {
    const result = runToEnd(retarget.run({ seed: 1, trials: 50, params: { step: 4 } }));
    const charts = chartsFor(result);
    expect(charts.map((c) => c.title)).toEqual(['Hash rate ×4', 'Hash rate ÷4']);
    expect(charts[0]?.lines).toHaveLength(3);
    expect(charts[0]?.band).toEqual([0.9, 1.1]);
    expect(charts[0]?.summary).toMatch(/^bitcoin is back within ±10 % after 2016 blocks; lwma/);
  });
});
