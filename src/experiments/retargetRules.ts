// Difficulty adjustment rules as pure functions of a chain's history: block i was found at times[i] with
// difficulty work[i] (expected attempts). Block 0 is the anchor (genesis): its time is the start and its work the
// starting difficulty. Shared by the retarget experiment and the settings panel's live preview.

export type RetargetRule = 'bitcoin' | 'lwma' | 'asert';

export const RETARGET_RULES: readonly RetargetRule[] = ['bitcoin', 'lwma', 'asert'];

export interface RetargetSettings {
  /** Target time between blocks. */
  readonly target: number;
  /** Bitcoin: blocks per difficulty period (2016). */
  readonly bitcoinWindow: number;
  /** LWMA: solvetimes averaged (zawy12 recommends 45–90; 60 here). */
  readonly lwmaWindow: number;
  /** ASERT: half-life in blocks (aserti3-2d: 2 days of 10-minute blocks = 288). */
  readonly asertHalfLife: number;
}

export const DEFAULT_RETARGET: RetargetSettings = {
  target: 1,
  bitcoinWindow: 2016,
  lwmaWindow: 60,
  asertHalfLife: 288,
};

export function ruleLabel(rule: RetargetRule, s: RetargetSettings): string {
  switch (rule) {
    case 'bitcoin':
      return `Bitcoin (${s.bitcoinWindow}-block window)`;
    case 'lwma':
      return `LWMA (${s.lwmaWindow} blocks)`;
    case 'asert':
      return `ASERT (half-life ${s.asertHalfLife} blocks)`;
  }
}

/** Difficulty (expected attempts) of block `n`, given blocks 0 … n − 1. */
export function nextWork(
  rule: RetargetRule,
  times: ArrayLike<number>,
  work: ArrayLike<number>,
  n: number,
  s: RetargetSettings,
): number {
  const last = work[n - 1] as number;
  const T = s.target;
  switch (rule) {
    case 'bitcoin': {
      // Bitcoin Core pow.cpp: retarget every 2016 blocks from the first and last timestamps of the period —
      // 2015 intervals, the known off-by-one — with the measured timespan clamped to [¼, 4] × the target span.
      const N = s.bitcoinWindow;
      if (n % N !== 0) return last;
      const span = N * T;
      const actual = Math.min(
        4 * span,
        Math.max(span / 4, (times[n - 1] as number) - (times[n - N] as number)),
      );
      return (last * span) / actual;
    }
    case 'lwma': {
      // zawy12's LWMA-1 as in its canonical code (difficulty-algorithms issue #3, the engine's
      // src/core/retarget.ts): next = mean difficulty × T × N(N+1)/2 / Σ i·solvetime_i × 0.99, the first solvetime
      // from timestamps[0] − T, an out-of-order one counted as 1 µs, each capped at 6T, the sum floored at N²T/20.
      const N = Math.min(s.lwmaWindow, n - 1);
      if (N < 1) return last;
      let weighted = 0;
      let sumWork = 0;
      let previous = (times[n - N - 1] as number) - T;
      for (let i = 1; i <= N; i++) {
        const b = n - N - 1 + i;
        const t = times[b] as number;
        const now = t > previous ? t : previous + 1e-6;
        weighted += i * Math.min(6 * T, now - previous);
        previous = now;
        sumWork += work[b] as number;
      }
      const k = (N * (N + 1)) / 2;
      return ((sumWork / N) * T * k * 0.99) / Math.max(weighted, (N * N * T) / 20);
    }
    case 'asert': {
      // aserti3-2d (Bitcoin Cash, Nov 2020): anchor difficulty × 2^(−(time since anchor − T·blocks since)/τ).
      const ahead = (times[n - 1] as number) - (times[0] as number) - T * (n - 1);
      return (work[0] as number) * 2 ** (-ahead / (s.asertHalfLife * T));
    }
  }
}
