// A token bucket per connection (the classroom hub, src/server/hub.ts): a page may send `burst` messages at
// once and `perSecond` on average; past that its messages are refused with E_RATE_LIMIT, and only its own,
// so one flooding page slows itself down and not the class.
export interface Bucket {
  /** Take one token; false when there is none left. */
  take(now: number): boolean;
}

export function bucket(perSecond: number, burst: number): Bucket {
  let tokens = burst;
  let last: number | null = null;
  return {
    take(now) {
      if (last !== null) tokens = Math.min(burst, tokens + ((now - last) * perSecond) / 1000);
      last = now;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
