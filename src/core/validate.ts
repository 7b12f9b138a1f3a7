// Chain validation → a Result naming the first bad block, a rule code and a sentence a student can read.
// `tutorial` is exactly the Python valid_chain (links and proofs only, docs/protocol.md "Validation");
// `strict` adds genesis, consecutive indexes, one reward of 1, positive amounts, timestamps and optional balances.
import { hashBlock } from './block';
import { dumps } from './encoding';
import { fail, ok, type Result } from './errors';
import { fault, NONE, type ChainFault } from './fault';
import { validProof, type PowParams } from './pow';
import { REWARD_AMOUNT, REWARD_SENDER, type Block, type Chain, type Transaction } from './types';
import { applyBlock, type Balances } from './ledger';
import { isPositive } from './amount';
import { blocksFrom, fromBlocks, toBlocks, type Link } from './chain';
import { expectedAfter, segmentAt, type TargetPlan } from './retarget';
import { bitsHex, zeroBitsOf } from './target';

export type Strictness = 'tutorial' | 'strict';

export interface ValidationOptions {
  readonly pow: PowParams;
  readonly strictness: Strictness;
  /** Strict only: reject a block whose sender spends more than they hold. Off by default. */
  readonly balances?: boolean;
  /** The difficulty a block at this index had to meet, when it changed during a run (default: pow.difficulty). */
  readonly difficultyAt?: (index: number) => number;
  /** Event mode: block times were drawn, not hashed, so proofs are placeholders and are not checked. */
  readonly skipProof?: boolean;
  /**
   * Header rule under retargeting: each block's target follows from the blocks before it (src/core/retarget.ts).
   * Replaces `difficultyAt`; a block that carries another target fails with E_TARGET.
   */
  readonly targets?: TargetPlan;
}

export type { ChainFault, FaultDetail, FaultId } from './fault';

export const TUTORIAL_VALIDATION: ValidationOptions = {
  pow: { rule: 'tutorial', difficulty: 4 },
  strictness: 'tutorial',
};

function powFor(opts: ValidationOptions, index: number): PowParams {
  return opts.difficultyAt ? { ...opts.pow, difficulty: opts.difficultyAt(index) } : opts.pow;
}

export function checkGenesis(block: Block): ChainFault | null {
  if (block.index !== 1)
    return fault('E_GENESIS', 1, `the genesis block must have index 1, not ${block.index}.`, {
      id: 'genesisIndex',
      values: { index: block.index },
    });
  if (block.previous_hash !== '1')
    return fault(
      'E_GENESIS',
      1,
      `the genesis block's previous_hash must be "1", not "${block.previous_hash}".`,
      { id: 'genesisPrevHash', values: { previousHash: String(block.previous_hash) } },
    );
  if (block.proof !== 100)
    return fault('E_GENESIS', 1, `the genesis block's proof must be 100, not ${block.proof}.`, {
      id: 'genesisProof',
      values: { proof: String(block.proof) },
    });
  if (block.transactions.length !== 0)
    return fault('E_GENESIS', 1, 'the genesis block must have no transactions.', {
      id: 'genesisNoTx',
      values: NONE,
    });
  return null;
}

/**
 * The links-and-proof check of the tutorial for the block at 1-based position `n` (n ≥ 2); `parent` is the
 * chain up to `prev` when the targets follow a retarget rule.
 */
function checkLink(
  prev: Block,
  block: Block,
  n: number,
  opts: ValidationOptions,
  parent?: Link,
): ChainFault | null {
  if (block.previous_hash !== hashBlock(prev)) {
    const says = short(String(block.previous_hash));
    const hashesTo = short(hashBlock(prev));
    return fault(
      'E_PREV_HASH',
      n,
      `previous_hash no longer matches block ${n - 1}'s hash (it says ${says}, block ${n - 1} hashes to ${hashesTo}).`,
      { id: 'prevHash', values: { before: n - 1, says, hashesTo } },
    );
  }
  if (opts.targets && parent) return checkTarget(prev, block, n, opts, opts.targets, parent);
  const pow = powFor(opts, block.index);
  if (!opts.skipProof && !validProof(pow, prev, block)) {
    const what =
      pow.rule === 'header' ? `${pow.difficulty} leading zero bits` : `${pow.difficulty} leading zeros`;
    return fault('E_POW', n, `proof ${block.proof} does not give a hash with ${what}.`, {
      id: pow.rule === 'header' ? 'powZeroBits' : 'powZeros',
      values: { proof: String(block.proof), zeros: pow.difficulty },
    });
  }
  return null;
}

/** Under retargeting: the block's target must be the rule's (E_TARGET), and its proof must reach it (E_POW). */
function checkTarget(
  prev: Block,
  block: Block,
  n: number,
  opts: ValidationOptions,
  plan: TargetPlan,
  parent: Link,
): ChainFault | null {
  const bits = expectedAfter(plan, parent);
  if (block.bits !== undefined && block.bits !== bits) {
    const rule = segmentAt(plan, block.index).rule;
    const from = rule
      ? `the ${rule.algorithm} retarget rule gives ${bitsHex(bits)} from the timestamps and targets of the blocks before it`
      : `blocks at this height are mined at ${bitsHex(bits)}`;
    const mined = bitsHex(block.bits);
    const expected = bitsHex(bits);
    return fault(
      'E_TARGET',
      n,
      `it was mined at the target ${mined}, but ${from}.`,
      rule
        ? { id: 'targetRule', values: { mined, expected, algorithm: rule.algorithm } }
        : { id: 'targetHeight', values: { mined, expected } },
    );
  }
  const pow: PowParams = { rule: 'header', difficulty: zeroBitsOf(bits), bits };
  if (!opts.skipProof && !validProof(pow, prev, block))
    return fault('E_POW', n, `proof ${block.proof} does not give a hash below the target ${bitsHex(bits)}.`, {
      id: 'powTarget',
      values: { proof: String(block.proof), target: bitsHex(bits) },
    });
  return null;
}

function checkStrict(prev: Block, block: Block, n: number): ChainFault | null {
  if (block.index !== prev.index + 1)
    return fault('E_INDEX', n, `its index is ${block.index}, but it follows block ${prev.index}.`, {
      id: 'index',
      values: { index: block.index, follows: prev.index },
    });
  if (block.timestamp < prev.timestamp)
    return fault('E_TIMESTAMP', n, `its timestamp ${block.timestamp} is earlier than the block before.`, {
      id: 'timestamp',
      values: { timestamp: block.timestamp },
    });
  const rewards = block.transactions.filter((tx) => tx.sender === REWARD_SENDER);
  if (rewards.length !== 1)
    return fault('E_REWARD', n, `it has ${rewards.length} mining rewards; exactly one is allowed.`, {
      id: 'rewardCount',
      values: { count: rewards.length },
    });
  const reward = rewards[0] as Transaction;
  if (reward !== block.transactions[block.transactions.length - 1])
    return fault('E_REWARD', n, 'the mining reward must be the last transaction.', {
      id: 'rewardLast',
      values: NONE,
    });
  if (reward.amount !== REWARD_AMOUNT)
    return fault(
      'E_REWARD',
      n,
      `the miner paid itself ${reward.amount} coins; the reward is ${REWARD_AMOUNT}.`,
      { id: 'rewardAmount', values: { amount: String(reward.amount), reward: REWARD_AMOUNT } },
    );
  for (const [i, tx] of block.transactions.entries()) {
    if (tx.json) {
      const json = dumps(tx.json).slice(0, 80);
      return fault(
        'E_SCHEMA',
        n,
        `transaction ${i + 1} is ${json}: the strict rules take a sender and a recipient that are text and an amount that is a number (the tutorial's node takes any JSON).`,
        { id: 'schema', values: { tx: i + 1, json } },
      );
    }
    if (!isPositive(tx.amount))
      return fault(
        'E_AMOUNT',
        n,
        `a transaction from "${tx.sender}" has amount ${tx.amount}; amounts must be positive.`,
        { id: 'amount', values: { sender: tx.sender, amount: String(tx.amount) } },
      );
  }
  return null;
}

function short(h: string): string {
  return h.length > 12 ? `${h.slice(0, 8)}…` : h;
}

/**
 * Validate `chain`, trusting its first `trustedPrefix` blocks (already validated, e.g. shared with our own chain),
 * so a resolve costs O(new blocks). Returns the number of blocks, or the first fault. A persistent chain (core/
 * chain.ts) is walked only as far back as the last trusted block, unless balances need the whole history.
 */
export function validateChain(
  chain: Chain | Link,
  opts: ValidationOptions,
  trustedPrefix = 0,
): Result<number, ChainFault> {
  if (opts.targets) return validateLinks(isLink(chain) ? chain : fromBlocks(chain), opts, trustedPrefix);
  if (!isLink(chain)) return validateBlocks(chain, 0, opts, trustedPrefix);
  if (opts.strictness === 'strict' && opts.balances)
    return validateBlocks(toBlocks(chain), 0, opts, trustedPrefix);
  const from = Math.min(Math.max(trustedPrefix, 1) - 1, chain.length - 1);
  return validateBlocks(blocksFrom(chain, from), from, opts, trustedPrefix - from);
}

const isLink = (c: Chain | Link): c is Link => !Array.isArray(c);

/** Links from position `from` (0-based) to the tip, in order. */
function linksFrom(chain: Link, from: number): Link[] {
  const out: Link[] = new Array(Math.max(0, chain.length - from));
  let l: Link | null = chain;
  for (let i = out.length - 1; i >= 0 && l; i--, l = l.parent) out[i] = l;
  return out;
}

/** Retargeting reads each block's ancestors, so the blocks are validated as links (still O(new blocks)). */
function validateLinks(chain: Link, opts: ValidationOptions, trusted: number): Result<number, ChainFault> {
  const whole = opts.strictness === 'strict' && opts.balances;
  const from = whole ? 0 : Math.min(Math.max(trusted, 1) - 1, chain.length - 1);
  const links = linksFrom(chain, from);
  return validateBlocks(
    links.map((l) => l.block),
    from,
    opts,
    trusted - from,
    (i) => links[i - 1],
  );
}

/**
 * `blocks` are positions `offset`… of a chain; the first `trusted` of them are already validated. `parentOf(i)`
 * gives the chain up to blocks[i − 1] when targets follow a retarget rule.
 */
function validateBlocks(
  blocks: Chain,
  offset: number,
  opts: ValidationOptions,
  trusted: number,
  parentOf?: (i: number) => Link | undefined,
): Result<number, ChainFault> {
  if (blocks.length === 0)
    return fail(fault('E_GENESIS', 1, 'the chain is empty.', { id: 'empty', values: NONE }));
  const strict = opts.strictness === 'strict';
  if (strict && trusted <= 0 && offset === 0) {
    const g = checkGenesis(blocks[0] as Block);
    if (g) return fail(g);
  }
  // Balances need the whole history; they are an opt-in teaching rule, not part of the tutorial.
  const balances: Balances | null = strict && opts.balances ? new Map() : null;
  if (balances) {
    for (let i = 0; i < Math.max(trusted, 1); i++) applyBlock(balances, blocks[i] as Block);
  }
  for (let i = Math.max(trusted, 1); i < blocks.length; i++) {
    const prev = blocks[i - 1] as Block;
    const block = blocks[i] as Block;
    const n = offset + i + 1;
    const f = checkLink(prev, block, n, opts, parentOf?.(i)) ?? (strict ? checkStrict(prev, block, n) : null);
    if (f) return fail(f);
    if (balances) {
      const overdrawn = applyBlock(balances, block);
      if (overdrawn) {
        return fail(
          fault(
            'E_BALANCE',
            n,
            `"${overdrawn.sender}" sends ${overdrawn.amount} but holds only ${overdrawn.had}.`,
            {
              id: 'balance',
              values: {
                sender: overdrawn.sender,
                amount: String(overdrawn.amount),
                had: String(overdrawn.had),
              },
            },
          ),
        );
      }
    }
  }
  return ok(offset + blocks.length);
}

/** Validity of every block, for the chain panel: null where a block is fine, else why it is not. */
export function blockFaults(chain: Chain, opts: ValidationOptions): (ChainFault | null)[] {
  const strict = opts.strictness === 'strict';
  const links = opts.targets && chain.length > 0 ? linksFrom(fromBlocks(chain), 0) : null;
  return chain.map((block, i) => {
    if (i === 0) return strict ? checkGenesis(block) : null;
    const prev = chain[i - 1] as Block;
    return (
      checkLink(prev, block, i + 1, opts, links?.[i - 1]) ?? (strict ? checkStrict(prev, block, i + 1) : null)
    );
  });
}
