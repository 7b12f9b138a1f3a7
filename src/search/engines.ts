// The two implementations of the proof search behind one shape, so the miner loop does not care which runs:
// WebAssembly SIMD, four nonces per call (simdSearch.ts), where the engine has it; plain JS (fastSearch.ts)
// elsewhere: no SIMD, or no synchronous compile of a 16 KB module (older Chromium main threads allowed 4 KB).
import { createSearch, run } from './fastSearch';
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

/** SIMD when this thread can compile it, else JS; both give identical results (test/worker/engines.test.ts). */
export const fastestEngine: SearchEngine = (params) => {
  const state = createSimdSearch(params);
  return state === null ? jsEngine(params) : { engine: 'wasm-simd', run: (n) => runSimd(state, n) };
};
