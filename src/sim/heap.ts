// What is scheduled to happen, as a persistent leftist heap ordered by (time, seq): pushing and popping cost
// O(log n) and never change an existing heap, so every world keeps its own queue and a snapshot is a reference.
// Ties run in scheduling order (seq), so a run is deterministic (docs/architecture.md "Time").

export interface Entry<T> {
  readonly time: number;
  readonly seq: number;
  readonly item: T;
}

export interface Heap<T> {
  readonly top: Entry<T>;
  readonly left: Heap<T> | null;
  readonly right: Heap<T> | null;
  /** Length of the right spine (the leftist invariant keeps it O(log n)). */
  readonly rank: number;
  readonly size: number;
}

const before = <T>(a: Entry<T>, b: Entry<T>) => a.time < b.time || (a.time === b.time && a.seq < b.seq);

function node<T>(top: Entry<T>, a: Heap<T> | null, b: Heap<T> | null): Heap<T> {
  const ra = a ? a.rank : 0;
  const rb = b ? b.rank : 0;
  const size = 1 + (a ? a.size : 0) + (b ? b.size : 0);
  return ra >= rb
    ? { top, left: a, right: b, rank: rb + 1, size }
    : { top, left: b, right: a, rank: ra + 1, size };
}

export function merge<T>(a: Heap<T> | null, b: Heap<T> | null): Heap<T> | null {
  if (!a) return b;
  if (!b) return a;
  return before(a.top, b.top)
    ? node(a.top, a.left, merge(a.right, b))
    : node(b.top, b.left, merge(a, b.right));
}

export function push<T>(h: Heap<T> | null, entry: Entry<T>): Heap<T> {
  return merge(h, { top: entry, left: null, right: null, rank: 1, size: 1 }) as Heap<T>;
}

/** The heap without its first entry. */
export function pop<T>(h: Heap<T>): Heap<T> | null {
  return merge(h.left, h.right);
}

/** Every entry in time order (for tests and the debugger; O(n log n)). */
export function entries<T>(h: Heap<T> | null): Entry<T>[] {
  const out: Entry<T>[] = [];
  for (let x = h; x; x = pop(x)) out.push(x.top);
  return out;
}
