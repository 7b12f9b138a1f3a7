// A planted engine bug the retarget experiment must catch (issue: "tests plant engine bugs and show the
// experiments catch them"): event-mode miners that find blocks 10 % faster than their hash rate and target say.
// The experiment reads everything from the engine's chains, so its --check must fail; the unplanted run with the
// same settings and seed passes (retarget.test.ts).
import { describe, expect, it, vi } from 'vitest';
import { checkRows } from '../../src/experiments/check';
import { retarget } from '../../src/experiments/retarget';
import { runSmall } from './helpers';

vi.mock('../../src/sim/eventMiner', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/sim/eventMiner')>();
  return {
    ...real,
    waitingTime: (...[rng, hashRate, pow]: Parameters<typeof real.waitingTime>) =>
      real.waitingTime(rng, hashRate * 1.1, pow),
  };
});

/** The same settings and seed as retarget.test.ts's small run, which passes its check. */
const SMALL = { stepAt: 2000, after: 2100, bitcoinWindow: 2016, lwmaWindow: 60, asertHalfLife: 100 };

describe('retarget experiment with a miner 10 % too fast', () => {
  const result = runSmall(retarget, 10, SMALL, 5);
  const checks = checkRows(retarget, result);

  it('fails --check', () => {
    expect(checks.some((c) => !c.ok)).toBe(true);
  });

  it('flags the mean interval before the step: shorter than theory for every checked rule', () => {
    const before = checks.filter((c) => c.label.includes('before'));
    expect(before).toHaveLength(4);
    for (const c of before) {
      expect(c.ok).toBe(false);
      expect(c.value).toBeLessThan(c.theory);
    }
    const bitcoin = result.rows.find((r) => r.rule === 'bitcoin' && r.figure === 'before')!;
    // The whole stretch before the step lies inside Bitcoin's first period: no retarget has corrected it yet.
    expect(bitcoin.simulated as number).toBeCloseTo(1 / 1.1, 2);
  });
});
