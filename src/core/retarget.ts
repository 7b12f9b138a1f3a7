// Difficulty retargeting as part of a chain's validity (docs/protocol.md "Retargeting"): the target every block
// of the header rule must carry follows from its ancestors' timestamps and targets. Three rules, each in the
// integer arithmetic of its reference so that every node computes the same compact value:
//  - Bitcoin (Bitcoin Core pow.cpp): a new target every `window` blocks from the period's first and last
//    timestamps — window − 1 intervals, the famous off-by-one — the timespan clamped to [¼, 4] × the target span;
//  - LWMA-1 (zawy12, difficulty-algorithms issue #3): difficulty = mean difficulty × T × N(N+1)/2 / Σ i·solvetime
//    × 0.99, solvetimes clamped to 6T and out-of-order ones replaced by +1, the weighted sum floored at N²T/20;
//  - ASERT (aserti3-2d, Bitcoin Cash November 2020): anchor target × 2^((time since the anchor − T × blocks since)
//    / half-life), 2^x by the specification's cubic polynomial in 16-bit fixed point.
// Times are whole microseconds (timestamps are rounded to microseconds, docs/protocol.md "Blocks and
// transactions") where the references count whole seconds.
import type { Link } from './chain';
import { bitsToTarget, MAX_TARGET, targetToBits, workBig, workOf } from './target';

export type RetargetAlgorithm = 'bitcoin' | 'lwma' | 'asert';

export const RETARGET_ALGORITHMS: readonly RetargetAlgorithm[] = ['bitcoin', 'lwma', 'asert'];

export interface RetargetRule {
  readonly algorithm: RetargetAlgorithm;
  /** Target seconds between blocks. */
  readonly interval: number;
  /** Blocks per period (Bitcoin, 2016) or solvetimes averaged (LWMA, 60). */
  readonly windowBlocks: number;
  /** ASERT: seconds of delay that halve the difficulty (aserti3-2d: two days, 288 target intervals). */
  readonly halfLife: number;
}

/**
 * Blocks from `fromIndex` on: every one at `bits` (rule null), or retargeted by `rule` starting from `bits`. The
 * block before `fromIndex` is the rule's anchor: its periods, windows and schedule count from there.
 */
export interface TargetSegment {
  readonly fromIndex: number;
  readonly bits: number;
  readonly rule: RetargetRule | null;
}

/** A world's targets, segment by segment in index order. Its identity keys the caches below. */
export interface TargetPlan {
  readonly segments: readonly TargetSegment[];
}

const microseconds = (seconds: number) => BigInt(Math.round(seconds * 1e6));
/** Whole microseconds between two timestamps (their difference is exact: they are within a factor of two). */
const between = (later: Link, earlier: Link) => microseconds(later.block.timestamp - earlier.block.timestamp);

const clampTarget = (t: bigint) => targetToBits(t < 1n ? 1n : t > MAX_TARGET ? MAX_TARGET : t);

function back(link: Link, steps: number): Link {
  let l = link;
  for (let i = 0; i < steps && l.parent; i++) l = l.parent;
  return l;
}

export function segmentAt(plan: TargetPlan, index: number): TargetSegment {
  const s = plan.segments;
  let i = s.length - 1;
  while (i > 0 && (s[i] as TargetSegment).fromIndex > index) i--;
  return s[i] as TargetSegment;
}

// The target of the block after each link, per plan: blocks are validated once, and a block's target is read
// again by the next `window` blocks (src/sim/validation.ts explains why a resolve must stay O(new blocks)).
const afterCache = new WeakMap<TargetPlan, WeakMap<Link, number>>();
const anchorCache = new WeakMap<TargetSegment, WeakMap<Link, Link>>();
const works = new Map<number, bigint>();

function cacheOf(plan: TargetPlan): WeakMap<Link, number> {
  let c = afterCache.get(plan);
  if (!c) afterCache.set(plan, (c = new WeakMap()));
  return c;
}

function work(bits: number): bigint {
  let w = works.get(bits);
  if (w === undefined) {
    if (works.size > 4096) works.clear();
    works.set(bits, (w = workBig(bits)));
  }
  return w;
}

/** A validated block's target: worked out before, or the one it carries. */
function known(plan: TargetPlan, link: Link): number | undefined {
  return link.parent ? (cacheOf(plan).get(link.parent) ?? link.block.bits) : undefined;
}

/**
 * The target of the (already validated) block at `link`. A chain read from a file carries none, so the targets
 * of the blocks before it are worked out forwards from the nearest known one: once, then cached.
 */
export function bitsAt(plan: TargetPlan, link: Link): number {
  const k = known(plan, link);
  if (k !== undefined) return k;
  const todo: Link[] = [];
  for (let l: Link | null = link; l?.parent && known(plan, l) === undefined; l = l.parent) todo.push(l);
  for (let i = todo.length - 1; i >= 0; i--) expectedAfter(plan, (todo[i] as Link).parent as Link);
  return known(plan, link) as number;
}

/** The compact target the block after `parent` must carry. */
export function expectedAfter(plan: TargetPlan, parent: Link): number {
  const cache = cacheOf(plan);
  let bits = cache.get(parent);
  if (bits === undefined) {
    const seg = segmentAt(plan, parent.block.index + 1);
    bits = seg.rule ? retargeted(plan, seg, seg.rule, parent) : seg.bits;
    cache.set(parent, bits);
  }
  return bits;
}

function retargeted(plan: TargetPlan, seg: TargetSegment, rule: RetargetRule, parent: Link): number {
  // Blocks since the anchor, this one included: the segment's first block is 1.
  const j = parent.block.index + 2 - seg.fromIndex;
  switch (rule.algorithm) {
    case 'bitcoin':
      return bitcoin(plan, seg, rule, parent, j);
    case 'lwma':
      return lwma(plan, seg, rule, parent, j);
    case 'asert':
      return asert(seg, rule, parent, j);
  }
}

function bitcoin(plan: TargetPlan, seg: TargetSegment, rule: RetargetRule, parent: Link, j: number): number {
  const n = rule.windowBlocks;
  if (j === 1) return seg.bits;
  if (j % n !== 0) return bitsAt(plan, parent);
  // pow.cpp: the period's first block is n − 1 before the last one, so n − 1 intervals are timed.
  const span = microseconds(rule.interval) * BigInt(n);
  let actual = between(parent, back(parent, n - 1));
  if (actual < span / 4n) actual = span / 4n;
  if (actual > span * 4n) actual = span * 4n;
  return clampTarget((bitsToTarget(bitsAt(plan, parent)) * actual) / span);
}

function lwma(plan: TargetPlan, seg: TargetSegment, rule: RetargetRule, parent: Link, j: number): number {
  const n = rule.windowBlocks;
  // issue #3: "Hard code D if there are not at least N+1 blocks after fork": the window then spans the anchor.
  if (j <= n) return seg.bits;
  const T = microseconds(rule.interval);
  const links: Link[] = new Array(n + 1);
  let l = parent;
  for (let i = n; i >= 0; i--, l = l.parent ?? l) links[i] = l;
  const first = links[0] as Link;
  let weighted = 0n;
  let sumWork = 0n;
  // issue #3 starts the first solvetime at timestamps[0] − T.
  let previous = -T;
  for (let i = 1; i <= n; i++) {
    const link = links[i] as Link;
    const t = between(link, first);
    const now = t > previous ? t : previous + 1n;
    const solve = now - previous;
    weighted += BigInt(i) * (solve < 6n * T ? solve : 6n * T);
    previous = now;
    sumWork += work(bitsAt(plan, link));
  }
  const N = BigInt(n);
  const floor = (N * N * T) / 20n;
  if (weighted < floor) weighted = floor;
  // The reference's other branch only avoids a 64-bit overflow; big integers take the exact one.
  const next = ((sumWork / N) * N * (N + 1n) * T * 99n) / (200n * weighted);
  return clampTarget(next > 0n ? MAX_TARGET / next : MAX_TARGET);
}

// aserti3-2d's 2^x on [0, 1) in 16-bit fixed point: 2^16 + (C1 x + C2 x² + C3 x³ + 2^47) >> 48.
const C1 = 195766423245049n;
const C2 = 971821376n;
const C3 = 5127n;

function asert(seg: TargetSegment, rule: RetargetRule, parent: Link, j: number): number {
  const anchor = anchorOf(seg, parent);
  // The anchor's parent is taken to be one target interval before it (genesis has none), so the segment's
  // first block has exponent 0: its target is the segment's.
  const T = microseconds(rule.interval);
  const exponent = ((between(parent, anchor) - T * BigInt(j - 1)) * 65536n) / microseconds(rule.halfLife);
  const shifts = exponent >> 16n;
  const frac = exponent - (shifts << 16n);
  const factor = 65536n + ((C1 * frac + C2 * frac * frac + C3 * frac * frac * frac + (1n << 47n)) >> 48n);
  if (shifts > 300n) return clampTarget(MAX_TARGET);
  if (shifts < -300n) return clampTarget(1n);
  let next = bitsToTarget(seg.bits) * factor;
  next = shifts < 0n ? next >> -shifts : next << shifts;
  return clampTarget(next >> 16n);
}

/** The segment's anchor on this chain: the block just before its first. Cached, so each block costs O(1). */
function anchorOf(seg: TargetSegment, parent: Link): Link {
  let cache = anchorCache.get(seg);
  if (!cache) anchorCache.set(seg, (cache = new WeakMap()));
  let l = parent;
  let found: Link | undefined;
  while (!(found = cache.get(l)) && l.block.index >= seg.fromIndex && l.parent) l = l.parent;
  const anchor = found ?? l;
  cache.set(parent, anchor);
  return anchor;
}

const workCache = new WeakMap<TargetPlan, WeakMap<Link, number>>();

/**
 * Σ expected attempts of a chain's mined blocks at their own targets (most-work fork choice, docs/protocol.md
 * "Fork choice"), cached per link so a resolve adds only the new blocks.
 */
export function chainWorkOf(plan: TargetPlan, chain: Link): number {
  let cache = workCache.get(plan);
  if (!cache) workCache.set(plan, (cache = new WeakMap()));
  const todo: Link[] = [];
  let l = chain;
  while (l.parent && !cache.has(l)) {
    todo.push(l);
    l = l.parent;
  }
  let total = l.parent ? (cache.get(l) as number) : 0;
  for (let i = todo.length - 1; i >= 0; i--) {
    const t = todo[i] as Link;
    total += workOf(bitsAt(plan, t));
    cache.set(t, total);
  }
  return total;
}
