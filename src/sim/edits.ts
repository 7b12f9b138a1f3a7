// A student's edits to one node's copy of the chain, as pure functions from a chain to a new chain.
import { editTx, hashBlock } from '../core/block';
import { fail, failure, ok, type Result } from '../core/errors';
import { proofInput, validProof, type PowParams } from '../core/pow';
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

/**
 * Redo the proof of work from `fromBlock` on, relinking each block to the new hash of the one before. With
 * `proofs` (one per block from `fromBlock`, found by a worker) each is checked against its block's own difficulty
 * instead of searched for, so the page never hashes on its main thread (docs/protocol.md "Proof of work").
 */
export function reminedChain(
  chain: Chain,
  fromBlock: number,
  powAt: (index: number) => PowParams,
  proofs?: readonly number[],
): Result<Chain> {
  if (fromBlock < 2 || fromBlock > chain.length)
    return fail(failure('E_SCHEMA', `Blocks 2 to ${chain.length} can be re-mined, not ${fromBlock}.`));
  if (proofs && proofs.length !== chain.length - fromBlock + 1)
    return fail(
      failure('E_SCHEMA', `Re-mining blocks ${fromBlock}–${chain.length} needs one proof per block.`),
    );
  const out = [...chain];
  for (let i = fromBlock - 1; i < out.length; i++) {
    const prev = out[i - 1] as Block;
    const b = out[i] as Block;
    const pow = powAt(b.index);
    const given = proofs?.[i - fromBlock + 1];
    if (given !== undefined) {
      const relinked: Block = Object.freeze({ ...b, previous_hash: hashBlock(prev), proof: given });
      if (!validProof(pow, prev, relinked))
        return fail(
          failure(
            'E_POW',
            `The proof found for block ${i + 1} no longer fits it: the chain changed meanwhile.`,
          ),
        );
      out[i] = relinked;
      continue;
    }
    // The fast search (src/worker), synchronously: the honest work is redone block by block.
    const search = createSearch({ ...proofInput(pow, prev, b), startNonce: 0, target: targetFor(pow) });
    const found = run(search, Number.MAX_SAFE_INTEGER).found;
    if (!found) return fail(failure('E_POW', 'No proof found.'));
    out[i] = Object.freeze({ ...b, previous_hash: hashBlock(prev), proof: found.proof });
  }
  return ok(out);
}
