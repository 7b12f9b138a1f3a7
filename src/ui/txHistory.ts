// What happened to each transaction a node accepted, worked out from the store: still pending, in a block of
// the node's chain, back in the mempool after a reorg, or gone (the tutorial's flaw #23,
// docs/protocol.md "Known flaws of the tutorial node").
// Transactions carry no id in the tutorial, so equal sender/recipient/amount are matched oldest first.
import { amountText } from '../core/block';
import type { Chain, Transaction } from '../core/types';
import type { TxEvent } from '../store/appStore';

export type TxFate =
  | { readonly kind: 'pending'; readonly returned: boolean }
  | { readonly kind: 'included'; readonly block: number; readonly returned: boolean }
  | { readonly kind: 'lost'; readonly afterReplace: boolean };

export interface TxRow {
  readonly key: string;
  readonly tx: Transaction;
  readonly at: number;
  readonly fate: TxFate;
}

export function txKey(tx: Transaction): string {
  return `${tx.sender}\u0000${tx.recipient}\u0000${amountText(tx)}`;
}

/** Keys of transactions a chain swap on `node` put back into its mempool. */
export function returnedKeys(node: string, events: readonly TxEvent[]): Set<string> {
  const keys = new Set<string>();
  for (const e of events)
    if (e.type === 'chain-replaced' && e.node === node) for (const tx of e.returnedTxs) keys.add(txKey(tx));
  return keys;
}

export function txHistory(
  node: string,
  events: readonly TxEvent[],
  chain: Chain,
  mempool: readonly Transaction[],
): TxRow[] {
  const inChain = new Map<string, number[]>();
  for (const block of chain)
    for (const tx of block.transactions) {
      const k = txKey(tx);
      inChain.set(k, [...(inChain.get(k) ?? []), block.index]);
    }
  const pending = new Map<string, number>();
  for (const tx of mempool) pending.set(txKey(tx), (pending.get(txKey(tx)) ?? 0) + 1);
  const swaps = events.filter((e) => e.type === 'chain-replaced' && e.node === node);

  const rows: TxRow[] = [];
  const seen = new Map<string, number>();
  for (const e of events) {
    if (e.type !== 'transaction' || e.node !== node || !e.accepted || !e.tx) continue;
    const key = txKey(e.tx);
    // A stable React key: the same transaction can be sent twice at one instant.
    const id = `${key}@${e.at}`;
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    const later = swaps.filter((s) => s.at >= e.at);
    const returned = later.some(
      (s) => s.type === 'chain-replaced' && s.returnedTxs.some((t) => txKey(t) === key),
    );
    const blocks = inChain.get(key);
    const left = pending.get(key) ?? 0;
    let fate: TxFate;
    if (blocks && blocks.length > 0) fate = { kind: 'included', block: blocks.shift() as number, returned };
    else if (left > 0) {
      pending.set(key, left - 1);
      fate = { kind: 'pending', returned };
    } else fate = { kind: 'lost', afterReplace: later.length > 0 };
    rows.push({ key: `${id}#${n}`, tx: e.tx, at: e.at, fate });
  }
  return rows;
}
