// Everything a user can do to a simulation, as data: the app sends these, a share link replays them.
import type { Chain, Transaction } from '../core/types';
import type { ParamsPatch } from './params';

export type Command =
  | { readonly type: 'add-node'; readonly share?: number }
  | { readonly type: 'remove-node'; readonly node: string }
  | { readonly type: 'register'; readonly node: string; readonly urls: readonly string[] }
  | { readonly type: 'register-all' }
  | { readonly type: 'mine'; readonly node: string }
  | { readonly type: 'auto-mine'; readonly node: string; readonly on: boolean }
  | { readonly type: 'transaction'; readonly node: string; readonly body: unknown }
  | { readonly type: 'resolve'; readonly node: string }
  /** Every node resolves at once, without a request (the end of a headless run). */
  | { readonly type: 'resolve-all' }
  | { readonly type: 'partition'; readonly groups: readonly (readonly string[])[] }
  | { readonly type: 'heal' }
  | { readonly type: 'set-share'; readonly node: string; readonly share: number }
  | { readonly type: 'set-params'; readonly patch: ParamsPatch }
  /** Who finds the proofs from now on: the world itself, or miners outside it (docs/architecture.md "Mining"). */
  | { readonly type: 'set-miner'; readonly miner: 'hash' | 'external' }
  | {
      readonly type: 'tamper';
      readonly node: string;
      readonly blockNumber: number;
      readonly txIndex: number;
      readonly tx: Partial<Transaction>;
    }
  | { readonly type: 'remine'; readonly node: string; readonly fromBlock: number }
  // Bug lab (docs/protocol.md "Known flaws of the tutorial node"): misbehaving nodes, and a chain file loaded into a node.
  | { readonly type: 'set-reward'; readonly node: string; readonly amount: number }
  | { readonly type: 'claim-length'; readonly node: string; readonly length: number | null }
  | { readonly type: 'copy-proof'; readonly node: string; readonly from: string }
  | { readonly type: 'load-chain'; readonly node: string; readonly chain: Chain };
