// Peer registration like the tutorial's register_node, plus what users expect: no self-registration,
// duplicates ignored, invalid URLs rejected with a clear message, a cap on peers.
import { failure, type Failure } from '../core/errors';
import { netlocOf } from './protocol';
import type { Address } from './world';

export interface RegisterPlan {
  readonly peers: readonly Address[];
  readonly added: readonly Address[];
  readonly rejected: readonly { readonly url: string; readonly error: Failure }[];
}

/** Null when `body.nodes` is not a list (the tutorial's 400 "Please supply a valid list of nodes"). */
export function planRegister(
  self: string,
  current: readonly Address[],
  body: unknown,
  maxPeers: number,
): RegisterPlan | null {
  const nodes = (body as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return null;
  const peers = [...current];
  const added: Address[] = [];
  const rejected: { url: string; error: Failure }[] = [];
  for (const raw of nodes) {
    // A hostile body can hold anything; describing it must not throw (e.g. {"toString": 1}).
    const url = typeof raw === 'string' ? raw : (JSON.stringify(raw) ?? typeof raw);
    const netloc = typeof raw === 'string' ? (netlocOf(raw) as Address | null) : null;
    if (!netloc) {
      rejected.push({
        url,
        error: failure('E_BAD_URL', `"${url.slice(0, 80)}" is not a node address like http://bob:5000.`),
      });
    } else if (netloc === self) {
      rejected.push({
        url,
        error: failure('E_SELF', `${netloc} is this node itself; a node cannot be its own peer.`),
      });
    } else if (peers.includes(netloc)) {
      continue; // the tutorial keeps a set: registering twice changes nothing
    } else if (peers.length >= maxPeers) {
      rejected.push({
        url,
        error: failure('E_PEER_LIMIT', `This node already has ${maxPeers} peers, the most allowed.`),
      });
    } else {
      peers.push(netloc);
      added.push(netloc);
    }
  }
  return { peers, added, rejected };
}
