// A chain as a persistent list from its tip: appending a block is O(1), and nodes whose chains share a prefix
// share its memory (every block and link of it). A resolve then costs O(new blocks + fork depth), never
// O(history): the fork point is found by walking back from both tips until the links are the same object.
import { hashBlock } from './block';
import type { Block, Chain } from './types';

export interface Link {
  readonly block: Block;
  /** The chain without its tip; null for the genesis block. */
  readonly parent: Link | null;
  /** Number of blocks (the genesis block alone is 1, as the tutorial's `len(chain)`). */
  readonly length: number;
}

export function genesisLink(genesis: Block): Link {
  return { block: genesis, parent: null, length: 1 };
}

export function extend(chain: Link, block: Block): Link {
  return { block, parent: chain, length: chain.length + 1 };
}

/** The first `length` blocks of `chain` (length 1 ≤ length ≤ chain.length). */
export function ancestor(chain: Link, length: number): Link {
  let l = chain;
  while (l.length > length && l.parent) l = l.parent;
  return l;
}

/** Blocks from position `from` (0-based) to the tip, in order: O(chain.length − from). */
export function blocksFrom(chain: Link, from: number): Block[] {
  const out: Block[] = new Array(Math.max(0, chain.length - from));
  let l: Link | null = chain;
  for (let i = out.length - 1; i >= 0 && l; i--, l = l.parent) out[i] = l.block;
  return out;
}

/** The whole chain as an array (the tutorial's list of blocks), for panels, files and tests. */
export function toBlocks(chain: Link): Chain {
  return blocksFrom(chain, 0);
}

export function fromBlocks(blocks: Chain): Link {
  return relink(null, blocks);
}

/**
 * `blocks` as a chain that reuses the links of `base` for the prefix both share block for block (same objects),
 * so an edited copy of a chain still shares its untouched history with the original.
 */
export function relink(base: Link | null, blocks: Chain): Link {
  if (blocks.length === 0) throw new Error('a chain has at least its genesis block');
  let shared = 0;
  let link: Link | null = null;
  if (base) {
    const own = toBlocks(base);
    const n = Math.min(own.length, blocks.length);
    while (shared < n && own[shared] === blocks[shared]) shared++;
    if (shared > 0) link = ancestor(base, shared);
  }
  for (let i = shared; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    link = link ? extend(link, block) : genesisLink(block);
  }
  return link as Link;
}

export interface Fork {
  /** How many leading blocks the two chains share. */
  readonly common: number;
  /** Blocks of `a` after the shared prefix (what `a` drops when it adopts `b`). */
  readonly onlyA: readonly Block[];
  /** Blocks of `b` after the shared prefix (what has to be validated, and what `a` gains). */
  readonly onlyB: readonly Block[];
}

const sameBlock = (x: Block, y: Block) => x === y || hashBlock(x) === hashBlock(y);

/**
 * Where two chains part. Links that are the same object share everything before them, so the walk back from the
 * tips stops there; blocks after it are compared from the front, by object or by hash, because a peer's chain
 * is not validated yet: a match at position i says nothing about the blocks before it (a forged early block must
 * not be trusted). Chains decoded from JSON share no links, and cost one pass over their blocks.
 */
export function fork(a: Link, b: Link): Fork {
  const tailA: Block[] = [];
  const tailB: Block[] = [];
  let x: Link | null = a;
  let y: Link | null = b;
  while (x && x.length > (y ? y.length : 0)) {
    tailA.push(x.block);
    x = x.parent;
  }
  while (y && y.length > (x ? x.length : 0)) {
    tailB.push(y.block);
    y = y.parent;
  }
  while (x && y && x !== y) {
    tailA.push(x.block);
    tailB.push(y.block);
    x = x.parent;
    y = y.parent;
  }
  const base = x ? x.length : 0;
  tailA.reverse();
  tailB.reverse();
  let same = 0;
  const n = Math.min(tailA.length, tailB.length);
  while (same < n && sameBlock(tailA[same] as Block, tailB[same] as Block)) same++;
  return { common: base + same, onlyA: tailA.slice(same), onlyB: tailB.slice(same) };
}

/** The tip's hash, memoised per block (core/block.ts). */
export const tipHash = (chain: Link) => hashBlock(chain.block);
