// The baseline the fast miner is compared with: what a straightforward worker does per attempt, a fresh
// string, its UTF-8 bytes and a full @noble/hashes sha256 (no midstate, no in-place nonce).
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { Sample } from './rates';

interface Scope {
  postMessage(msg: { samples: Sample[]; sink: number }): void;
  onmessage: ((ev: { data: { prefix: string; warmupMs: number; ms: number } }) => void) | null;
}
const scope = self as unknown as Scope;

scope.onmessage = ({ data: { prefix, warmupMs, ms } }) => {
  let nonce = 0;
  let sink = 0; // keeps the hash live so the engine cannot drop the work
  const samples: Sample[] = [];
  const t0 = performance.now();
  for (let now = t0; now < t0 + warmupMs + ms; now = performance.now()) {
    if (now >= t0 + warmupMs) samples.push({ at: now, attempts: nonce });
    for (let i = 0; i < 2048; i++) sink ^= sha256(utf8ToBytes(prefix + nonce++))[0]!;
  }
  samples.push({ at: performance.now(), attempts: nonce });
  scope.postMessage({ samples, sink });
};
