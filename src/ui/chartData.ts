// The series behind the charts, as pure functions of the store (no recharts here, so they test quickly).
import { hashBlock } from '../core/block';
import { expectedAttempts, type PowParams } from '../core/pow';
import { workOf } from '../core/target';
import type { Chain } from '../core/types';
import type { AppState, MinedEvent, NodeView } from '../store/appStore';
import { duration } from './format';

// One empty chain for "no nodes", so a store selector returning it stays referentially stable.
const NO_CHAIN: Chain = [];

/** The longest chain any node holds, first node on ties (the same pick as the simulation's bestChain). */
export function longestChain(nodes: readonly NodeView[]): Chain {
  let best: Chain = NO_CHAIN;
  for (const n of nodes) if (n.chain.length > best.length) best = n.chain;
  return best;
}

/** Hashes of a chain's blocks (hashBlock is memoised per block, so this is cheap after the first time). */
export function chainHashes(chain: Chain): ReadonlySet<string> {
  return new Set(chain.map(hashBlock));
}

export interface RateSample {
  readonly t: number;
  /** Reported attempts per second per node; 0 while a node is idle. */
  readonly [node: string]: number;
}

/**
 * One sample of every node's reported rate. A miner reports 0 until it has measured a fresh job, which would
 * draw a dip at every new block, so a node that is still mining keeps its previous sample until then.
 */
export function rateSample(s: Pick<AppState, 'now' | 'nodes' | 'progress'>, prev?: RateSample): RateSample {
  const point: Record<string, number> = { t: s.now };
  for (const n of s.nodes) {
    const reported = s.progress[n.id]?.rate ?? 0;
    point[n.id] = reported > 0 ? reported : n.mining ? (prev?.[n.id] ?? 0) : 0;
  }
  return point as RateSample;
}

/**
 * Attempts per second of the whole network. Reported rates are real when the worker mines, so their mean over
 * the samples wins; without samples, params.hashRate × the shares of the nodes that mine.
 */
export function networkRate(
  samples: readonly RateSample[],
  nodes: readonly NodeView[],
  hashRate: number,
): number {
  const totals = samples
    .map((p) => nodes.reduce((sum, n) => sum + (p[n.id] ?? 0), 0))
    .filter((total) => total > 0);
  if (totals.length > 0) return totals.reduce((a, b) => a + b, 0) / totals.length;
  const miners = nodes.filter((n) => n.autoMine);
  const shares = (miners.length > 0 ? miners : nodes).reduce((sum, n) => sum + n.share, 0);
  return hashRate * shares;
}

export interface IntervalPoint {
  /** Block number (the tutorial's `index`). */
  readonly index: number;
  /** Virtual seconds since the block before it was mined. */
  readonly interval: number;
  /**
   * Expected seconds between blocks: expected attempts ÷ the network's attempts per second. Under retargeting
   * each block's own target gives its attempts, so this line moves as the rule retargets.
   */
  readonly target: number;
  /** Under retargeting: the target block time the rule aims at (docs/protocol.md "Retargeting"). */
  readonly goal?: number;
}

/** Time between consecutive blocks of `chain` (both mined while we watched) against the expected interval. */
export function intervalSeries(
  mined: readonly MinedEvent[],
  chain: Chain,
  pow: PowParams,
  rate: number,
  goal?: number,
): IntervalPoint[] {
  const at = new Map<string, MinedEvent>();
  for (const m of mined) if (!at.has(m.hash)) at.set(m.hash, m);
  const points: IntervalPoint[] = [];
  for (let i = 1; i < chain.length; i++) {
    const before = at.get(hashBlock(chain[i - 1] as Chain[number]));
    const block = at.get(hashBlock(chain[i] as Chain[number]));
    if (!before || !block) continue;
    points.push({
      index: block.index,
      interval: block.at - before.at,
      target:
        (block.bits !== undefined
          ? workOf(block.bits)
          : expectedAttempts({ ...pow, difficulty: block.difficulty })) / rate,
      ...(goal !== undefined ? { goal } : {}),
    });
  }
  return points;
}

export interface StalePoint {
  readonly t: number;
  /** Blocks mined so far that are not on the longest chain. */
  readonly stale: number;
  readonly mined: number;
}

/** Running count of mined blocks that did not end up on the longest chain: the losing side of each fork. */
export function staleSeries(mined: readonly MinedEvent[], onChain: ReadonlySet<string>): StalePoint[] {
  let stale = 0;
  return mined.map((m, i) => {
    if (!onChain.has(m.hash)) stale++;
    return { t: m.at, stale, mined: i + 1 };
  });
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Block intervals are often well under a second at class difficulties: "43 ms" rather than "0.0 s". */
export function shortDuration(seconds: number): string {
  return seconds > 0 && seconds < 1 ? `${Math.round(seconds * 1000)} ms` : duration(seconds);
}

/** Axis ticks for hash rates, short enough for a phone: "900 k", "1.2 M". */
export function rateTick(hps: number): string {
  if (hps >= 1e6) return `${Math.round(hps / 1e5) / 10} M`;
  if (hps >= 1e3) return `${Math.round(hps / 100) / 10} k`;
  return String(Math.round(hps));
}
