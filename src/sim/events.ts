// What a simulation tells the outside world (the store, the CLI's --out file, the tests). Plain data.
import type { Failure } from '../core/errors';
import type { HexHash } from '../core/hash';
import type { Transaction } from '../core/types';
import type { MessageRecord } from './network';

export interface ResolveLine {
  readonly peer: string;
  readonly verdict: 'adopted' | 'not-better' | 'outbid' | 'invalid' | 'unavailable';
  readonly length: number | null;
  readonly code?: string;
  /** The sentence for the consensus log. */
  readonly text: string;
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
      readonly proof: number;
      readonly attempts: number;
      readonly seconds: number;
      readonly difficulty: number;
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
  | { readonly type: 'params'; readonly at: number; readonly what: string }
  | { readonly type: 'tampered'; readonly at: number; readonly node: string; readonly blockNumber: number }
  | { readonly type: 'error'; readonly at: number; readonly node?: string; readonly error: Failure };
