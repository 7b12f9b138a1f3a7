// How a class runs (docs/architecture.md "A classroom network"): the tutorial's node made sturdy, as the HTTP
// node is (src/server/start.ts nodeParams), with the app's announce so a block reaches the class without anyone
// calling resolve, and random start nonces so neighbours on the same tip do not all find the same proof.
import { DEFAULT_PARAMS, mergeParams, NO_FLAWS, type SimParams } from '../sim/params';
import type { ClassSettings, DifficultyStep } from './messages';

/** Seconds a node waits for a peer: a closed page is answered for at once by the hub, a hung one times out. */
export const PEER_TIMEOUT_S = 5;

/** Python's tutorial node checks "0000": a class below 4 shuts Python nodes out. */
export const PYTHON_DIFFICULTY = 4;

export function classParams(settings: ClassSettings): SimParams {
  const first = settings.steps[0]?.difficulty ?? settings.difficulty;
  return mergeParams(DEFAULT_PARAMS, {
    pow: { rule: 'tutorial', difficulty: first },
    strictness: 'tutorial',
    forkChoice: 'longest',
    resolvePolicy: 'on-announce',
    randomStart: true,
    timeout: PEER_TIMEOUT_S,
    maxPeers: 1000,
    genesisTimestamp: settings.genesisTimestamp,
    flaws: NO_FLAWS,
  });
}

/**
 * The difficulty steps a node should take now, given how many it has taken and its chain's length. Every node
 * is its own world, and the engine applies a new difficulty from the block after its own tip
 * (src/sim/apply.ts setParams), so a raise waits until the node's next block is the step's `fromIndex`: then
 * every node asks the same of the same blocks. A lower difficulty is taken at once — a block mined harder
 * passes an easier check, so nobody refuses what the others accept.
 */
export function stepsDue(
  steps: readonly DifficultyStep[],
  taken: number,
  length: number,
  current: number,
): DifficultyStep[] {
  const due: DifficultyStep[] = [];
  let d = current;
  for (const s of steps.slice(taken)) {
    if (s.difficulty > d && length + 1 < s.fromIndex) break;
    due.push(s);
    d = s.difficulty;
  }
  return due;
}
