// Small statistics for Monte Carlo estimates, and seeded streams that do not depend on how work is sliced.
import { createRng, type Rng } from './rng';

export interface Estimate {
  readonly mean: number;
  /** Standard error of the mean (sample standard deviation / √n). */
  readonly se: number;
}

/** Mean and standard error of independent trials. */
export function estimate(values: readonly number[]): Estimate {
  const n = values.length;
  if (n === 0) return { mean: NaN, se: NaN };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (n === 1) return { mean, se: NaN };
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return { mean, se: Math.sqrt(ss / (n - 1) / n) };
}

/**
 * A proportion from `successes` out of `n` Bernoulli trials. The standard error uses (successes + ½) / (n + 1)
 * so that a rare event never seen still gets a positive error (the plain √(p̂(1−p̂)/n) would claim 0 ± 0).
 */
export function proportion(successes: number, n: number): Estimate {
  const p = (successes + 0.5) / (n + 1);
  return { mean: successes / n, se: Math.sqrt((p * (1 - p)) / n) };
}

/** How many standard errors `simulated` lies from `theory` (0 when both agree exactly). */
export function deviationInSe(simulated: number, theory: number, se: number): number {
  const d = Math.abs(simulated - theory);
  return d === 0 ? 0 : d / se;
}

/** murmur3's finaliser: spreads every input bit over the 32-bit output. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The random stream of one trial of one row: a function of (seed, row, trial) only, so the result is the same
 * however the work is sliced (CLI, worker, test) and a row can be re-run alone.
 */
export function trialRng(seed: number, row: number, trial: number): Rng {
  let h = mix32(seed >>> 0);
  h = mix32(h ^ Math.imul(row + 1, 0x9e3779b1));
  h = mix32(h ^ Math.imul(trial + 1, 0x85ebca77));
  return createRng(h);
}

/** Round to `digits` significant digits (for tables; results keep full precision). */
export function significant(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e6) return String(Number(x.toPrecision(digits)));
  return x.toExponential(digits - 1);
}
