// A run as data: the settings it started from, every input that came from outside the world in the order it
// happened, and a check of the state it reached. A share link, an autosave and an exported run file all hold
// this (docs/share-links.md).
//
// Inputs are commands (what the user did) and found proofs (what the app's Web Worker miners reported, and
// when): those miners are not deterministic, so a replay delivers their recorded proofs instead of hashing again.
// A run mined inside the world (`miner: "hash"`, lessons and headless runs; or event mode) records commands only.
// Each input records `n`, the moment it was applied at (the number of inputs the world had taken before it),
// so a replay applies it at the very same point, whether the clock was playing, paused or stepped.
import { blockToJson } from '../core/block';
import { jsonText } from '../core/jsonText';
import type { ErrorCode } from '../core/errors';
import type { Chain } from '../core/types';
import { commandToJson } from './wire';
import type { Command } from '../sim/commands';
import type { SimParams } from '../sim/params';

export const SHARE_VERSION = 2;

export interface CommandEntry {
  readonly kind: 'command';
  /** The moment (inputs applied before this one). */
  readonly n: number;
  /** Virtual time of the input. */
  readonly at: number;
  readonly cmd: Command;
}

export interface FoundEntry {
  readonly kind: 'found';
  readonly n: number;
  readonly at: number;
  readonly node: string;
  /** The node's mining job the proof answers (job ids are deterministic, so the replay knows it). */
  readonly job: number;
  readonly proof: number;
  readonly attempts: number;
}

/**
 * A real node's answer to GET /chain (src/sim/hosts.ts): its chain in the tutorial's JSON and the length it
 * claimed, or why there was none. `to` says what asked: a look at the node, or slot `slot` of a node's resolve.
 */
export interface AnswerEntry {
  readonly kind: 'answer';
  readonly n: number;
  readonly at: number;
  readonly from: string;
  readonly to:
    | { readonly kind: 'host'; readonly address: string }
    | { readonly kind: 'resolve'; readonly node: string; readonly resolveId: number; readonly slot: number };
  readonly chain?: Chain;
  readonly length?: number;
  readonly error?: { readonly code: ErrorCode; readonly message: string };
}

export type LogEntry = CommandEntry | FoundEntry | AnswerEntry;

export interface Head {
  readonly id: string;
  readonly length: number;
  /** Hash of the node's last block. */
  readonly tip: string;
  readonly pending: number;
}

/** Where the recorded run stood when it was saved: the replay must arrive at exactly this. */
export interface RunCheck {
  readonly n: number;
  readonly at: number;
  readonly heads: readonly Head[];
}

/** Who found the proofs: the world itself (`hash`, or drawn in event mode), or miners outside it. */
export type PayloadMiner = 'hash' | 'external';

export interface SharePayload {
  readonly v: typeof SHARE_VERSION;
  readonly params: SimParams;
  readonly miner: PayloadMiner;
  readonly log: readonly LogEntry[];
  readonly check: RunCheck;
}

/** The exported run file is the payload itself, as readable JSON; commands in their wire form (wire.ts). */
export function payloadText(p: SharePayload): string {
  return jsonText({
    ...p,
    log: p.log.map((e) =>
      e.kind === 'command'
        ? { ...e, cmd: commandToJson(e.cmd) }
        : e.kind === 'answer' && e.chain
          ? { ...e, chain: e.chain.map(blockToJson) }
          : e,
    ),
  });
}
