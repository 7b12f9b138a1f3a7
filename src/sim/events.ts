// What a simulation tells the outside world (the store, the CLI's --out file, the tests). Plain data.
import type { ForkChoice, Verdict } from '../core/consensus';
import type { Failure } from '../core/errors';
import type { HexHash } from '../core/hash';
import type { Transaction } from '../core/types';
import type { MessageRecord } from './bus';
import type { Flaws, SimParams } from './params';

export interface ResolveLine {
  readonly peer: string;
  readonly verdict: 'adopted' | 'not-better' | 'outbid' | 'invalid' | 'unavailable';
  readonly length: number | null;
  readonly code?: string;
  /** The sentence for the consensus log, in English (the CLI, logs and saved runs read it). */
  readonly text: string;
  /**
   * The sentence's facts as plain data, so the page can say it in the reader's language (src/ui/outcomeText.ts).
   * Absent in runs saved before it existed: then the page shows `text`.
   */
  readonly facts?: OutcomeFacts;
}

/** What describeOutcome (src/core/consensus.ts) words: the verdict with its fault or error, and the sizes compared. */
export interface OutcomeFacts {
  readonly forkChoice: ForkChoice;
  readonly work: number | null;
  readonly verdict: Verdict;
}

export type SimEvent =
  | { readonly type: 'node-added'; readonly at: number; readonly node: string }
  | { readonly type: 'node-removed'; readonly at: number; readonly node: string }
  | { readonly type: 'message'; readonly at: number; readonly message: MessageRecord }
  | {
      readonly type: 'block-mined';
      readonly at: number;
      readonly node: string;
      readonly index: number;
      readonly hash: HexHash;
      readonly proof: number | bigint;
      readonly attempts: number;
      readonly seconds: number;
      /** Zero bits for the header rule (fractional under retargeting), hex zeros for the tutorial rules. */
      readonly difficulty: number;
      /** Under retargeting: the block's exact target, compact (src/core/target.ts). */
      readonly bits?: number;
    }
  | {
      readonly type: 'resolve';
      readonly at: number;
      readonly node: string;
      readonly trigger: 'manual' | 'periodic' | 'announce' | 'final';
      readonly message: string;
      readonly ownLength: number;
      readonly adoptedFrom: string | null;
      readonly lines: readonly ResolveLine[];
      /** Why nothing could change, when that is the whole story (e.g. no peers registered). */
      readonly note?: string;
    }
  | {
      readonly type: 'chain-replaced';
      readonly at: number;
      readonly node: string;
      readonly from: string;
      readonly oldLength: number;
      readonly newLength: number;
      readonly forkPoint: number;
      readonly droppedBlocks: number;
      readonly returnedTxs: readonly Transaction[];
    }
  | {
      readonly type: 'transaction';
      readonly at: number;
      readonly node: string;
      readonly accepted: boolean;
      readonly tx?: Transaction;
      readonly blockIndex?: number;
      readonly error?: Failure;
    }
  | {
      readonly type: 'peers';
      readonly at: number;
      readonly node: string;
      readonly added: readonly string[];
      readonly rejected: readonly { readonly url: string; readonly error: Failure }[];
    }
  | { readonly type: 'mining'; readonly at: number; readonly node: string; readonly active: boolean }
  /** The network split into groups of node names that cannot reach each other. */
  | { readonly type: 'partition'; readonly at: number; readonly groups: readonly (readonly string[])[] }
  | { readonly type: 'heal'; readonly at: number }
  /** Settings changed (difficulty, rule, latency …): the new settings and the names of what changed. */
  | {
      readonly type: 'settings';
      readonly at: number;
      readonly params: SimParams;
      readonly changed: readonly string[];
    }
  /** One of the tutorial's flaws switched on or off (docs/protocol.md "Known flaws of the tutorial node"). */
  | { readonly type: 'flaw'; readonly at: number; readonly name: keyof Flaws; readonly on: boolean }
  /** Bug lab: what a node now pays itself per block. */
  | { readonly type: 'reward'; readonly at: number; readonly node: string; readonly amount: number }
  /** Bug lab: the length a node's GET /chain now claims (null: the truth). */
  | {
      readonly type: 'claimed-length';
      readonly at: number;
      readonly node: string;
      readonly length: number | null;
    }
  | { readonly type: 'chain-loaded'; readonly at: number; readonly node: string; readonly length: number }
  /** A real node connected, disconnected, or answered GET /chain (its chain's length, or why not). */
  | {
      readonly type: 'host';
      readonly at: number;
      readonly address: string;
      readonly change: 'connected' | 'answered' | 'disconnected';
      readonly length: number | null;
      readonly error: Failure | null;
    }
  | { readonly type: 'tampered'; readonly at: number; readonly node: string; readonly blockNumber: number }
  | { readonly type: 'error'; readonly at: number; readonly node?: string; readonly error: Failure };
