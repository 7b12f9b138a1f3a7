// The tutorial's block and transaction, with exactly its field names
// (docs/protocol.md "Blocks and transactions").
import type { Amount } from './amount';
import type { PyJson } from './encoding';
import type { HexHash } from './hash';

export interface Transaction {
  readonly sender: string;
  readonly recipient: string;
  /** An int of any size (bigint beyond 2⁵³, as Python keeps 2**64 exactly) or a float. */
  readonly amount: Amount;
  /** Python printed this amount as a float although its value is integral (5.0); keep it so the hash matches. */
  readonly amountIsFloat?: true;
  /**
   * A transaction Python's node took whose fields are not two names and a number — it takes any JSON value: a
   * list, null, true, an object, a number as sender. Kept exactly as Python holds it, so it hashes the same
   * (docs/protocol.md "Blocks and transactions"). `sender` and `recipient` then read as that JSON's text and
   * `amount` is 0; the strict rules refuse such a transaction (E_SCHEMA).
   */
  readonly json?: { readonly sender: PyJson; readonly recipient: PyJson; readonly amount: PyJson };
}

export interface Block {
  readonly index: number;
  /** Python time(): always a float of Unix seconds. */
  readonly timestamp: number;
  readonly transactions: readonly Transaction[];
  /** An int. The tutorial counts up from 0, but Python's valid_proof takes any int: negative, 2**64 … */
  readonly proof: number | bigint;
  /**
   * "1" for genesis (the article's first version wrote the int 1, and the tutorial never checks genesis), else
   * the hex hash of the previous block.
   */
  readonly previous_hash: HexHash | string | number;
  /** Made in event mode: the proof is a placeholder nobody checked, so the chain is never exported. */
  readonly noProof?: true;
  /**
   * Header rule under retargeting: the target this block was mined at, in compact form (src/core/target.ts). Not
   * one of the tutorial's fields, so never hashed into the block or exported; the proof commits to it (the header
   * line holds it), and validation checks it against the rule (E_TARGET, docs/protocol.md "Retargeting").
   */
  readonly bits?: number;
}

export type Chain = readonly Block[];

/** The sender of a mining reward (tutorial: `sender="0"`). */
export const REWARD_SENDER = '0';
/** The tutorial's reward: 1 coin per forged block. */
export const REWARD_AMOUNT = 1;
