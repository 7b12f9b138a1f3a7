// The double-spend attacker as a node policy (docs/architecture.md "Attackers"; the race of Nakamoto's §11 and
// Rosenfeld 2014). When the attack starts the node pays a merchant on the public chain (the experiment hands the
// payment to the honest nodes) and mines a branch of its own from the block before it, in private, while the
// merchant waits for `confirmations` blocks. Once it counts that many public blocks past its fork, it publishes
// its branch as soon as the branch is at least as long as the public chain, and goes on mining it in the open:
// whether that is enough is the network's fork choice to say (strictly longer under the tutorial's rule, so a
// branch of equal length changes nobody's mind: src/core/forkRule.ts). `premine` first mines one block on the
// public tip and keeps it (Rosenfeld's pre-mined block), restarting whenever the public chain moves on.
import { ancestor, type Link } from '../core/chain';
import type { Draft } from './draft';
import { publish } from './publish';
import { replaceChain } from './resolve';
import type { NodeId } from './world';

export interface DoubleSpendPolicy {
  readonly kind: 'double-spend';
  /** The merchant's wait: public blocks past the fork (the payment is in the first of them). */
  readonly confirmations: number;
  /** Public blocks ahead of its branch at which it stops, once the merchant has its confirmations. */
  readonly giveUp: number;
  /** premine: finding the one block it keeps before paying; race: mining in private; released: in the open. */
  readonly phase: 'premine' | 'race' | 'released';
  /** The last block its branch shares with the public chain. */
  readonly fork: Link;
  /** The longest chain the others hold, as far as it knows. */
  readonly public: Link;
}

export interface AttackOptions {
  readonly confirmations: number;
  readonly giveUp: number;
  readonly premine: boolean;
}

export function startAttack(chain: Link, o: AttackOptions): DoubleSpendPolicy {
  return {
    kind: 'double-spend',
    confirmations: o.confirmations,
    giveUp: o.giveUp,
    phase: o.premine ? 'premine' : 'race',
    fork: chain,
    public: chain,
  };
}

/** The attacker found a block: the race starts (premine), it stays private (race), or it goes out (released). */
export function attackerMined(d: Draft, id: NodeId): void {
  const n = d.node(id);
  const s = n?.policy;
  if (!n || s?.kind !== 'double-spend') return;
  if (s.phase === 'premine') {
    // Found on the public tip (it follows the public chain until now): the branch starts one block ahead.
    d.update(id, { policy: { ...s, phase: 'race', fork: n.chain.parent ?? s.fork } });
    return;
  }
  if (s.phase === 'released') return publish(d, id, n.chain);
  release(d, id);
}

/** The public chain is now `chain`, longer than the one the attacker knew. */
export function attackerLearned(d: Draft, id: NodeId, chain: Link, from: string): void {
  const n = d.node(id);
  const s = n?.policy;
  if (!n || s?.kind !== 'double-spend') return;
  const own = n.chain; // read before the update (draft.ts)
  // Built on its branch: past the fork (a branch with no block of its own yet is just the fork, on every chain).
  const onOwn =
    own.length > s.fork.length &&
    chain.length >= own.length &&
    ancestor(chain, own.length).block === own.block;
  if (s.phase === 'premine' || onOwn) {
    // Before its block is found it follows the public chain; afterwards a public chain built on its branch
    // means the branch won, and the attacker mines on it.
    d.update(id, { policy: { ...s, public: chain, ...(s.phase === 'premine' ? { fork: chain } : {}) } });
    return replaceChain(d, id, chain, from);
  }
  d.update(id, { policy: { ...s, public: chain } });
  const confirmed = chain.length - s.fork.length >= s.confirmations;
  if (confirmed && chain.length - own.length >= s.giveUp) {
    // Too far behind to catch up in any reasonable time: it mines honestly on the public chain again.
    d.update(id, { policy: undefined });
    return replaceChain(d, id, chain, from);
  }
  release(d, id);
}

/** Publish the branch once the merchant has its confirmations and the branch is not shorter than the public chain. */
function release(d: Draft, id: NodeId): void {
  const n = d.node(id);
  const s = n?.policy;
  if (!n || s?.kind !== 'double-spend' || s.phase !== 'race') return;
  const chain = n.chain;
  if (s.public.length - s.fork.length < s.confirmations || chain.length < s.public.length) return;
  d.update(id, { policy: { ...s, phase: 'released' } });
  publish(d, id, chain);
}
