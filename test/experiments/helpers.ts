// A scripted Rng for state-machine tests, and a small runner for experiments at test sizes.
import type { Rng } from '../../src/math/rng';
import { runToEnd } from '../../src/experiments/run';
import type { Experiment, ExperimentResult } from '../../src/experiments/types';

/** next() returns `values` in order, then throws: a test that draws more than it scripted is wrong. */
export function scripted(values: readonly number[]): Rng {
  let i = 0;
  const next = () => {
    if (i >= values.length) throw new Error(`the script has only ${values.length} draws`);
    return values[i++] as number;
  };
  const rng: Rng = {
    next,
    int: (n) => Math.floor(next() * n),
    exponential: (rate) => -Math.log(1 - next()) / rate,
    fork: () => rng,
  };
  return rng;
}

export function runSmall(
  exp: Experiment,
  trials: number,
  params: Record<string, number> = {},
  seed = 1,
): ExperimentResult {
  return runToEnd(exp.run({ seed, trials, params }));
}

/** Rows with a theory, as (simulated, theory, se) triples. */
export function checked(result: ExperimentResult) {
  return result.rows
    .filter((r) => typeof r.theory === 'number' && typeof r.se === 'number')
    .map((r) => ({
      row: r,
      simulated: r.simulated as number,
      theory: r.theory as number,
      se: r.se as number,
    }));
}
