// What the retarget rules should do, for the retarget experiment to be checked against (docs/architecture.md
// "Retargeting"). Times are in units of the target interval T; the hash rate is 1 before the step and k after it,
// so a block's expected interval is its work over the hash rate, and the chain starts on target (work 1).
//
// One detail of the engine is kept: a header block's timestamp is fixed when its job starts, which is when the
// block before it arrived (src/sim/mining.ts), so the block at height h is stamped with the time block h − 1 was
// found, and genesis and block 1 both carry time 0. The rules therefore see every solvetime one block late.

/** Timestamp of the block at height h when block i was found at found[i] (found[0] = 0). */
const stampOf = (found: ArrayLike<number>, h: number) => (h <= 1 ? 0 : (found[h - 1] as number));

/** Blocks after the step until the curve enters ±band of 1 and stays there (the curve's length if never). */
export function settleBlocks(curve: ArrayLike<number>, band: number): number {
  let i = curve.length;
  while (i > 0 && Math.abs((curve[i - 1] as number) - 1) <= band) i--;
  return i;
}

/**
 * Bitcoin's rule (window N, timespan clamped to [¼, 4], N − 1 intervals timed) in the mean-field limit: every
 * solvetime equal to its expectation. The hash rate becomes k after block `stepAt`; returns the expected interval
 * of each of the `after` blocks that follow. Periods are short of noise only by Jensen's inequality
 * (E[1/Gamma(N − 1)] against 1/(N − 1)), far below the ±10 % band for any window of 20 blocks or more, so
 * the block where the mean curve enters the band is this curve's.
 */
export function bitcoinMeanField(k: number, period: number, stepAt: number, after: number): Float64Array {
  const top = stepAt + after;
  const found = new Float64Array(top + 1);
  const curve = new Float64Array(after);
  let work = 1;
  for (let h = 1; h <= top; h++) {
    if (h % period === 0) {
      const span = period;
      const actual = Math.min(
        4 * span,
        Math.max(span / 4, stampOf(found, h - 1) - stampOf(found, h - period)),
      );
      work *= span / actual;
    }
    const interval = work / (h > stepAt ? k : 1);
    found[h] = (found[h - 1] as number) + interval;
    if (h > stepAt) curve[h - stepAt - 1] = interval;
  }
  return curve;
}

/**
 * Bitcoin's mean interval over blocks 1 … n from the start on target, exactly: the first period (blocks 1 … N − 1)
 * at T; each retarget sets the expected interval to N·T / G with G the timed span in units of the previous
 * interval, a Gamma variable of N − 2 intervals at the first retarget (genesis and block 1 share time 0) and N − 1
 * afterwards, so E = N / (N − 3) for the second period and N / (N − 2) from the third on (the ×4 clamp is out of
 * reach for N ≥ 20).
 */
export function bitcoinMeanInterval(period: number, n: number): number {
  const N = period;
  let sum = 0;
  for (let h = 1; h <= n; h++) sum += h < N ? 1 : h < 2 * N ? N / (N - 3) : N / (N - 2);
  return sum / n;
}

/**
 * aserti3-2d anchored at genesis in the mean-field limit: block h's expected interval is
 * 2^(−(stamp(h − 1) − (h − 1)) / halfLife) before the step (half-life in blocks of T). Block 1 is stamped at 0, one
 * interval early, so the schedule holds block n back until about (n + 1)·T; returns the mean interval over blocks
 * 1 … n. Noise lowers the stationary delay by σ² ln 2 / (2·halfLife) ≈ T/4 for every half-life (the delay's
 * variance is about halfLife / (2 ln 2) T²), a bias of T / (4n) that the experiment's blocks keep well inside one
 * standard error.
 */
export function asertMeanInterval(halfLife: number, n: number): number {
  const found = new Float64Array(n + 1);
  for (let h = 1; h <= n; h++) {
    const ahead = stampOf(found, h - 1) - (h - 1);
    found[h] = (found[h - 1] as number) + 2 ** (-ahead / halfLife);
  }
  return (found[n] as number) / n;
}
