// Peer registration like the tutorial's register_node, plus what users expect: no self-registration,
// duplicates ignored, invalid URLs rejected with a clear message, a cap on peers. A body can hold anything (a
// 1 MB string, a BigInt, an object whose toString throws, an element that is a throwing getter): every entry is
// judged on its own, and describing one never throws and never copies more than a few dozen characters.
import { fail, failure, type Failure } from '../core/errors';
import { netlocOf } from './protocol';
import type { Address } from './world';

export interface RegisterPlan {
  readonly peers: readonly Address[];
  readonly added: readonly Address[];
  readonly rejected: readonly { readonly url: string; readonly error: Failure }[];
}

/** Rejections listed per request: enough to show what was wrong, never a reply the size of the request. */
const MAX_REJECTED = 64;

/** Characters of an entry kept in a rejection (the event, the reply, the panels). */
const SHOWN = 100;

const capped = (s: string) => (s.length > SHOWN ? `${s.slice(0, SHOWN)}… (${s.length} characters)` : s);

/** What a user would call the entry, without calling anything on it (no toString, no toJSON, no getters). */
export function describeEntry(raw: unknown): string {
  try {
    switch (typeof raw) {
      case 'string':
        return capped(raw);
      case 'number':
      case 'boolean':
      case 'undefined':
        return String(raw);
      case 'bigint':
        return capped(`${raw}n`);
      case 'symbol':
        return capped(raw.toString());
      case 'function':
        return 'a function';
      case 'object':
        if (raw === null) return 'null';
        return Array.isArray(raw) ? `a list of ${raw.length} items` : 'an object';
      default:
        return 'an unknown value';
    }
  } catch {
    return 'a value that cannot be read'; // a revoked Proxy throws even on Array.isArray
  }
}

/** Null when `body.nodes` is not a list (the tutorial's 400 "Please supply a valid list of nodes"). */
export function planRegister(
  self: string,
  current: readonly Address[],
  body: unknown,
  maxPeers: number,
): RegisterPlan | null {
  let nodes: unknown;
  try {
    nodes = (body as { nodes?: unknown } | null)?.nodes;
    if (!Array.isArray(nodes)) return null;
  } catch {
    return null;
  }
  const peers = [...current];
  const added: Address[] = [];
  const rejected: { url: string; error: Failure }[] = [];
  // Past the peer limit nothing more can be added: a list of a million entries is judged no further than this.
  const judged = Math.min(nodes.length, maxPeers + MAX_REJECTED);
  for (let i = 0; i < judged; i++) {
    let raw: unknown;
    let url: string;
    try {
      raw = nodes[i];
      url = describeEntry(raw);
    } catch {
      url = 'an entry that cannot be read'; // an element can be a getter that throws
    }
    const netloc =
      typeof raw === 'string'
        ? netlocOf(raw)
        : fail(
            failure(
              'E_BAD_URL',
              `${url[0]?.toUpperCase()}${url.slice(1)} is not a node address: give a text like "http://bob:5000".`,
            ),
          );
    if (!netloc.ok) {
      rejected.push({ url, error: netloc.error });
    } else if (netloc.value === self) {
      rejected.push({
        url,
        error: failure('E_SELF', `${netloc.value} is this node itself; a node cannot be its own peer.`),
      });
    } else if (peers.includes(netloc.value as Address)) {
      continue; // the tutorial keeps a set: registering twice changes nothing
    } else if (peers.length >= maxPeers) {
      rejected.push({
        url,
        error: failure('E_PEER_LIMIT', `This node already has ${maxPeers} peers, the most allowed.`),
      });
    } else {
      peers.push(netloc.value as Address);
      added.push(netloc.value as Address);
    }
  }
  if (nodes.length > judged)
    rejected.push({
      url: `${nodes.length - judged} more entries`,
      error: failure('E_TOO_LARGE', `Only the first ${judged} of ${nodes.length} entries were read.`),
    });
  return { peers, added, rejected };
}
