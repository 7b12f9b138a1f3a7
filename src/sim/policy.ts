// Nodes that do not play by the tutorial's rules (docs/architecture.md "Attackers"). A policy changes only what
// a node does with the blocks it finds and with the longer chains it hears of; it mines, answers, sends and
// receives through the same engine as every honest node, and the others judge it with the same fork choice.
// A node without a policy is the tutorial's honest node.
import type { Link } from '../core/chain';
import { fail, failure, ok, type Result } from '../core/errors';
import { beats } from '../core/forkRule';
import { attackerLearned, attackerMined, startAttack, type DoubleSpendPolicy } from './attacker';
import type { Command } from './commands';
import type { Draft } from './draft';
import { publish } from './publish';
import { replaceChain } from './resolve';
import { selfishLearned, selfishMined, startSelfish, type SelfishPolicy } from './selfish';
import type { NodeId, NodeState } from './world';

export type Policy = SelfishPolicy | DoubleSpendPolicy;
export type PolicyName = 'honest' | Policy['kind'];
export const POLICY_NAMES: readonly PolicyName[] = ['honest', 'selfish', 'double-spend'];

/** Most confirmations or blocks behind a command may ask for: far beyond any lesson or experiment. */
export const MAX_BLOCKS = 1000;

/** What GET /chain answers and fork choice is shown: only what the node has published. */
export function servedChain(n: NodeState): Link {
  const p = n.policy;
  if (!p) return n.chain;
  if (p.kind === 'selfish') return p.published;
  return p.phase === 'released' ? n.chain : p.public;
}

/** The chain a peer's chain is compared with: the public one the node knows (its own, for an honest node). */
export function publicChain(n: NodeState): Link {
  return n.policy ? n.policy.public : n.chain;
}

/** The node forged a block on its own chain (src/sim/mining.ts): the policy decides whether anyone hears of it. */
export function policyMined(d: Draft, id: NodeId): void {
  const p = d.node(id)?.policy;
  if (p?.kind === 'selfish') selfishMined(d, id);
  else if (p?.kind === 'double-spend') attackerMined(d, id);
}

/** Fork choice found a public chain longer than the one the node knew (src/sim/resolve.ts). */
export function policyLearned(d: Draft, id: NodeId, chain: Link, from: string): void {
  const p = d.node(id)?.policy;
  if (p?.kind === 'selfish') selfishLearned(d, id, chain, from);
  else if (p?.kind === 'double-spend') attackerLearned(d, id, chain, from);
}

type SetPolicy = Extract<Command, { type: 'set-policy' }>;

const whole = (x: unknown, min: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= min && x <= MAX_BLOCKS;

/** The `set-policy` command: leave the old policy as an honest node would, then take up the new one. */
export function setPolicy(d: Draft, n: NodeState, cmd: SetPolicy): Result<void> {
  if (!POLICY_NAMES.includes(cmd.policy))
    return fail(failure('E_BAD_PARAM', `A policy is one of ${POLICY_NAMES.join(', ')}.`));
  if (cmd.policy === 'double-spend' && !(whole(cmd.confirmations, 0) && whole(cmd.giveUp, 1)))
    return fail(
      failure(
        'E_BAD_PARAM',
        `A double-spend attack needs confirmations from 0 and giveUp from 1, whole numbers up to ${MAX_BLOCKS}.`,
      ),
    );
  becomeHonest(d, n.id);
  const chain = d.node(n.id)?.chain ?? n.chain;
  if (cmd.policy === 'selfish') d.update(n.id, { policy: startSelfish(chain) });
  else if (cmd.policy === 'double-spend')
    d.update(n.id, {
      policy: startAttack(chain, {
        confirmations: cmd.confirmations as number,
        giveUp: cmd.giveUp as number,
        premine: cmd.premine === true,
      }),
    });
  return ok(undefined);
}

/**
 * Stop withholding: adopt the public chain if it beats the node's own, else publish what it still kept (as an
 * honest miner would have announced those blocks).
 */
function becomeHonest(d: Draft, id: NodeId): void {
  const n = d.node(id);
  if (!n?.policy) return;
  const { chain: own, policy } = n; // read before the update (draft.ts)
  const served = servedChain(n);
  d.update(id, { policy: undefined });
  if (beats(policy.public.length, own.length)) replaceChain(d, id, policy.public, id);
  else if (own.block !== served.block) publish(d, id, own);
}
