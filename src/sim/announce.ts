// `POST /nodes/announce`: our extension for the on-announce and relay resolve policies (the tutorial has no
// broadcast, docs/protocol.md "Endpoints"). On announce, a node that forged a block tells its peers {index, hash}
// and each of them resolves; relay sends the block itself, one way, and a peer decides from that one block.
import { hashBlock } from '../core/block';
import type { Block } from '../core/types';
import { sendRequest } from './bus';
import type { Draft } from './draft';
import type { NodeId } from './world';

const NO_REPLY = { kind: 'none' } as const;

export function announce(d: Draft, id: NodeId, block: Block): void {
  const n = d.node(id);
  if (!n) return;
  const body = { index: block.index, hash: hashBlock(block) };
  for (const peer of n.peers)
    sendRequest(d, n.address, peer, { method: 'POST', path: '/nodes/announce', body }, NO_REPLY);
}

/** The relay policy: the block itself, to every peer, one way (nobody waits for an answer). */
export function relay(d: Draft, id: NodeId, block: Block): void {
  const n = d.node(id);
  if (!n) return;
  const body = { index: block.index, hash: hashBlock(block), block, chain: n.chain };
  for (const peer of n.peers)
    sendRequest(d, n.address, peer, { method: 'POST', path: '/nodes/announce', body }, NO_REPLY, true);
}
