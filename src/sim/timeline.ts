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

/** At most this many checkpoints per branch: the spacing doubles when they fill up, so memory stays flat. */
const MAX_CHECKPOINTS = 1024;

export class Branch {
  /** Where this branch left its parent (0 for the first), for the branch list. */
  readonly from: number;
  readonly log: Recorded[] = [];
  /** Ascending by n; the first is the world the branch started from. */
  checkpoints: World[];
  spacing: number;
  readonly events: SimEvent[] = [];
  /** The moment (world.n after the input) each event belongs to. */
  readonly eventN: number[] = [];
  /** The furthest world reached on this branch. */
  end: World;

  constructor(start: World, spacing: number, from = 0) {
    this.from = from;
    this.checkpoints = [start];
    this.spacing = spacing;
    this.end = start;
  }

  /** Keep `w` as a checkpoint if it falls on the spacing; thin out every other one when full. */
  checkpoint(w: World): void {
    if (w.n % this.spacing !== 0) return;
    const last = this.checkpoints[this.checkpoints.length - 1] as World;
    if (last.n >= w.n) return;
    this.checkpoints.push(w);
    if (this.checkpoints.length > MAX_CHECKPOINTS) {
      this.spacing *= 2;
      this.checkpoints = this.checkpoints.filter((c, i) => i === 0 || c.n % this.spacing === 0);
    }
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
    // Bounded as before time travel: the oldest go first, in chunks so the cost per event stays O(1).
    if (this.events.length > cap * 1.5) {
      const drop = this.events.length - cap;
      this.events.splice(0, drop);
      this.eventN.splice(0, drop);
    }
  }

  /** A copy of this branch up to moment `w.n`, continuing from `w` (the branch a new input starts). */
  forkAt(w: World): Branch {
    const b = new Branch(this.checkpoints[0] as World, this.spacing, w.n);
    b.checkpoints = this.checkpoints.filter((c) => c.n <= w.n);
    b.log.push(...this.log.slice(0, this.logIndex(w.n)));
    const k = this.eventCount(w.n);
    b.events.push(...this.events.slice(0, k));
    b.eventN.push(...this.eventN.slice(0, k));
    b.end = w;
    return b;
  }
}
