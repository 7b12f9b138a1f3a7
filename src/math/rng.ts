// Seeded randomness (sfc32): the simulation's only source of chance, so the same seed gives the same run.
// A stream's whole state is four 32-bit words, so a simulation's world can hold it as plain data and a snapshot
// of the world carries on with exactly the same draws.

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

export type RngState = readonly [number, number, number, number];

/** A stream that can hand back its state after drawing (the engine's cursor over a world's stream). */
export interface RngCursor extends Rng {
  state(): RngState;
}

// A class, not closures: the engine opens a cursor on a world's stream in every step that draws.
class Sfc32 implements RngCursor {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(s: RngState) {
    [this.a, this.b, this.c, this.d] = s;
  }

  next(): number {
    const a = this.a | 0;
    const b = this.b | 0;
    let c = this.c | 0;
    const d = this.d | 0;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    this.c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  exponential(rate: number): number {
    return -Math.log(1 - this.next()) / rate;
  }

  fork(): Rng {
    return createRng(Math.floor(this.next() * 4294967296));
  }

  state(): RngState {
    return [this.a, this.b, this.c, this.d];
  }
}

export function rngFrom(state: RngState): RngCursor {
  return new Sfc32(state);
}

/** The state of a fresh stream for `seed`, the seed mixed in by 15 draws. */
export function rngState(seed: number): RngState {
  const r = rngFrom([0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0]);
  for (let i = 0; i < 15; i++) r.next();
  return r.state();
}

export function createRng(seed: number): RngCursor {
  return rngFrom(rngState(seed));
}

/** The state of `fork()` of a stream at `state`, and that stream's state after the draw. */
export function forkState(state: RngState): { readonly child: RngState; readonly parent: RngState } {
  const r = rngFrom(state);
  const child = rngState(Math.floor(r.next() * 4294967296));
  return { child, parent: r.state() };
}
