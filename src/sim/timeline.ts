// A run's history (docs/architecture.md "Time travel"): the inputs that came from outside the world (commands,
// proofs from external miners, real nodes' answers) with the moment and time each was applied, checkpoints of the world, and the
// events each moment produced. Worlds are immutable values, so a checkpoint is a reference; everything between
// two checkpoints is replayed from the recorded inputs, which makes seeking to any moment cheap.
import type { Input, World } from './world';
import type { SimEvent } from './events';

/** An input from outside the world, at moment `n` (the count of inputs before it) and virtual time `at`. */
export interface Recorded {
  readonly n: number;
  readonly at: number;
  readonly input: Extract<Input, { type: 'command' } | { type: 'found' } | { type: 'answer' }>;
}

/**
 * Checkpoints are thinned out (every other one dropped, the spacing doubled) when there are more than
 * MAX_CHECKPOINTS or their queues hold more than QUEUED_BUDGET entries in all; so there are about half the limit
 * to all of it, however long the run. A checkpoint is a world, and worlds share what did not change: chains are
 * persistent lists (src/core/chain.ts), so a checkpoint adds only the links of blocks mined since the one
 * before, never a copy of a chain. What it holds of its own is the rest of one world, above all its queue of
 * messages and timers in flight: O(nodes²) with every node resolving on announce, ~210 entries on average and
 * ~55 kB for 10 nodes (~9 entries for 3), ~250 bytes an entry. So checkpoints cost at most QUEUED_BUDGET × 250
 * bytes (≈ 8 MB) plus the node states, whatever the length of the chains or of the run: 10 nodes keep about
 * 80–155 checkpoints, 3 nodes up to 1024 (1024 for 10 nodes cost up to 57 MB). The price is in seeking, which
 * replays up to `spacing` inputs from the checkpoint before, ~11 µs each (`npm run -s bench:memory`, 10 nodes:
 * p95 ~20 ms after 20 simulated minutes, 173 000 moments; ~40 ms after 60, 547 000 moments).
 */
export const MAX_CHECKPOINTS = 1024;
export const QUEUED_BUDGET = 32_768;

const queued = (w: World) => (w.queue ? w.queue.size : 0);

/**
 * Events beyond the cap are dropped from the front in steps of cap / EVENT_STEPS, so the list stays between the
 * cap and 1/16 above it (trimming at 1.5 × the cap made it swing by half the cap: 10 000 events, 5–10 MB, in the
 * app). A step moves the cap's pointers once: O(EVENT_STEPS) per event.
 */
const EVENT_STEPS = 16;

/** How many of `length` items to drop from the front to keep `cap` of them, in steps (0 until a step is due). */
export function overCap(length: number, cap: number): number {
  return length > cap + Math.max(1, Math.floor(cap / EVENT_STEPS)) ? length - cap : 0;
}

export class Branch {
  /** Where this branch left its parent (0 for the first), for the branch list. */
  readonly from: number;
  readonly log: Recorded[] = [];
  /** Ascending by n; the first is the world the branch started from. */
  checkpoints: World[];
  /** Entries in the checkpoints' queues, against QUEUED_BUDGET. */
  private queued = 0;
  spacing: number;
  readonly events: SimEvent[] = [];
  /** The moment (world.n after the input) each event belongs to. */
  readonly eventN: number[] = [];
  /** The furthest world reached on this branch. */
  end: World;

  constructor(start: World, spacing: number, from = 0) {
    this.from = from;
    this.checkpoints = [start];
    this.queued = queued(start);
    this.spacing = spacing;
    this.end = start;
  }

  /** Keep `w` as a checkpoint if it falls on the spacing; thin out every other one when full. */
  checkpoint(w: World): void {
    if (w.n % this.spacing !== 0) return;
    const last = this.checkpoints[this.checkpoints.length - 1] as World;
    if (last.n >= w.n) return;
    this.checkpoints.push(w);
    this.queued += queued(w);
    while (
      this.checkpoints.length > 1 &&
      (this.checkpoints.length > MAX_CHECKPOINTS || this.queued > QUEUED_BUDGET)
    ) {
      this.spacing *= 2;
      this.keep(this.checkpoints.filter((c, i) => i === 0 || c.n % this.spacing === 0));
    }
  }

  private keep(checkpoints: World[]): void {
    this.checkpoints = checkpoints;
    this.queued = checkpoints.reduce((sum, c) => sum + queued(c), 0);
  }

  /** The latest checkpoint at or before moment `n`. */
  checkpointAt(n: number): World {
    const cps = this.checkpoints;
    let lo = 0;
    let hi = cps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((cps[mid] as World).n <= n) lo = mid;
      else hi = mid - 1;
    }
    return cps[lo] as World;
  }

  /** Index of the first recorded input at or after moment `n`. */
  logIndex(n: number): number {
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.log[mid] as Recorded).n < n) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Number of events that belong to moments up to `n`. */
  eventCount(n: number): number {
    const ns = this.eventN;
    let lo = 0;
    let hi = ns.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ns[mid] as number) <= n) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  addEvents(events: readonly SimEvent[], n: number, cap: number): void {
    for (const ev of events) {
      this.events.push(ev);
      this.eventN.push(n);
    }
    // Bounded as before time travel: the oldest go first, in small steps (overCap).
    const drop = overCap(this.events.length, cap);
    if (drop > 0) {
      this.events.splice(0, drop);
      this.eventN.splice(0, drop);
    }
  }

  /** A copy of this branch up to moment `w.n`, continuing from `w` (the branch a new input starts). */
  forkAt(w: World): Branch {
    const b = new Branch(this.checkpoints[0] as World, this.spacing, w.n);
    b.keep(this.checkpoints.filter((c) => c.n <= w.n));
    b.log.push(...this.log.slice(0, this.logIndex(w.n)));
    const k = this.eventCount(w.n);
    b.events.push(...this.events.slice(0, k));
    b.eventN.push(...this.eventN.slice(0, k));
    b.end = w;
    return b;
  }
}
