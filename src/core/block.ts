// Genesis, forging and hashing of the tutorial's blocks (docs/protocol.md "Blocks and transactions").
import { dumps, PyFloat, type PyJson } from './encoding';
import { sha256Hex, type HexHash } from './hash';
import { REWARD_AMOUNT, REWARD_SENDER, type Block, type Transaction } from './types';

/** The amount as Python holds it: an integral float stays a float (5.0), ints keep every digit. */
export function amountJson(tx: Transaction): PyJson {
  return tx.amountIsFloat && typeof tx.amount === 'number' ? new PyFloat(tx.amount) : tx.amount;
}

/** The amount exactly as Python prints it: "5", "5.0", "18446744073709551616", "1e+16". */
export function amountText(tx: Transaction): string {
  return dumps(tx.json ? tx.json.amount : amountJson(tx));
}

/** A transaction from any three JSON values, as Python's node takes them (see Transaction.json). */
export function txFromValues(sender: PyJson, recipient: PyJson, amount: PyJson): Transaction {
  const plainAmount = amount instanceof PyFloat || typeof amount === 'number' || typeof amount === 'bigint';
  if (typeof sender === 'string' && typeof recipient === 'string' && plainAmount) {
    if (amount instanceof PyFloat)
      return Object.freeze({ sender, recipient, amount: amount.value, amountIsFloat: true });
    return Object.freeze({ sender, recipient, amount });
  }
  const text = (v: PyJson) => (typeof v === 'string' ? v : dumps(v));
  return Object.freeze({
    sender: text(sender),
    recipient: text(recipient),
    amount: 0,
    json: Object.freeze({ sender, recipient, amount }),
  });
}

/** `tx` with some fields changed; a new amount brings its own int or float form (the old 5.0 flag goes). */
export function editTx(tx: Transaction, patch: Partial<Transaction>): Transaction {
  if (!('amount' in patch)) return Object.freeze({ ...tx, ...patch });
  const { amountIsFloat: _old, ...rest } = tx;
  return Object.freeze({ ...rest, ...patch });
}

export function txToJson(tx: Transaction): PyJson {
  if (tx.json) return tx.json;
  return { sender: tx.sender, recipient: tx.recipient, amount: amountJson(tx) };
}

/**
 * The block as Python holds it: timestamp always a float, index and proof ints
 * (docs/protocol.md "Hashing: Python's json.dumps, byte for byte").
 */
export function blockToJson(block: Block): PyJson {
  return {
    index: block.index,
    timestamp: new PyFloat(block.timestamp),
    transactions: block.transactions.map(txToJson),
    proof: block.proof,
    previous_hash: block.previous_hash,
  };
}

/** `json.dumps(block, sort_keys=True)`: the exact bytes the Python node hashes. */
export function encodeBlock(block: Block): string {
  return dumps(blockToJson(block));
}

// Blocks are immutable and shared between nodes, so a block's hash is computed once (resolve stays O(new blocks)).
const hashes = new WeakMap<Block, HexHash>();

export function hashBlock(block: Block): HexHash {
  let h = hashes.get(block);
  if (h === undefined) {
    h = sha256Hex(encodeBlock(block));
    hashes.set(block, h);
  }
  return h;
}

export function genesisBlock(timestamp: number): Block {
  return Object.freeze({
    index: 1,
    timestamp,
    transactions: Object.freeze([]),
    proof: 100,
    previous_hash: '1',
  });
}

/**
 * The reward is 1 (docs/protocol.md "Blocks and transactions"); a greedy node may write more, which only
 * strict validation rejects.
 */
export function rewardTx(minerId: string, amount: number = REWARD_AMOUNT): Transaction {
  return Object.freeze({ sender: REWARD_SENDER, recipient: minerId, amount });
}

/**
 * The tutorial's /mine: append the reward to the pending transactions, then forge the block on top of `last`.
 * The proof must already have been found for `last` (and, for the header rule, for these transactions).
 */
export function forgeBlock(
  last: Block,
  pending: readonly Transaction[],
  minerId: string,
  proof: number | bigint,
  timestamp: number,
  reward: number = REWARD_AMOUNT,
): Block {
  return Object.freeze({
    index: last.index + 1,
    timestamp,
    transactions: Object.freeze([...pending, rewardTx(minerId, reward)]),
    proof,
    previous_hash: hashBlock(last),
  });
}

/** Transactions a miner would put in its next block: pending ones plus its reward, in the tutorial's order. */
export function blockTransactions(pending: readonly Transaction[], minerId: string): readonly Transaction[] {
  return [...pending, rewardTx(minerId)];
}
