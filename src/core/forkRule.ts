// The one comparison of fork choice (docs/protocol.md "Fork choice"): a chain replaces the best one so far only
// when it is strictly longer (or carries strictly more work); an equal one never does, so the first seen keeps a
// tie. It has a module of its own so that every caller — chooseChain (consensus.ts) and the relay's early drop of
// a block that cannot win (src/sim/resolve.ts) — goes through this function, and a test can plant a bug in it
// (test/experiments/mutations.test.ts) that reaches the whole engine.

/** Whether a chain measuring `candidate` (blocks or work) replaces the best so far, measuring `best`. */
export function beats(candidate: number, best: number): boolean {
  return candidate > best;
}
