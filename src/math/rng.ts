// Seeded randomness (sfc32): the simulation's only source of chance, so the same seed gives the same run.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Exponentially distributed with the given rate (mean 1/rate). */
  exponential(rate: number): number;
  /** A new independent stream derived from this one (e.g. one per node). */
  fork(): Rng;
}

function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export function createRng(seed: number): Rng {
  const next = sfc32(0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0);
  for (let i = 0; i < 15; i++) next(); // mix the seed in before use
  const rng: Rng = {
    next,
    int: (n) => Math.floor(next() * n),
    exponential: (rate) => -Math.log(1 - next()) / rate,
    fork: () => createRng(Math.floor(next() * 4294967296)),
  };
  return rng;
}
