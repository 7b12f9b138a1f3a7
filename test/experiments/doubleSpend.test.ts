// Double spend: the race is decided the way the whitepaper and Rosenfeld count it, and a small run agrees with
// Rosenfeld's exact formula while the whitepaper's Poisson figure is visibly too low at q = 0.3.
import { describe, expect, it } from 'vitest';
import { attackSucceeds, doubleSpend, giveUpDeficit, MAX_Z, QS } from '../../src/experiments/doubleSpend';
import { checked, runSmall, scripted } from './helpers';

const A = 0.05; // the attacker's block (q = 0.3)
const H = 0.95; // an honest block

describe('one attack', () => {
  it('wins when its branch is as long as the honest one once the merchant has z confirmations', () => {
    expect(attackSucceeds(0.3, 2, scripted([A, H, A, H]))).toBe(true);
  });

  it('keeps racing from behind, and wins on catching up', () => {
    expect(attackSucceeds(0.3, 2, scripted([H, H, A, A]))).toBe(true);
  });

  it('gives up once it is too far behind to matter', () => {
    expect(giveUpDeficit(0.3)).toBe(33); // (3/7)^33 < 1e-12
    expect(attackSucceeds(0.3, 1, scripted([H, H, H]), 3)).toBe(false);
  });

  it('with no confirmations always wins', () => {
    expect(attackSucceeds(0.1, 0, scripted([]))).toBe(true);
  });
});

describe('double-spend experiment (small)', () => {
  const result = runSmall(doubleSpend, 20_000, {}, 3);

  it('has a row per q and z, each within 4 standard errors of Rosenfeld', () => {
    expect(result.rows).toHaveLength(QS.length * (MAX_Z + 1));
    for (const c of checked(result)) expect(Math.abs(c.simulated - c.theory)).toBeLessThan(4 * c.se);
  });

  it('shows the whitepaper’s figure too optimistic for the merchant at q = 0.3, z ≥ 6', () => {
    for (const r of result.rows.filter((r) => r.q === 0.3 && (r.z as number) >= 6)) {
      expect((r.simulated as number) - (r.nakamoto as number)).toBeGreaterThan(5 * (r.se as number));
    }
  });
});
