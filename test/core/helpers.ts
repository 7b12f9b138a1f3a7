// Shared fixtures for the core tests: Python-made vectors and a small miner that builds chains at low difficulty.
import { readFileSync } from 'node:fs';
import { forgeBlock, genesisBlock, hashBlock, rewardTx } from '../../src/core/block';
import { proofInput, searchProof, type PowParams } from '../../src/core/pow';
import type { Block, Chain, Transaction } from '../../src/core/types';

export function readVectors<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./vectors/${name}`, import.meta.url), 'utf8')) as T;
}

/** The genesis timestamp of the pinned vectors (docs/protocol.md "Test vectors"). */
export const T0 = 1700000000;
export const MINER = 'miner-a';

export interface BlockSpec {
  /** All transactions of the block, reward included (default: just a reward of 1 to MINER). */
  readonly transactions?: readonly Transaction[];
  /** Default: previous timestamp + 10.5 seconds. */
  readonly timestamp?: number;
  /** Default: previous index + 1. */
  readonly index?: number;
}

/**
 * Mine blocks on top of `start` so that links and proofs are right under `params`, whatever else a spec breaks
 * (index, rewards, amounts, timestamps): only the rule under test fails.
 */
export function mine(
  params: PowParams,
  specs: readonly BlockSpec[],
  start: Chain = [genesisBlock(T0)],
): Block[] {
  const chain = [...start];
  for (const spec of specs) {
    const last = chain[chain.length - 1] as Block;
    const timestamp = spec.timestamp ?? last.timestamp + 10.5;
    const transactions = spec.transactions ?? [rewardTx(MINER)];
    const found = searchProof(params, proofInput(params, last, { timestamp, transactions }));
    if (!found) throw new Error('no proof found');
    chain.push(
      Object.freeze({
        index: spec.index ?? last.index + 1,
        timestamp,
        transactions,
        proof: found.proof,
        previous_hash: hashBlock(last),
      }),
    );
  }
  return chain;
}

/** `n` ordinary blocks after genesis, mined with forgeBlock exactly as the node's /mine does. */
export function mineSimple(
  params: PowParams,
  n: number,
  miner = MINER,
  start: Chain = [genesisBlock(T0)],
): Block[] {
  const chain = [...start];
  for (let i = 0; i < n; i++) {
    const last = chain[chain.length - 1] as Block;
    const timestamp = last.timestamp + 7.25;
    const draft = { timestamp, transactions: [rewardTx(miner)] };
    const found = searchProof(params, proofInput(params, last, draft));
    if (!found) throw new Error('no proof found');
    chain.push(forgeBlock(last, [], miner, found.proof, timestamp));
  }
  return chain;
}

/** A copy of `chain` with block at 1-based position `n` replaced by `f(block)` (links are not repaired). */
export function tamper(chain: Chain, n: number, f: (b: Block) => Block): Block[] {
  return chain.map((b, i) => (i === n - 1 ? Object.freeze(f(b)) : b));
}

export function tx(sender: string, recipient: string, amount: number): Transaction {
  return { sender, recipient, amount };
}
