// The tutorial's warm-up puzzle (docs/protocol.md "Proof of work"): find y so that sha256(str(x*y)) ends
// in "0".
// For x = 5 the answer is y = 21: sha256("105") = 1253e937…e860. Pure, so the panel's steps can be tested.
import { sha256Hex } from '../core/hash';

export interface WarmUpTry {
  readonly y: number;
  /** str(x*y) exactly as Python prints an int. */
  readonly text: string;
  readonly hash: string;
  readonly ok: boolean;
}

export interface WarmUpSettings {
  readonly x: number;
  /** Lowercase hex the digest must end with. */
  readonly ending: string;
}

/** Longest ending the page accepts: 4 hex digits already need 65 536 tries on average. */
export const MAX_ENDING = 4;
/** "Run to the answer" stops after this many tries so the page never freezes. */
export const MAX_RUN = 300_000;

export function tryY(settings: WarmUpSettings, y: number): WarmUpTry {
  // BigInt so a large x*y prints every digit, as Python's str(int) does (Number would switch to 1e+21).
  const text = String(BigInt(settings.x) * BigInt(y));
  const hash = sha256Hex(text);
  return { y, text, hash, ok: hash.endsWith(settings.ending) };
}

/** Try y, y+1, … until one works or `limit` tries are done. Returns every try (the caller keeps what it shows). */
export function runFrom(settings: WarmUpSettings, y: number, limit = MAX_RUN): WarmUpTry[] {
  const tries: WarmUpTry[] = [];
  for (let i = 0; i < limit; i++) {
    const t = tryY(settings, y + i);
    tries.push(t);
    if (t.ok) break;
  }
  return tries;
}

export type ParsedSettings =
  { readonly ok: true; readonly value: WarmUpSettings } | { readonly ok: false; readonly message: string };

/** Check what the student typed; the message says how to fix it. */
export function parseSettings(xText: string, endingText: string): ParsedSettings {
  const x = Number(xText.trim());
  if (xText.trim() === '' || !Number.isInteger(x) || Math.abs(x) > 1e9) {
    return { ok: false, message: 'x must be a whole number between -1 000 000 000 and 1 000 000 000.' };
  }
  const ending = endingText.trim().toLowerCase();
  if (!new RegExp(`^[0-9a-f]{1,${MAX_ENDING}}$`).test(ending)) {
    return {
      ok: false,
      message: `The ending must be 1 to ${MAX_ENDING} hex digits (0–9, a–f): a SHA-256 digest is hex.`,
    };
  }
  return { ok: true, value: { x, ending } };
}
