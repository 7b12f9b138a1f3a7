// A run as data: the settings it started from, every input in the order it happened, and a check of the state
// it reached. A share link, an autosave and an exported run file all hold this (docs/share-links.md).
//
// Inputs are commands (what the user did) and found proofs (what the miners reported, and when): the app's
// Web Worker miners are not deterministic, so a replay delivers their recorded proofs instead of hashing again.
// Each input records `ran`, the number of simulation events run before it, so a replay applies it at the very
// same point of the event sequence, whether the clock was playing, paused or stepped.
import type { Command } from '../sim/commands';
import type { SimParams } from '../sim/params';

export const SHARE_VERSION = 1;

export interface CommandEntry {
  readonly kind: 'command';
  /** Simulation events run before this input (miner-internal events excluded). */
  readonly ran: number;
  /** Virtual time of the input. */
  readonly at: number;
  readonly cmd: Command;
}

export interface FoundEntry {
  readonly kind: 'found';
  readonly ran: number;
  readonly at: number;
  /** The delivery was scheduled `delay` seconds after `at`; null: delivered at once. */
  readonly delay: number | null;
  readonly node: string;
  /** The node's mining job the proof answers (job ids are deterministic, so the replay knows it). */
  readonly job: number;
  readonly proof: number;
  readonly attempts: number;
}

export type LogEntry = CommandEntry | FoundEntry;

export interface Head {
  readonly id: string;
  readonly length: number;
  /** Hash of the node's last block. */
  readonly tip: string;
  readonly pending: number;
}

/** Where the recorded run stood when it was saved: the replay must arrive at exactly this. */
export interface RunCheck {
  readonly ran: number;
  readonly at: number;
  readonly heads: readonly Head[];
}

export interface SharePayload {
  readonly v: typeof SHARE_VERSION;
  readonly params: SimParams;
  readonly log: readonly LogEntry[];
  readonly check: RunCheck;
}

/** The exported run file is the payload itself, as readable JSON. */
export function payloadText(p: SharePayload): string {
  return JSON.stringify(p);
}
