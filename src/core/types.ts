// The tutorial's block and transaction, with exactly its field names
// (docs/protocol.md "Blocks and transactions").
import type { Amount } from './amount';
import type { HexHash } from './hash';

export interface Transaction {
  readonly sender: string;
  readonly recipient: string;
  /** An int of any size (bigint beyond 2⁵³, as Python keeps 2**64 exactly) or a float. */
  readonly amount: Amount;
  /** Python printed this amount as a float although its value is integral (5.0); keep it so the hash matches. */
  readonly amountIsFloat?: true;
}

export interface Block {
  readonly index: number;
  /** Python time(): always a float of Unix seconds. */
  readonly timestamp: number;
  readonly transactions: readonly Transaction[];
  readonly proof: number;
  /** "1" for genesis, else the hex hash of the previous block. */
  readonly previous_hash: HexHash | '1';
  /** Made in event mode: the proof is a placeholder nobody checked, so the chain is never exported. */
  readonly noProof?: true;
}

export type Chain = readonly Block[];

/** The sender of a mining reward (tutorial: `sender="0"`). */
export const REWARD_SENDER = '0';
/** The tutorial's reward: 1 coin per forged block. */
export const REWARD_AMOUNT = 1;
