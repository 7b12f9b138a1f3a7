// How everything outside the engine reads a node: a read-only view of its state in the current world, with the
// chain as the tutorial's list of blocks. Only commands change a node (docs/architecture.md "The world and
// step"). A view stays valid while the run moves on; after the node is removed it keeps showing its last state.
import { toBlocks, type Link } from '../core/chain';
import type { Block, Chain, Transaction } from '../core/types';
import type { Address, NodeId, NodeState, World } from './world';

export interface SimNode {
  readonly id: NodeId;
  /** The network address peers register: "alice:5000". */
  readonly netloc: Address;
  readonly url: string;
  chain(): Chain;
  /** The chain as the engine holds it (persistent, shared with other nodes). */
  link(): Link;
  mempool(): readonly Transaction[];
  peers(): readonly Address[];
  abandoned(): readonly Block[];
  share(): number;
  autoMine(): boolean;
  mining(): boolean;
  resolving(): boolean;
  reward(): number;
  claimedLength(): number | null;
}

/**
 * Chains as lists, by chain: nodes holding the same chain get the same list, and an unchanged chain keeps its
 * identity, so panels that memoise on it do not redraw. Only the most recent few are kept: lists cost O(length).
 */
export function listCache(keep = 64): (link: Link) => Chain {
  const cache = new Map<Link, Chain>();
  return (link) => {
    let blocks = cache.get(link);
    if (blocks) return blocks;
    blocks = toBlocks(link);
    cache.set(link, blocks);
    if (cache.size > keep) cache.delete(cache.keys().next().value as Link);
    return blocks;
  };
}

export function createNodeView(id: NodeId, world: () => World, list = listCache(1)): SimNode {
  let last: NodeState | null = null;
  const state = (): NodeState => {
    const n = world().nodes.find((x) => x.id === id) ?? last;
    if (!n) throw new Error(`no node ${id}`);
    last = n;
    return n;
  };
  const netloc = `${id}:5000` as Address;
  return {
    id,
    netloc,
    url: `http://${netloc}`,
    chain: () => list(state().chain),
    link: () => state().chain,
    mempool: () => state().mempool,
    peers: () => state().peers,
    abandoned: () => state().abandoned,
    share: () => state().share,
    autoMine: () => state().autoMine,
    mining: () => state().job !== null,
    resolving: () => state().resolving !== null,
    reward: () => state().reward,
    claimedLength: () => state().claimedLength,
  };
}
