// A fake clock and timer queue for the miner loop: time moves only when a timer fires or when the search
// "spends" it, so cadence, stop latency and duty cycle are exact and repeatable.
import { jsEngine, type SearchEngine } from '../../src/search/engines';
import { createMinerLoop } from '../../src/worker/minerLoop';
import type { MinerToPage } from '../../src/worker/messages';

export interface FakeEnv {
  readonly posted: { at: number; msg: MinerToPage }[];
  /** Fake duration of every search chunk, in ms. */
  readonly chunkMs: number[];
  readonly loop: ReturnType<typeof createMinerLoop>;
  now(): number;
  /** Deliver `data` to the loop at time `at` (in order with timers). */
  send(data: unknown, at?: number): void;
  runUntil(t: number): void;
}

/** Every attempt costs `nsPerAttempt` of fake time (default 20 µs: 50 k/s keeps the real hashing cheap). */
export function createFakeEnv(opts: { nsPerAttempt?: number; chunkMs?: number } = {}): FakeEnv {
  let clock = 0;
  let seq = 0;
  const timers: { at: number; seq: number; fn: () => void }[] = [];
  const posted: FakeEnv['posted'] = [];
  const chunkMs: number[] = [];
  const cost = (opts.nsPerAttempt ?? 20_000) / 1e6;
  const engine: SearchEngine = (params) => {
    const search = jsEngine(params);
    return {
      engine: search.engine,
      run(max) {
        const r = search.run(max);
        clock += r.attempts * cost;
        chunkMs.push(r.attempts * cost);
        return r;
      },
    };
  };
  const schedule = (fn: () => void, delayMs: number): void => {
    timers.push({ at: clock + delayMs, seq: seq++, fn });
  };
  const loop = createMinerLoop({
    now: () => clock,
    post: (msg) => posted.push({ at: clock, msg }),
    schedule,
    engine,
    chunkMs: opts.chunkMs,
  });
  return {
    posted,
    chunkMs,
    loop,
    now: () => clock,
    send(data, at = clock) {
      timers.push({ at, seq: seq++, fn: () => loop.receive(data) });
    },
    runUntil(t) {
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers[0];
        if (next === undefined || next.at > t) break;
        timers.shift();
        clock = Math.max(clock, next.at);
        next.fn();
      }
      clock = Math.max(clock, t);
    },
  };
}
