// A student's edits to one node's copy of the chain, as pure functions from a chain to a new chain.
import { editTx, hashBlock } from '../core/block';
import { fail, failure, ok, type Result } from '../core/errors';
import { proofInput, type PowParams } from '../core/pow';
import type { Block, Chain, Transaction } from '../core/types';
import { createSearch, run } from '../search/fastSearch';
import { targetFor } from '../search/searchCommon';

/** The chain with one transaction changed; nothing is re-hashed, so later links break (the lesson). */
export function tamperedChain(
  chain: Chain,
  blockNumber: number,
  txIndex: number,
  patch: Partial<Transaction>,
): Result<Chain> {
  const block = chain[blockNumber - 1];
  const tx = block?.transactions[txIndex];
  if (!block || !tx)
    return fail(failure('E_SCHEMA', `Block ${blockNumber} has no transaction ${txIndex + 1}.`));
  const changed = editTx(tx, patch);
  const transactions = block.transactions.map((t, i) => (i === txIndex ? changed : t));
  const edited: Block = Object.freeze({ ...block, transactions: Object.freeze(transactions) });
  return ok(chain.map((b, i) => (i === blockNumber - 1 ? edited : b)));
}

/** Redo the proof of work from `fromBlock` on, relinking each block to the new hash of the one before. */
export function reminedChain(
  chain: Chain,
  fromBlock: number,
  powAt: (index: number) => PowParams,
): Result<Chain> {
  if (fromBlock < 2 || fromBlock > chain.length)
    return fail(failure('E_SCHEMA', `Blocks 2 to ${chain.length} can be re-mined, not ${fromBlock}.`));
  const out = [...chain];
  for (let i = fromBlock - 1; i < out.length; i++) {
    const prev = out[i - 1] as Block;
    const b = out[i] as Block;
    const pow = powAt(b.index);
    // The fast search (src/worker), synchronously: the honest work is redone block by block.
    const search = createSearch({ ...proofInput(pow, prev, b), startNonce: 0, target: targetFor(pow) });
    const found = run(search, Number.MAX_SAFE_INTEGER).found;
    if (!found) return fail(failure('E_POW', 'No proof found.'));
    out[i] = Object.freeze({ ...b, previous_hash: hashBlock(prev), proof: found.proof });
  }
  return ok(out);
}
