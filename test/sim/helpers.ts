// Shared fixtures for the engine tests: a small low-difficulty simulation and ways to drive it to a state.
import { hashBlock } from '../../src/core/block';
import { REWARD_SENDER, type Block, type Chain, type Transaction } from '../../src/core/types';
import type { SimEvent } from '../../src/sim/events';
import type { SimNode } from '../../src/sim/nodeView';
import type { SimParams } from '../../src/sim/params';
import { createSimulation, type Simulation } from '../../src/sim/simulation';

/** Tutorial rule at D = 1 (16 attempts a block on average): a block costs microseconds of real hashing. */
export const LOW: Partial<SimParams> = {
  seed: 7,
  pow: { rule: 'tutorial', difficulty: 1 },
  resolvePolicy: 'manual',
  net: { latency: 0.05, jitter: 0.05, loss: 0 },
};

/** A simulation with `n` nodes (alice, bob, carol, …), nothing registered yet. */
export function makeSim(n: number, patch: Partial<SimParams> = {}): Simulation {
  const sim = createSimulation({ ...LOW, ...patch });
  for (let i = 0; i < n; i++) sim.dispatch({ type: 'add-node' });
  return sim;
}

/** Run until nothing is pending (or `limit` more virtual seconds pass); true if the queue emptied. */
export function settle(sim: Simulation, limit = 120): boolean {
  return sim.runUntil(() => sim.peek() === null, sim.now() + limit);
}

export function nodeOf(sim: Simulation, id: string): SimNode {
  const n = sim.node(id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

/** GET /mine on `id`, `count` times, each time running the clock until the block is on its chain. */
export function mineBlocks(sim: Simulation, id: string, count = 1): void {
  const n = nodeOf(sim, id);
  for (let i = 0; i < count; i++) {
    const before = n.chain().length;
    const r = sim.dispatch({ type: 'mine', node: id });
    if (!r.ok) throw new Error(r.error.message);
    if (!sim.runUntil(() => n.chain().length > before, sim.now() + 1000)) throw new Error('no block');
  }
}

export const tipOf = (chain: Chain): string => hashBlock(chain[chain.length - 1] as Block);

export const userTxs = (chain: Chain): Transaction[] =>
  chain.flatMap((b) => b.transactions.filter((tx) => tx.sender !== REWARD_SENDER));

export function eventsOf<T extends SimEvent['type']>(
  sim: Simulation,
  type: T,
): Extract<SimEvent, { type: T }>[] {
  return sim.events().filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);
}

/** The network address of a node id, as peers and the bus name it. */
export const at = (id: string): string => `${id}:5000`;
