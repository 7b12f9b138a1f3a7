// Pending transactions and what happens to them across a chain swap. The tutorial never reconciles them
// (docs/protocol.md "Known flaws of the tutorial node", #23: lost or duplicated); we do, unless the flaw switch asks for the tutorial's behaviour.
import { txToJson } from '../core/block';
import { dumps } from '../core/encoding';
import { REWARD_SENDER, type Block, type Transaction } from '../core/types';

/** Transactions carry no id in the tutorial: two are the same when their canonical encodings are equal. */
export function txKey(tx: Transaction): string {
  return dumps(txToJson(tx));
}

/** Remove from `pool` one occurrence of each transaction in `txs` (a multiset difference). */
export function withoutTxs(pool: readonly Transaction[], txs: readonly Transaction[]): Transaction[] {
  const counts = new Map<string, number>();
  for (const tx of txs) counts.set(txKey(tx), (counts.get(txKey(tx)) ?? 0) + 1);
  const out: Transaction[] = [];
  for (const tx of pool) {
    const k = txKey(tx);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else out.push(tx);
  }
  return out;
}

const userTxs = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => b.transactions.filter((tx) => tx.sender !== REWARD_SENDER));

export interface Reconciled {
  readonly mempool: Transaction[];
  /** Transactions of abandoned blocks that are not in the new chain: back to pending. */
  readonly returned: Transaction[];
}

/**
 * After replacing blocks `dropped` by `added`: user transactions of dropped blocks that the new chain lacks go
 * back to the mempool, and pending ones the new chain already holds leave it. Nothing lost, nothing doubled.
 * Rewards of abandoned blocks are not returned: they only existed because that block was mined.
 */
export function reconcile(
  mempool: readonly Transaction[],
  dropped: readonly Block[],
  added: readonly Block[],
): Reconciled {
  // The common case, a chain that only grew while nothing was pending: nothing to return or remove.
  if (dropped.length === 0 && mempool.length === 0)
    return { mempool: mempool as Transaction[], returned: [] };
  const returned = withoutTxs(userTxs(dropped), userTxs(added));
  const stillPending = withoutTxs(mempool, withoutTxs(userTxs(added), userTxs(dropped)));
  return { mempool: [...returned, ...stillPending], returned };
}
