// Events in time order on a virtual clock (ARCHITECTURE.md "Time"). Ties run in the order they were scheduled,
// so a run is deterministic. The live app drives the same scheduler by advancing it with wall time × speed.

export interface Timer {
  cancel(): void;
}

interface Entry {
  readonly time: number;
  readonly seq: number;
  readonly run: () => void;
  cancelled: boolean;
}

export interface Scheduler {
  /** Virtual seconds since the start. */
  now(): number;
  /** Run `run` after `delay` virtual seconds. */
  after(delay: number, run: () => void): Timer;
  /** Time of the next pending event, or null. */
  peek(): number | null;
  /** Run the next event; false when none is left. */
  step(): boolean;
  /** Run every event up to and including time `t`, then set the clock to `t`. */
  advanceTo(t: number): void;
  pending(): number;
  /** Events run so far: a share link's replay uses it to apply each recorded input at the same point. */
  executed(): number;
}

export function createScheduler(): Scheduler {
  const heap: Entry[] = [];
  let now = 0;
  let seq = 0;
  let executed = 0;

  const less = (a: Entry, b: Entry) => a.time < b.time || (a.time === b.time && a.seq < b.seq);
  const push = (e: Entry) => {
    heap.push(e);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i] as Entry, heap[p] as Entry)) break;
      [heap[i], heap[p]] = [heap[p] as Entry, heap[i] as Entry];
      i = p;
    }
  };
  const pop = (): Entry | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l] as Entry, heap[m] as Entry)) m = l;
        if (r < heap.length && less(heap[r] as Entry, heap[m] as Entry)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] as Entry, heap[i] as Entry];
        i = m;
      }
    }
    return top;
  };
  const dropCancelled = () => {
    while (heap.length > 0 && (heap[0] as Entry).cancelled) pop();
  };

  return {
    now: () => now,
    after(delay, run) {
      const e: Entry = { time: now + Math.max(0, delay), seq: seq++, run, cancelled: false };
      push(e);
      return {
        cancel() {
          e.cancelled = true;
        },
      };
    },
    peek() {
      dropCancelled();
      return heap.length > 0 ? (heap[0] as Entry).time : null;
    },
    step() {
      dropCancelled();
      const e = pop();
      if (!e) return false;
      now = Math.max(now, e.time);
      executed++;
      e.run();
      return true;
    },
    advanceTo(t) {
      for (;;) {
        dropCancelled();
        const top = heap[0];
        if (!top || top.time > t) break;
        pop();
        now = Math.max(now, top.time);
        executed++;
        top.run();
      }
      now = Math.max(now, t);
    },
    pending() {
      dropCancelled();
      return heap.filter((e) => !e.cancelled).length;
    },
    executed: () => executed,
  };
}
