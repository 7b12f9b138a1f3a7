// What a lesson's reveal reads: the run's own events, and the chains the nodes ended with. Pure helpers only, so
// a reveal is a function of the run and can be tested from a seed.
import { amountText, hashBlock } from '../core/block';
import { sha256Hex } from '../core/hash';
import type { Block, Chain, Transaction } from '../core/types';
import type { Command } from '../sim/commands';
import type { SimEvent } from '../sim/events';
import type { ScenarioSetup } from './scenarios';
import type { Simulation } from '../sim/simulation';

export interface RunRecord {
  readonly events: readonly SimEvent[];
  /** Each node's chain when the lesson ended. */
  readonly chains: Readonly<Record<string, Chain>>;
  /** Each node's abandoned blocks (dropped when it adopted another chain). */
  readonly abandoned: Readonly<Record<string, readonly Block[]>>;
  readonly mempools: Readonly<Record<string, readonly Transaction[]>>;
}

/** `events`: every event of the run, when the caller kept them (the simulation keeps the last 20 000). */
export function recordOf(sim: Simulation, events: readonly SimEvent[] = sim.events()): RunRecord {
  const nodes = sim.nodes();
  return {
    events: [...events],
    chains: Object.fromEntries(nodes.map((n) => [n.id, n.chain()])),
    abandoned: Object.fromEntries(nodes.map((n) => [n.id, n.abandoned()])),
    mempools: Object.fromEntries(nodes.map((n) => [n.id, n.mempool()])),
  };
}

export type EventOf<T extends SimEvent['type']> = Extract<SimEvent, { type: T }>;

export function eventsOf<T extends SimEvent['type']>(r: RunRecord, type: T): EventOf<T>[] {
  return r.events.filter((e): e is EventOf<T> => e.type === type);
}

export const tipHash = (chain: Chain): string => hashBlock(chain[chain.length - 1] as Block);

export const sameTx = (a: Transaction, b: Transaction) =>
  a.sender === b.sender && a.recipient === b.recipient && a.amount === b.amount;

/** How many blocks of `chain` hold `tx`. */
export const timesOnChain = (chain: Chain, tx: Transaction) =>
  chain.reduce((n, b) => n + b.transactions.filter((t) => sameTx(t, tx)).length, 0);

export const txText = (tx: Transaction) => `${tx.sender} → ${tx.recipient}: ${amountText(tx)}`;

/** Height = blocks on top of genesis. */
export const heightOf = (sim: Simulation) => sim.height();

export const lengthOf = (sim: Simulation, id: string) => sim.node(id)?.chain().length ?? 0;

/** Run the queue dry, or for `limit` more virtual seconds (a lesson never runs unbounded). */
export function settle(sim: Simulation, limit = 10) {
  sim.runUntil(() => sim.peek() === null, sim.now() + limit);
}

export function must(ok: boolean, what: string): void {
  // A lesson whose script cannot reach its next step is a programmer error in the lesson, not a user error.
  if (!ok) throw new Error(`lesson script: ${what}`);
}

/**
 * The tutorial's warm-up (docs/protocol.md "Proof of work"): the smallest y with sha256(str(x*y)) ending in
 * "0".
 */
export function warmUp(x = 5): { readonly x: number; readonly y: number; readonly hash: string } {
  for (let y = 0; ; y++) {
    const hash = sha256Hex(String(x * y));
    if (hash.endsWith('0')) return { x, y, hash };
  }
}

/** Dispatch a lesson step; a refused step is a bug in the lesson script. */
export function step(sim: Simulation, cmd: Command): void {
  const r = sim.dispatch(cmd);
  must(r.ok, `${cmd.type} refused: ${r.ok ? '' : r.error.message}`);
}

/** "bob:5000" → "bob". */
export const idOf = (netloc: string) => netloc.split(':')[0] as string;

export const resolvesBy = (r: RunRecord, node: string) =>
  eventsOf(r, 'resolve').filter((e) => e.node === node);

/** A small lesson network on the tutorial rule. */
export const small = (nodes: number, seed: number, difficulty = 2): ScenarioSetup => ({
  nodes,
  blocks: 5,
  seed,
  difficulty,
  rule: 'tutorial',
  latencyMs: 100,
});
