// Everything a user can do to a simulation, as data: the app sends these, a share link replays them.
import type { Chain, Transaction } from '../core/types';
import type { ParamsPatch } from './params';

export type Command =
  /** `name` and `address` for a node that is a real host (the HTTP node names itself and listens somewhere). */
  | {
      readonly type: 'add-node';
      readonly share?: number;
      readonly name?: string;
      readonly address?: string;
    }
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
  /** `resolve`: every node then resolves at once, so the heal has a visible outcome (older runs: only the heal). */
  | { readonly type: 'heal'; readonly resolve?: boolean }
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
  /**
   * Redo the proofs from `fromBlock` on. `proofs` (one per block, found outside the world, e.g. by a worker) are
   * checked rather than searched for; without them the world searches itself (older runs).
   */
  | {
      readonly type: 'remine';
      readonly node: string;
      readonly fromBlock: number;
      readonly proofs?: readonly number[];
    }
  // Bug lab (docs/protocol.md "Known flaws of the tutorial node"): misbehaving nodes, and a chain file loaded into a node.
  | { readonly type: 'set-reward'; readonly node: string; readonly amount: number }
  | { readonly type: 'claim-length'; readonly node: string; readonly length: number | null }
  | { readonly type: 'copy-proof'; readonly node: string; readonly from: string }
  /**
   * Attackers (docs/architecture.md "Attackers", src/sim/policy.ts): a node withholds blocks as a selfish pool
   * does, or races a private branch against a payment; "honest" ends either. A double-spend attack needs the
   * merchant's confirmations, the blocks behind at which it gives up, and whether it pre-mines one block.
   */
  | {
      readonly type: 'set-policy';
      readonly node: string;
      readonly policy: 'honest' | 'selfish' | 'double-spend';
      readonly confirmations?: number;
      readonly giveUp?: number;
      readonly premine?: boolean;
    }
  /** The one-way latency of every link touching this node, in seconds (null: the network's; src/sim/bus.ts). */
  | { readonly type: 'set-latency'; readonly node: string; readonly latency: number | null }
  /**
   * Replace a node's chain with one from a file. It is judged by the network's rules, or with `judge: "shown"`
   * (a file a user picked) at the difficulty its own blocks show (src/sim/apply.ts importValidation).
   */
  | { readonly type: 'load-chain'; readonly node: string; readonly chain: Chain; readonly judge?: 'shown' }
  /** Real nodes (src/sim/hosts.ts): read one's chain over HTTP, look again, stop reading it. */
  | { readonly type: 'connect-host'; readonly url: string }
  | { readonly type: 'refresh-host'; readonly address: string }
  | { readonly type: 'disconnect-host'; readonly address: string };
