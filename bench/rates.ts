// Rates from cumulative attempt counts. The bench machine is shared (other jobs come and go on its 2 cores),
// so a 3-second run is cut into 1-second windows and both the best and the median window are reported: the
// best window is the closest to what the code does on an idle machine.

/** A cumulative count of attempts at a time in ms. */
export interface Sample {
  readonly at: number;
  readonly attempts: number;
}

function attemptsAt(series: readonly Sample[], t: number): number {
  for (let i = 1; i < series.length; i++) {
    const a = series[i - 1]!;
    const b = series[i]!;
    if (t <= b.at) return a.attempts + ((b.attempts - a.attempts) * (t - a.at)) / (b.at - a.at);
  }
  return series.at(-1)!.attempts;
}

/** Attempts per second of all series together, over every `windowMs` window that all series cover. */
export function windowRates(series: readonly (readonly Sample[])[], windowMs = 1000, stepMs = 50): number[] {
  if (series.some((s) => s.length < 2)) throw new Error('each series needs at least two samples');
  const from = Math.max(...series.map((s) => s[0]!.at));
  const to = Math.min(...series.map((s) => s.at(-1)!.at));
  const total = (t: number) => series.reduce((sum, s) => sum + attemptsAt(s, t), 0);
  const rates: number[] = [];
  for (let t = from; t + windowMs <= to; t += stepMs)
    rates.push(((total(t + windowMs) - total(t)) * 1000) / windowMs);
  if (rates.length === 0) throw new Error(`the series overlap less than ${windowMs} ms`);
  return rates;
}

export function summary(rates: readonly number[]): { best: number; median: number } {
  const sorted = [...rates].sort((a, b) => a - b);
  return { best: sorted.at(-1)!, median: sorted[Math.floor(sorted.length / 2)]! };
}
