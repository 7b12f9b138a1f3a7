// Mutation tests: a bug planted in the real engine (through the one function that owns the rule) must make an
// experiment's --check fail, and the same small run without the bug must pass. They show the experiments test the
// engine, not only the formulas beside it.
import { afterEach, describe, expect, it, vi } from 'vitest';
vi.setConfig({ testTimeout: 30_000 });
import { checkRows } from '../../src/experiments/check';
import { doubleSpend } from '../../src/experiments/doubleSpend';
import { runToEnd } from '../../src/experiments/run';
import { selfishMining } from '../../src/experiments/selfish';
import { staleRate } from '../../src/experiments/staleRate';
import type { Experiment, ExperimentSpec } from '../../src/experiments/types';

const planted = vi.hoisted(() => ({ bug: 'none' as 'none' | 'two-longer' | 'tie-to-latest' | 'slow-links' }));

vi.mock('../../src/core/forkRule', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/forkRule')>();
  return {
    beats: (candidate: number, best: number) =>
      planted.bug === 'two-longer'
        ? candidate >= best + 2 // adopt only a chain two blocks longer
        : planted.bug === 'tie-to-latest'
          ? candidate >= best // an equal chain replaces ours: the latest seen wins a tie
          : real.beats(candidate, best),
  };
});

vi.mock('../../src/sim/linkLatency', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/sim/linkLatency')>();
  return {
    linkLatency: (...args: Parameters<typeof real.linkLatency>) =>
      real.linkLatency(...args) * (planted.bug === 'slow-links' ? 1.5 : 1),
  };
});

afterEach(() => {
  planted.bug = 'none';
});

/** Whether --check passes on this run, with each row's deviation for the failure message. */
function check(exp: Experiment, spec: ExperimentSpec) {
  const rows = checkRows(exp, runToEnd(exp.run(spec)));
  return { ok: rows.length > 0 && rows.every((r) => r.ok), deviations: rows.map((r) => r.deviation) };
}

// One well-connected pool at α = 0.3: ties are frequent, so fork choice is exercised every few blocks.
const selfishSpec: ExperimentSpec = {
  seed: 3,
  trials: 16,
  params: { honest: 5, blocks: 600, interval: 600, 'honest-latency': 2 },
  lists: { alpha: [0.3], 'pool-latency': [0.5] },
};

// The tutorial's strictly-longer race at q = 0.3, z = 2 (formula 0.233; the catch-up race would be 0.432).
const doubleSpendSpec: ExperimentSpec = {
  seed: 3,
  trials: 300,
  params: { honest: 3, interval: 600, latency: 0 },
  lists: { q: [0.3], z: [2] },
};

const staleSpec: ExperimentSpec = {
  seed: 3,
  trials: 8,
  params: { miners: 10, blocks: 1000 },
  lists: { delay: [0.1, 0.2] },
};

describe('adopt only if two blocks longer', () => {
  it('selfish-mining passes its check on the real rule', () => {
    expect(check(selfishMining, selfishSpec).ok).toBe(true);
  });

  it('fails it with the planted rule', () => {
    planted.bug = 'two-longer';
    const c = check(selfishMining, selfishSpec);
    expect(c.ok, `deviations ${c.deviations.join(', ')}`).toBe(false);
  });
});

describe('a changed tie-break (the latest equal chain wins)', () => {
  it('double-spend passes its check on the real rule', () => {
    expect(check(doubleSpend, doubleSpendSpec).ok).toBe(true);
  });

  it('fails it with the planted rule', () => {
    planted.bug = 'tie-to-latest';
    const c = check(doubleSpend, doubleSpendSpec);
    expect(c.ok, `deviations ${c.deviations.join(', ')}`).toBe(false);
  });
});

describe('latency × 1.5 on every link', () => {
  const SLOW = 60_000;

  it(
    'stale-rate passes its check on the real bus',
    () => {
      expect(check(staleRate, staleSpec).ok).toBe(true);
    },
    SLOW,
  );

  it(
    'fails it with the planted delay',
    () => {
      planted.bug = 'slow-links';
      const c = check(staleRate, staleSpec);
      expect(c.ok, `deviations ${c.deviations.join(', ')}`).toBe(false);
    },
    SLOW,
  );
});
