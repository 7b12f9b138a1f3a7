// The bus (raftscope style: messages are data with send and arrival times), the world's queue and the seeded RNG.
import { describe, expect, it } from 'vitest';
import { createRng, rngFrom } from '../../src/math/rng';
import { sendRequest, type MessageRecord, type NetParams } from '../../src/sim/bus';
import { Draft } from '../../src/sim/draft';
import { entries, pop, push, type Heap } from '../../src/sim/heap';
import { DEFAULT_PARAMS, mergeParams } from '../../src/sim/params';
import { next, step } from '../../src/sim/step';
import { CLIENT, createWorld, type Address, type World } from '../../src/sim/world';

const CHAIN = { method: 'GET', path: '/chain' } as const;
const A = 'alice:5000' as Address;
const B = 'bob:5000' as Address;
const C = 'carol:5000' as Address;

/** Three nodes on a bus with these settings; `send` a GET /chain and `drain` the world, reading the log. */
function setup(net: NetParams, seed = 11) {
  let w: World = createWorld(
    { ...mergeParams(DEFAULT_PARAMS, { net, resolvePolicy: 'manual' }), seed },
    'hash',
  );
  for (let i = 0; i < 3; i++) w = step(w, { type: 'command', command: { type: 'add-node' } }).world;
  const log: MessageRecord[] = [];
  const answers: { at: number; id: number; status: number }[] = [];
  let ids = 0;
  const t = {
    log,
    answers,
    world: () => w,
    command(cmd: Parameters<typeof step>[1] & { type: 'command' }) {
      w = step(w, cmd).world;
    },
    send(from: Address, to: Address | string) {
      const d = new Draft(w);
      sendRequest(d, from, to as Address, CHAIN, { kind: 'client', id: ++ids });
      for (const ev of d.events) if (ev.type === 'message') log.push(ev.message);
      w = d.close();
    },
    drain() {
      for (let r = next(w); r; r = next(w)) {
        w = r.world;
        for (const ev of r.events) if (ev.type === 'message') log.push(ev.message);
        for (const e of r.effects)
          if (e.type === 'reply') answers.push({ at: w.time, id: e.id, status: e.response.status });
      }
    },
  };
  return t;
}

describe('bus', () => {
  it('delays every node-to-node message by latency + [0, jitter), and it arrives at arriveAt', () => {
    const t = setup({ latency: 0.3, jitter: 0.2, loss: 0 });
    for (let i = 0; i < 200; i++) t.send(i % 2 ? A : B, C);
    t.drain();
    expect(t.log).toHaveLength(400);
    const delays = t.log.map((m) => m.arriveAt - m.sentAt);
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(0.3);
      expect(d).toBeLessThan(0.5);
    }
    // Jitter is really random: spread over the interval, not one value.
    expect(Math.max(...delays) - Math.min(...delays)).toBeGreaterThan(0.15);
    // Each answer comes back after its request's round trip, with the status in the log.
    expect(t.answers).toHaveLength(200);
    for (const a of t.answers) {
      expect(a.status).toBe(200);
      expect(a.at).toBeGreaterThanOrEqual(0.6);
      expect(a.at).toBeLessThan(1);
    }
    expect(t.log.filter((m) => m.kind === 'response').every((m) => m.status === 200)).toBe(true);
    expect(t.world().ids.message).toBe(400);
  });

  it('the client (the teacher’s curl) has no latency', () => {
    const t = setup({ latency: 0.3, jitter: 0.2, loss: 0 });
    t.send(CLIENT, A);
    t.drain();
    expect(t.log.map((m) => m.arriveAt - m.sentAt)).toEqual([0, 0]);
    expect(t.answers.map((x) => x.at)).toEqual([0]);
  });

  it('loss = 1 drops everything between nodes, but client messages arrive', () => {
    const t = setup({ latency: 0.1, jitter: 0, loss: 1 });
    t.send(A, B);
    t.send(CLIENT, C);
    t.drain();
    expect(t.log.map((m) => [m.from, m.to, m.fate])).toEqual([
      [A, B, 'lost'],
      ['client', C, 'delivered'],
      [C, 'client', 'delivered'],
    ]);
    expect(t.answers).toEqual([{ at: 0, id: 2, status: 200 }]);
  });

  it('a partition marks messages across it as partitioned; inside a group and to the client they pass', () => {
    const t = setup({ latency: 0.1, jitter: 0, loss: 0 });
    t.command({ type: 'command', command: { type: 'partition', groups: [['alice', 'bob'], ['carol']] } });
    expect(t.world().partition).toEqual([['alice', 'bob'], ['carol']]);
    t.send(A, C);
    t.send(C, B);
    t.send(A, B);
    t.send(CLIENT, C);
    t.drain();
    const requests = t.log.filter((m) => m.kind === 'request').map((m) => `${m.from}>${m.to} ${m.fate}`);
    expect(requests).toEqual([
      `${A}>${C} partitioned`,
      `${C}>${B} partitioned`,
      `${A}>${B} delivered`,
      `client>${C} delivered`,
    ]);
    expect(t.answers).toHaveLength(2);
    t.command({ type: 'command', command: { type: 'heal' } });
    t.send(A, C);
    t.drain();
    expect(t.log.at(-1)?.fate).toBe('delivered');
    // One group is no partition at all.
    t.command({ type: 'command', command: { type: 'partition', groups: [['alice', 'bob', 'carol']] } });
    expect(t.world().partition).toBeNull();
  });

  it('an unknown destination is unreachable, and nothing comes back', () => {
    const t = setup({ latency: 0.1, jitter: 0, loss: 0 });
    t.send(A, 'zed:5000');
    t.drain();
    expect(t.log.map((m) => m.fate)).toEqual(['unreachable']);
    expect(t.answers).toEqual([]);
  });

  it('the same seed gives the same log', () => {
    const run = (seed: number) => {
      const t = setup({ latency: 0.1, jitter: 0.1, loss: 0.3 }, seed);
      for (let i = 0; i < 50; i++) t.send(A, i % 2 ? B : C);
      t.drain();
      return t.log;
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
    expect(run(5).some((m) => m.fate === 'lost')).toBe(true);
  });
});

describe('the queue (a persistent heap)', () => {
  it('pops in time order, ties in the order pushed, and never changes a heap it was given', () => {
    let h: Heap<string> | null = null;
    const add = (time: number, item: string, seq: number) => (h = push(h, { time, seq, item }));
    add(2, 'b@2', 0);
    add(1, 'a@1', 1);
    add(2, 'c@2', 2);
    add(0, 'now', 3);
    const before = h as unknown as Heap<string>;
    expect(entries(before).map((e) => e.item)).toEqual(['now', 'a@1', 'b@2', 'c@2']);
    const popped = pop(before);
    expect(entries(popped).map((e) => e.item)).toEqual(['a@1', 'b@2', 'c@2']);
    // The heap before the pop still holds everything: worlds that share it are not disturbed.
    expect(entries(before).map((e) => e.item)).toEqual(['now', 'a@1', 'b@2', 'c@2']);
    expect(before.size).toBe(4);
  });

  it('keeps O(log n) depth on its right spine over many pushes and pops', () => {
    let h: Heap<number> | null = null;
    const rng = createRng(3);
    for (let i = 0; i < 5000; i++) h = push(h, { time: rng.next(), seq: i, item: i });
    expect((h as unknown as Heap<number>).rank).toBeLessThanOrEqual(Math.ceil(Math.log2(5001)));
    let last = -1;
    for (let x = h; x; x = pop(x)) {
      expect(x.top.time).toBeGreaterThanOrEqual(last);
      last = x.top.time;
    }
  });
});

describe('rng', () => {
  it('is a pure function of the seed, uniform enough, and forks into independent streams', () => {
    const a = createRng(99);
    const b = createRng(99);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(createRng(100).next()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    const ints = Array.from({ length: 600 }, () => a.int(6));
    expect(new Set(ints)).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    const exp = Array.from({ length: 2000 }, () => a.exponential(4));
    expect(exp.reduce((s, x) => s + x, 0) / exp.length).toBeCloseTo(0.25, 1);
    const f1 = createRng(7).fork();
    const f2 = createRng(7).fork();
    expect(f1.next()).toBe(f2.next());
    const parent = createRng(7);
    expect(parent.fork().next()).not.toBe(parent.fork().next());
  });

  it('hands back its state, so a stream held in a world continues with exactly the same draws', () => {
    const a = createRng(42);
    a.next();
    const saved = a.state();
    const rest = [a.next(), a.next(), a.next()];
    const c = rngFrom(saved);
    expect([c.next(), c.next(), c.next()]).toEqual(rest);
  });
});
