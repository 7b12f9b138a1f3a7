// The fixed-delay network as a reference model, written apart from the engine: n equal miners find blocks as one
// Poisson process of rate 1 (time in units of the mean block interval T), every block reaches every other miner
// exactly d later, each miner mines on the longest chain it has seen and keeps the first one seen on a tie. It
// knows nothing of nodes, messages or fork-choice code, so the engine (src/experiments/staleRate.ts) is checked
// against it on what no closed form gives: which block wins a race (a height where two or more were found).

import type { Rng } from './rng';

export interface RaceCounts {
  readonly mined: number;
  /** Height of the longest chain at the end (blocks on it, genesis not counted). */
  readonly height: number;
  /** Heights, among those settled, where two or more blocks were found. */
  readonly races: number;
  /** Of those, the races the block found first won. */
  readonly firstWins: number;
}

/** Heights this close to the end may still change hands: their races are not counted. */
export const UNSETTLED = 8;

interface Block {
  readonly height: number;
  readonly parent: number;
  readonly at: number;
}

/** Blocks found at each height, and which one the final chain holds there: the race statistics of one run. */
export function raceCounts(
  found: ReadonlyMap<number, readonly number[]>,
  winners: ReadonlyMap<number, number>,
  top: number,
) {
  let races = 0;
  let firstWins = 0;
  for (const [height, times] of found) {
    if (height > top - UNSETTLED || times.length < 2) continue;
    races++;
    const won = winners.get(height);
    if (won !== undefined && won === Math.min(...times)) firstWins++;
  }
  return { races, firstWins };
}

/** One run of `blocks` finds. */
export function fixedDelayRun(miners: number, d: number, blocks: number, rng: Rng): RaceCounts {
  const chain: Block[] = [{ height: 0, parent: -1, at: 0 }];
  const tip = new Int32Array(miners); // every miner starts on block 0
  // Arrivals in time order: a block found at t reaches everyone else at t + d, and finds happen in time order,
  // so a queue of (block, finder) suffices.
  const arrivals: { block: number; finder: number }[] = [];
  let head = 0;
  let t = 0;
  const deliver = (until: number) => {
    while (head < arrivals.length) {
      const a = arrivals[head] as { block: number; finder: number };
      const b = chain[a.block] as Block;
      if (b.at + d > until) break;
      head++;
      for (let m = 0; m < miners; m++)
        if (m !== a.finder && b.height > (chain[tip[m] as number] as Block).height) tip[m] = a.block;
    }
  };
  for (let i = 0; i < blocks; i++) {
    t += rng.exponential(1);
    deliver(t);
    const finder = Math.min(miners - 1, Math.floor(rng.next() * miners));
    const parent = tip[finder] as number;
    chain.push({ height: (chain[parent] as Block).height + 1, parent, at: t });
    tip[finder] = chain.length - 1;
    arrivals.push({ block: chain.length - 1, finder });
  }
  deliver(Infinity);
  // Everyone has seen everything: the longest chain, the first found on a tie at the top.
  let best = 0;
  for (let b = 1; b < chain.length; b++)
    if ((chain[b] as Block).height > (chain[best] as Block).height) best = b;
  const winners = new Map<number, number>();
  for (let b = best; b > 0; b = (chain[b] as Block).parent)
    winners.set((chain[b] as Block).height, (chain[b] as Block).at);
  const found = new Map<number, number[]>();
  for (let b = 1; b < chain.length; b++) {
    const { height, at } = chain[b] as Block;
    const list = found.get(height);
    if (list) list.push(at);
    else found.set(height, [at]);
  }
  const top = (chain[best] as Block).height;
  return { mined: blocks, height: top, ...raceCounts(found, winners, top) };
}
