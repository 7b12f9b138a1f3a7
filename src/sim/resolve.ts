// The tutorial's resolve_conflicts inside the step: GET /chain from every peer in registration order, each
// answer (or its timeout) into a slot, and once all are in, the fork choice (core/consensus.ts) decides. Adopting
// a chain reconciles the mempool unless the flaw switch asks for the tutorial's behaviour.
import { hashBlock } from '../core/block';
import { extend, fork, type Link } from '../core/chain';
import { chooseChain, type Candidate, type ResolvePlan } from '../core/consensus';
import { beats } from '../core/forkRule';
import type { Block } from '../core/types';
import { failure } from '../core/errors';
import { sendRequest } from './bus';
import type { Draft } from './draft';
import { reconcile } from './mempool';
import { mineOnNewTip } from './mining';
import { policyLearned, publicChain, servedChain } from './policy';
import { MESSAGES, type ChainBody, type Response } from './protocol';
import { answerHeld } from './replies';
import { NO_PEERS_NOTE, resolveLines } from './resolveLog';
import { validationOf } from './validation';
import type { Address, Held, NodeId, PeerAnswer, ResolveTrigger } from './world';

/** A node keeps this many of the blocks it dropped, for the chain panel. */
const ABANDONED_KEPT = 500;

/**
 * A block relayed by `from`: appended after checking that one block when it extends our tip; otherwise (another
 * branch, or blocks we have not seen) we ask `from` alone for its chain. A block no longer than our chain is
 * dropped under the longest rule: it cannot win.
 */
export function received(d: Draft, id: NodeId, block: Block, from: Address, carried?: Link): void {
  const n = d.node(id);
  if (!n) return;
  // A node that withholds blocks compares what it hears with the public chain it knows (src/sim/policy.ts).
  const own = publicChain(n);
  const extending = block.previous_hash === hashBlock(own.block);
  // On another branch, the carried chain (protocol.ts) is judged at once, as a block store would allow.
  const chain = extending ? extend(own, block) : isCarried(carried, block) ? carried : null;
  if (chain) {
    const plan = chooseChain(own, [{ peer: from, chain }], planOptions(d));
    if (plan.adopt) adopt(d, id, plan.adopt.chain, from);
    return emitResolve(d, id, 'announce', plan, own.length, false);
  }
  // The block's index is the length of the chain it ends: one that could not beat ours is not worth asking for.
  if (beats(block.index, own.length) || d.params.forkChoice === 'most-work')
    resolve(d, id, 'announce', null, [from]);
}

/** A chain carried by a relay: an engine Link that ends in the relayed block (never JSON from outside). */
function isCarried(c: Link | undefined, block: Block): c is Link {
  return typeof c === 'object' && c !== null && 'parent' in c && c.block === block;
}

/** Run fork choice on the peers' answers (`ask`: only these peers, for a relayed block we could not place). */
export function resolve(
  d: Draft,
  id: NodeId,
  trigger: ResolveTrigger,
  reply: Held | null,
  ask?: readonly Address[],
): void {
  const n = d.node(id);
  if (!n) return;
  if (n.resolving) {
    const busy: Response = { status: 409, body: { message: 'A resolve is already running on this node.' } };
    if (reply) answerHeld(d, n.address, reply, busy);
    else d.update(id, { resolveAgain: trigger });
    return;
  }
  const asked = ask ?? n.peers;
  const p = d.params;
  const timeout = p.flaws.noTimeout ? null : p.timeout;
  const resolveId = d.nextId('resolve');
  d.update(id, {
    resolving: {
      id: resolveId,
      trigger,
      asked,
      answers: asked.map(() => null),
      waiting: asked.length,
      reply,
    },
  });
  if (asked.length === 0) return decide(d, id);
  asked.forEach((peer, slot) => {
    if (timeout !== null)
      d.after(timeout, { type: 'timeout', node: id, resolveId, slot, peer, after: timeout });
    sendRequest(
      d,
      n.address,
      peer,
      { method: 'GET', path: '/chain' },
      { kind: 'resolve', node: id, resolveId, slot },
    );
  });
}

/** A peer's GET /chain answer arrived (or did not: timeout). The first word for a slot counts. */
export function peerAnswered(
  d: Draft,
  id: NodeId,
  resolveId: number,
  slot: number,
  answer: PeerAnswer,
): void {
  const n = d.node(id);
  const r = n?.resolving;
  if (!r || r.id !== resolveId || r.answers[slot] !== null) return;
  const answers = r.answers.slice();
  answers[slot] = answer;
  d.update(id, { resolving: { ...r, answers, waiting: r.waiting - 1 } });
  if (r.waiting === 1) decide(d, id);
}

export function answerOf(response: Response): PeerAnswer {
  if (response.status !== 200) return { error: failure('E_UNREACHABLE') };
  const body = response.body as unknown as ChainBody;
  return { chain: body.chain, claimedLength: body.length };
}

export function timedOut(peer: string, after: number): PeerAnswer {
  return { error: failure('E_TIMEOUT', `${peer} did not answer GET /chain within ${after} s.`) };
}

function decide(d: Draft, id: NodeId): void {
  const n = d.node(id);
  const r = n?.resolving;
  if (!n || !r) return;
  // Read before any update: a node state made in this step is updated in place (draft.ts).
  const own = publicChain(n);
  const address = n.address;
  d.update(id, { resolving: null });
  const candidates: Candidate<Link>[] = r.asked.map((peer, i) => {
    const a = r.answers[i];
    if (a && 'chain' in a) return { peer, chain: a.chain, claimedLength: a.claimedLength };
    return { peer, chain: null, ...(a ? { error: a.error } : {}) };
  });
  const plan = chooseChain(own, candidates, planOptions(d));
  if (plan.adopt) adopt(d, id, plan.adopt.chain, plan.adopt.peer);
  emitResolve(d, id, r.trigger, plan, own.length, r.asked.length === 0);
  const now = d.node(id);
  const chain = now ? servedChain(now) : own;
  if (r.reply) {
    // Where the tutorial answers 500 on a dead peer, this answer names each peer it skipped and why; the key is
    // there only when one was skipped, so every other answer is the tutorial's byte for byte.
    const skipped = candidates.flatMap((c) =>
      c.chain === null && c.error ? [{ node: c.peer, code: c.error.code, message: c.error.message }] : [],
    );
    answerHeld(d, address, r.reply, {
      status: 200,
      body: {
        ...(plan.adopt
          ? { message: MESSAGES.replaced, new_chain: chain }
          : { message: MESSAGES.authoritative, chain }),
        ...(skipped.length ? { skipped } : {}),
      },
    });
  }
  const again = d.node(id)?.resolveAgain;
  if (again) {
    d.update(id, { resolveAgain: null });
    resolve(d, id, again, null);
  }
}

function planOptions(d: Draft) {
  const p = d.params;
  return {
    forkChoice: p.forkChoice,
    validation: validationOf(d),
    trustClaimedLength: p.flaws.trustClaimedLength,
  };
}

function emitResolve(
  d: Draft,
  id: NodeId,
  trigger: ResolveTrigger,
  plan: ResolvePlan<Link>,
  ownLength: number,
  noPeers: boolean,
): void {
  d.emit({
    type: 'resolve',
    at: d.time,
    node: id,
    trigger,
    message: plan.message,
    ownLength,
    adoptedFrom: plan.adopt?.peer ?? null,
    lines: resolveLines(plan, d.params.forkChoice),
    ...(noPeers ? { note: NO_PEERS_NOTE } : {}),
  });
}

/** Fork choice chose `next`: an honest node adopts it; a node with a policy learns the public chain grew. */
function adopt(d: Draft, id: NodeId, next: Link, from: string): void {
  if (d.node(id)?.policy) policyLearned(d, id, next, from);
  else replaceChain(d, id, next, from);
}

/** Adopt `next`: the dropped blocks are kept aside, their transactions go back to pending (unless flaw #23). */
export function replaceChain(d: Draft, id: NodeId, next: Link, from: string): void {
  const n = d.node(id);
  if (!n) return;
  const own = n.chain;
  const f = fork(own, next);
  const dropped = f.onlyA;
  let mempool = n.mempool;
  let returned: readonly (typeof mempool)[number][] = [];
  if (!d.params.flaws.noMempoolReconcile) {
    const r = reconcile(mempool, dropped, f.onlyB);
    mempool = r.mempool;
    returned = r.returned;
  }
  d.update(id, {
    chain: next,
    mempool,
    abandoned: dropped.length > 0 ? [...n.abandoned, ...dropped].slice(-ABANDONED_KEPT) : n.abandoned,
  });
  d.emit({
    type: 'chain-replaced',
    at: d.time,
    node: id,
    from,
    oldLength: own.length,
    newLength: next.length,
    forkPoint: f.common,
    droppedBlocks: dropped.length,
    returnedTxs: returned,
  });
  mineOnNewTip(d, id);
}
