// The implementations of the proof search behind one shape, so the miner loop does not care which runs:
// WebAssembly SIMD with the whole loop inside the module (loopSearch.ts), four nonces per iteration, where the
// engine has it; the older 4-lane search with the loop in JS (simdSearch.ts, kept for comparison in
// bench/miner.ts); plain JS (fastSearch.ts) elsewhere: no SIMD, or no synchronous compile of a 16 KB module
// (older Chromium main threads allowed 4 KB). The WebGPU search (src/gpu) is asynchronous and has its own shell.
import { createSearch, run } from './fastSearch';
import { createLoopSearch, runLoop } from './loopSearch';
import type { RunResult, SearchParams } from './searchCommon';
import { createSimdSearch, runSimd } from './simdSearch';

export interface Search {
  readonly engine: 'js' | 'wasm-simd';
  /** Tries up to `maxAttempts` consecutive nonces; stops early at the first proof. */
  run(maxAttempts: number): RunResult;
}

export type SearchEngine = (params: SearchParams) => Search;

export const jsEngine: SearchEngine = (params) => {
  const state = createSearch(params);
  return { engine: 'js', run: (n) => run(state, n) };
};

/** One 4-lane compression per WebAssembly call, the loop in JS; else JS. */
export const simdEngine: SearchEngine = (params) => {
  const state = createSimdSearch(params);
  return state === null ? jsEngine(params) : { engine: 'wasm-simd', run: (n) => runSimd(state, n) };
};

/** The loop in WebAssembly SIMD when this thread can compile it, else JS; all give identical results. */
export const fastestEngine: SearchEngine = (params) => {
  const state = createLoopSearch(params);
  return state === null ? jsEngine(params) : { engine: 'wasm-simd', run: (n) => runLoop(state, n) };
};
