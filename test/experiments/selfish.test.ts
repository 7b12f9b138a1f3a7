// Selfish mining: the state machine books rewards as Eyal & Sirer's §4.2 does, and a small run lands within 4
// standard errors of their closed form in every row.
import { describe, expect, it } from 'vitest';
import { ALPHAS, GAMMAS, selfishMining, simulateSelfish } from '../../src/experiments/selfish';
import { checked, runSmall, scripted } from './helpers';

// Draws below α = 0.4 are the pool's finds; in a tie a second draw below γ = 0.5 sends honest miners to the pool.
const POOL = 0.1;
const HONEST = 0.9;

describe('the selfish state machine', () => {
  it('an honest block in state 0 is honest revenue', () => {
    expect(simulateSelfish(0.4, 0.5, 1, scripted([HONEST]))).toEqual({ pool: 0, honest: 1 });
  });

  it('lead 1 then an honest block is a tie; the pool wins it with its next block (+2)', () => {
    expect(simulateSelfish(0.4, 0.5, 3, scripted([POOL, HONEST, POOL]))).toEqual({ pool: 2, honest: 0 });
  });

  it('in a tie, honest miners on the pool’s branch give one block each; on their own, two honest', () => {
    expect(simulateSelfish(0.4, 0.5, 3, scripted([POOL, HONEST, HONEST, 0.2]))).toEqual({
      pool: 1,
      honest: 1,
    });
    expect(simulateSelfish(0.4, 0.5, 3, scripted([POOL, HONEST, HONEST, 0.7]))).toEqual({
      pool: 0,
      honest: 2,
    });
  });

  it('lead 2 then an honest block: the pool publishes both and orphans it', () => {
    expect(simulateSelfish(0.4, 0, 3, scripted([POOL, POOL, HONEST]))).toEqual({ pool: 2, honest: 0 });
  });

  it('a lead above 2 releases one block per honest block', () => {
    const r = simulateSelfish(0.4, 0, 5, scripted([POOL, POOL, POOL, HONEST, HONEST]));
    // Lead 3 → 2 (+1), then lead 2 → publish both (+2).
    expect(r).toEqual({ pool: 3, honest: 0 });
  });
});

describe('selfish-mining experiment (small)', () => {
  const result = runSmall(selfishMining, 12, { blocks: 20_000 }, 7);

  it('has one row per α and γ, within 4 standard errors of the closed form', () => {
    expect(result.rows).toHaveLength(ALPHAS.length * GAMMAS.length);
    for (const c of checked(result)) expect(Math.abs(c.simulated - c.theory)).toBeLessThan(4 * c.se);
  });

  it('finds selfish mining unprofitable well below the threshold and profitable well above it', () => {
    const row = (a: number, g: number) => result.rows.find((r) => r.alpha === a && r.gamma === g);
    expect(row(0.2, 0)?.profitable).toBe('no');
    expect(row(0.45, 0)?.profitable).toBe('yes');
    expect(row(0.1, 1)?.profitable).toBe('yes');
    expect(row(0.3, 0.5)?.profitable).toBe('yes');
  });

  it('gives the same rows for the same seed', () => {
    expect(runSmall(selfishMining, 12, { blocks: 20_000 }, 7)).toEqual(result);
    expect(runSmall(selfishMining, 12, { blocks: 20_000 }, 8)).not.toEqual(result);
  });
});
