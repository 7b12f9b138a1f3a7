// Selfish mining as a node policy (docs/architecture.md "Attackers"): Eyal & Sirer's Algorithm 1 (FC 2014,
// arXiv:1311.0243, §3) played by one node of the real network. It mines on its private chain (the node's own
// chain), publishes a prefix of it (`published`, what GET /chain answers) and watches the longest chain the
// others hold (`public`). The algorithm's "others found a block" is the public chain growing; its Δprev is the
// private lead before that, read from the lengths, so a public chain that grows by more than one block at once
// (two blocks reach the pool together) is handled by the same rules.
import { ancestor, type Link } from '../core/chain';
import { beats } from '../core/forkRule';
import type { Draft } from './draft';
import { publish } from './publish';
import { replaceChain } from './resolve';
import type { NodeId, NodeState } from './world';

export interface SelfishPolicy {
  readonly kind: 'selfish';
  /** The longest chain the pool knows the others hold (its own published branch once that is longer). */
  readonly public: Link;
  /** The prefix of its chain it has shown: what its GET /chain answers and its announces carry. */
  readonly published: Link;
}

export function startSelfish(chain: Link): SelfishPolicy {
  return { kind: 'selfish', public: chain, published: chain };
}

/** Two public branches of equal length, the pool's published and the one the others showed first. */
const racing = (s: SelfishPolicy) =>
  s.published.length === s.public.length && s.published.block !== s.public.block;

/**
 * Eyal & Sirer's state 0′: everything the pool mined is published and its branch is as long as the other. Which
 * branch honest blocks extend now is γ (measured from the run, src/experiments/selfish.ts).
 */
export function inTie(n: NodeState): boolean {
  const s = n.policy;
  return s?.kind === 'selfish' && n.chain.block === s.published.block && racing(s);
}

/** "My pool found a block": keep it private, unless the pool was in a tie (Δprev = 0, branch length 2). */
export function selfishMined(d: Draft, id: NodeId): void {
  const n = d.node(id);
  const s = n?.policy;
  if (!n || s?.kind !== 'selfish') return;
  // Its lead of one wins the race outright: publish the whole branch.
  if (n.chain.parent?.block === s.published.block && racing(s)) show(d, id, n.chain);
}

/** "Others found a block": the public chain is now `chain`, longer than the one the pool knew. */
export function selfishLearned(d: Draft, id: NodeId, chain: Link, from: string): void {
  const n = d.node(id);
  const s = n?.policy;
  if (!n || s?.kind !== 'selfish') return;
  const own = n.chain; // read before the update (a node state made in this step changes in place: draft.ts)
  d.update(id, { policy: { ...s, public: chain } });
  const lead = own.length - chain.length; // the private lead now: Δprev − 1 for one new block
  if (lead < 0) {
    // Δprev = 0: they win. The pool mines on their chain and has nothing of its own left to show.
    replaceChain(d, id, chain, from);
    d.update(id, { policy: startSelfish(chain) });
  } else if (lead <= 1) {
    // Δprev = 1: publish the last block and race (a tie). Δprev = 2: publish all, the lead of one wins.
    show(d, id, own);
  } else {
    // Δprev > 2: publish the first unpublished block(s), up to the public chain's height.
    show(d, id, ancestor(own, chain.length));
  }
}

/** Publish `chain` (a prefix of the private chain); once it is longer than the public one, it is the public one. */
function show(d: Draft, id: NodeId, chain: Link): void {
  const s = d.node(id)?.policy;
  if (s?.kind !== 'selfish' || chain.block === s.published.block) return;
  const pub = beats(chain.length, s.public.length) ? chain : s.public;
  d.update(id, { policy: { ...s, published: chain, public: pub } });
  publish(d, id, chain);
}
