// A message arrives: a node answers the tutorial's endpoints (docs/protocol.md "Endpoints"), and an answer goes
// where its request said (a resolve slot, an outside client, or nowhere).
import { sendResponse } from './bus';
import type { Draft } from './draft';
import { answerNewTransaction, answerRegister } from './endpoints';
import { startMining } from './mining';
import { servedChain } from './policy';
import { requestLabel, type Response } from './protocol';
import { answerOf, peerAnswered, received, resolve } from './resolve';
import type { NodeState, Scheduled } from './world';

type Arrival<T extends Scheduled['type']> = Extract<Scheduled, { type: T }>;

const THANKS: Response = { status: 202, body: { message: 'Thanks, resolving' } };

/** GET /chain: a node that withholds blocks answers only the chain it published (src/sim/policy.ts). */
function chainAnswer(n: NodeState): Response {
  const chain = servedChain(n);
  return { status: 200, body: { chain, length: n.claimedLength ?? chain.length } };
}

export function requestArrives(d: Draft, s: Arrival<'request'>): void {
  const n = d.nodeAt(s.to);
  if (!n) return; // removed while the message was on its way: the request times out
  const label = requestLabel(s.request);
  const id = n.id;
  switch (s.request.path) {
    case '/chain':
      return sendResponse(d, n.address, s.from, label, chainAnswer(n), s.replyTo);
    case '/mine':
      d.update(id, { mineWaiting: [...n.mineWaiting, { from: s.from, label, replyTo: s.replyTo }] });
      return startMining(d, id);
    case '/nodes/resolve':
      return resolve(d, id, 'manual', { from: s.from, label, replyTo: s.replyTo });
    case '/nodes/announce': {
      if (!s.oneWay) sendResponse(d, n.address, s.from, label, THANKS, s.replyTo);
      const { block, chain } = s.request.body;
      return block ? received(d, id, block, s.from, chain) : resolve(d, id, 'announce', null);
    }
    case '/transactions/new': {
      const faithful = d.params.strictness === 'tutorial';
      const answer = answerNewTransaction(s.request.body, n.mempool, n.chain.block.index + 1, faithful);
      if (answer.mempool !== n.mempool) d.update(id, { mempool: answer.mempool });
      const o = answer.outcome;
      if (o && 'error' in o)
        d.emit({ type: 'transaction', at: d.time, node: id, accepted: false, error: o.error });
      else if (o) d.emit({ type: 'transaction', at: d.time, node: id, accepted: true, ...o });
      return sendResponse(d, n.address, s.from, label, answer.response, s.replyTo);
    }
    case '/nodes/register': {
      const answer = answerRegister(n.address, n.peers, s.request.body, d.params.maxPeers);
      if (answer.response.status === 201) {
        d.update(id, { peers: answer.peers });
        d.emit({ type: 'peers', at: d.time, node: id, added: answer.added, rejected: answer.rejected });
      }
      return sendResponse(d, n.address, s.from, label, answer.response, s.replyTo);
    }
  }
}

export function responseArrives(d: Draft, s: Arrival<'response'>): void {
  const r = s.replyTo;
  switch (r.kind) {
    case 'none':
      return;
    case 'client':
      return d.effect({ type: 'reply', id: r.id, response: s.response });
    case 'resolve':
      return peerAnswered(d, r.node, r.resolveId, r.slot, answerOf(s.response));
    case 'host':
      return; // hostAnswered (hosts.ts) has read it
  }
}
