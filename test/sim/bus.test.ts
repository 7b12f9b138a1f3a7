// The bus (raftscope style: messages are data with send and arrival times), the scheduler and the seeded RNG.
import { describe, expect, it } from 'vitest';
import { CLIENT, createBus, type MessageRecord, type NetParams, type Outcome } from '../../src/sim/network';
import { createRng } from '../../src/math/rng';
import { createScheduler } from '../../src/sim/scheduler';

const CHAIN = { method: 'GET', path: '/chain' } as const;

function setup(net: NetParams, seed = 11) {
  const scheduler = createScheduler();
  const log: MessageRecord[] = [];
  const bus = createBus(
    scheduler,
    createRng(seed),
    () => net,
    (m) => log.push(m),
  );
  const arrivals: { at: number; from: string }[] = [];
  for (const n of ['a', 'b', 'c'])
    bus.attach(n, (_req, from, reply) => {
      arrivals.push({ at: scheduler.now(), from });
      reply({ status: 200, body: { message: n } });
    });
  const outcomes: { at: number; o: Outcome }[] = [];
  const send = (from: string, to: string, timeout: number | null = 5) =>
    bus.request(from, to, CHAIN, timeout, (o) => outcomes.push({ at: scheduler.now(), o }));
  const drain = () => {
    while (scheduler.step());
  };
  return { scheduler, bus, log, arrivals, outcomes, send, drain };
}

describe('bus', () => {
  it('delays every node-to-node message by latency + [0, jitter), and arrives at arriveAt', () => {
    const t = setup({ latency: 0.3, jitter: 0.2, loss: 0 });
    for (let i = 0; i < 200; i++) t.send(i % 2 ? 'a' : 'b', 'c');
    t.drain();
    expect(t.log).toHaveLength(400);
    const delays = t.log.map((m) => m.arriveAt - m.sentAt);
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(0.3);
      expect(d).toBeLessThan(0.5);
    }
    // Jitter is really random: spread over the interval, not one value.
    expect(Math.max(...delays) - Math.min(...delays)).toBeGreaterThan(0.15);
    const requests = t.log.filter((m) => m.kind === 'request');
    expect(t.arrivals.map((a) => a.at).sort()).toEqual(requests.map((m) => m.arriveAt).sort());
    // Each answer comes back after its request's round trip, with the status in the log.
    expect(t.outcomes).toHaveLength(200);
    for (const { at, o } of t.outcomes) {
      expect(o.ok && o.response.status).toBe(200);
      expect(at).toBeGreaterThanOrEqual(0.6);
      expect(at).toBeLessThan(1);
    }
    expect(t.log.filter((m) => m.kind === 'response').every((m) => m.status === 200)).toBe(true);
    expect(t.bus.count()).toBe(400);
  });

  it('the client (the teacher’s curl) has no latency', () => {
    const t = setup({ latency: 0.3, jitter: 0.2, loss: 0 });
    t.send(CLIENT, 'a', null);
    t.drain();
    expect(t.log.map((m) => m.arriveAt - m.sentAt)).toEqual([0, 0]);
    expect(t.outcomes.map((x) => x.at)).toEqual([0]);
  });

  it('loss = 1 drops everything between nodes (the requester times out), but client messages arrive', () => {
    const t = setup({ latency: 0.1, jitter: 0, loss: 1 });
    t.send('a', 'b', 2);
    t.send(CLIENT, 'c', null);
    t.drain();
    expect(t.log.map((m) => [m.from, m.to, m.fate])).toEqual([
      ['a', 'b', 'lost'],
      ['client', 'c', 'delivered'],
      ['c', 'client', 'delivered'],
    ]);
    expect(t.arrivals).toEqual([{ at: 0, from: CLIENT }]);
    const [direct, lost] = t.outcomes; // in the order they completed
    expect(direct).toMatchObject({ at: 0, o: { ok: true } });
    expect(lost?.at).toBe(2);
    expect(lost?.o).toEqual({
      ok: false,
      error: { code: 'E_TIMEOUT', message: 'b did not answer GET /chain within 2 s.' },
    });
  });

  it('a partition marks messages across it as partitioned; inside a group and to the client they pass', () => {
    const t = setup({ latency: 0.1, jitter: 0, loss: 0 });
    t.bus.setPartition([['a', 'b'], ['c']]);
    expect(t.bus.partition()).toEqual([['a', 'b'], ['c']]);
    t.send('a', 'c', 1);
    t.send('c', 'b', 1);
    t.send('a', 'b', 1);
    t.send(CLIENT, 'c', 1);
    t.drain();
    const requests = t.log.filter((m) => m.kind === 'request').map((m) => `${m.from}>${m.to} ${m.fate}`);
    expect(requests).toEqual(['a>c partitioned', 'c>b partitioned', 'a>b delivered', 'client>c delivered']);
    expect(t.outcomes.filter((x) => !x.o.ok)).toHaveLength(2);
    t.bus.setPartition(null);
    t.send('a', 'c', 1);
    t.drain();
    expect(t.log.at(-1)?.fate).toBe('delivered');
    // One group is no partition at all.
    t.bus.setPartition([['a', 'b', 'c']]);
    expect(t.bus.partition()).toBeNull();
  });

  it('an unknown destination is unreachable and times out', () => {
    const t = setup({ latency: 0.1, jitter: 0, loss: 0 });
    t.send('a', 'zed', 3);
    t.drain();
    expect(t.log.map((m) => m.fate)).toEqual(['unreachable']);
    expect(t.outcomes).toMatchObject([{ at: 3, o: { ok: false, error: { code: 'E_TIMEOUT' } } }]);
  });

  it('the same seed gives the same log', () => {
    const run = (seed: number) => {
      const t = setup({ latency: 0.1, jitter: 0.1, loss: 0.3 }, seed);
      for (let i = 0; i < 50; i++) t.send('a', i % 2 ? 'b' : 'c', 1);
      t.drain();
      return t.log;
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
    expect(run(5).some((m) => m.fate === 'lost')).toBe(true);
  });
});

describe('scheduler', () => {
  it('runs events in time order, ties in the order scheduled; cancelled ones never run', () => {
    const s = createScheduler();
    const ran: string[] = [];
    s.after(2, () => ran.push('b@2'));
    s.after(1, () => ran.push('a@1'));
    s.after(2, () => ran.push('c@2'));
    s.after(1.5, () => ran.push('x')).cancel();
    s.after(-5, () => ran.push('now'));
    expect(s.pending()).toBe(4);
    expect(s.peek()).toBe(0);
    s.advanceTo(1.7);
    expect(ran).toEqual(['now', 'a@1']);
    expect(s.now()).toBe(1.7);
    s.after(0.3, () => ran.push('d@2'));
    while (s.step());
    expect(ran).toEqual(['now', 'a@1', 'b@2', 'c@2', 'd@2']);
    expect(s.step()).toBe(false);
    expect(s.peek()).toBeNull();
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
});
