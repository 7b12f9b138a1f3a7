// The base delay of one link, before jitter (src/sim/bus.ts). A module of its own so that every message's delay
// goes through this function, and a test can plant a bug in it (test/experiments/mutations.test.ts).
import type { Draft } from './draft';
import type { Address } from './world';

/**
 * A node's own latency (`set-latency`) replaces the network's on every link that touches it, the larger of the
 * two when both ends have one: a selfish pool with a fast or a slow connection to everyone
 * (src/experiments/selfish.ts). Jitter and loss stay the network's.
 */
export function linkLatency(d: Draft, a: Address, b: Address): number {
  const x = d.nodeAt(a)?.latency;
  const y = d.nodeAt(b)?.latency;
  if (x === undefined && y === undefined) return d.params.net.latency;
  return Math.max(x ?? 0, y ?? 0);
}
