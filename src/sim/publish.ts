// How a node that withholds blocks (src/sim/policy.ts) shows a chain to its peers: the way a miner tells of a
// block it found (src/sim/announce.ts, docs/protocol.md "Endpoints"), except that under the relay policy the
// chain carried by reference is the one it chose to publish, never the blocks it still keeps to itself.
import { hashBlock } from '../core/block';
import type { Link } from '../core/chain';
import { announce } from './announce';
import { sendRequest } from './bus';
import type { Draft } from './draft';
import type { NodeId } from './world';

const NO_REPLY = { kind: 'none' } as const;

export function publish(d: Draft, id: NodeId, chain: Link): void {
  const n = d.node(id);
  if (!n) return;
  const block = chain.block;
  switch (d.params.resolvePolicy) {
    case 'on-announce':
      // Peers resolve and ask GET /chain, which answers the published chain (src/sim/policy.ts servedChain).
      return announce(d, id, block);
    case 'relay': {
      const body = { index: block.index, hash: hashBlock(block), block, chain };
      for (const peer of n.peers)
        sendRequest(d, n.address, peer, { method: 'POST', path: '/nodes/announce', body }, NO_REPLY, true);
      return;
    }
    default:
      // manual and periodic: peers see it when they next resolve.
      return;
  }
}
