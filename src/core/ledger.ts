// Balances from the chain's transactions (an optional strict rule; the tutorial keeps no balances).
import { addAmounts, negate, type Amount } from './amount';
import { REWARD_SENDER, type Block, type Chain } from './types';

export type Balances = Map<string, Amount>;

export interface Overdraft {
  readonly sender: string;
  readonly amount: Amount;
  readonly had: Amount;
}

/** Apply a block's transactions; returns the first overdraft, if any (rewards mint from nothing). */
export function applyBlock(balances: Balances, block: Block): Overdraft | null {
  let first: Overdraft | null = null;
  for (const tx of block.transactions) {
    if (tx.sender !== REWARD_SENDER) {
      const had = balances.get(tx.sender) ?? 0;
      if (had < tx.amount && first === null) first = { sender: tx.sender, amount: tx.amount, had };
      balances.set(tx.sender, addAmounts(had, negate(tx.amount)));
    }
    balances.set(tx.recipient, addAmounts(balances.get(tx.recipient) ?? 0, tx.amount));
  }
  return first;
}

export function balancesOf(chain: Chain): Balances {
  const balances: Balances = new Map();
  for (const block of chain) applyBlock(balances, block);
  return balances;
}
