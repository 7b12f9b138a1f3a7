// Every endpoint's failure path as a user meets it: the HTTP status in the message log, the tutorial's words in
// the body, and an error code in the event stream (docs/protocol.md "Endpoints").
import { describe, expect, it } from 'vitest';
import type { Request, Response } from '../../src/sim/protocol';
import type { Simulation } from '../../src/sim/simulation';
import { next, step } from '../../src/sim/step';
import { CLIENT } from '../../src/sim/world';
import { at, eventsOf, makeSim, nodeOf, settle } from './helpers';

/** The status of the newest answer to the client (the teacher's curl). */
const lastStatus = (sim: Simulation) =>
  sim
    .messages()
    .filter((m) => m.to === 'client')
    .at(-1)?.status;

function postTx(sim: Simulation, body: unknown) {
  sim.dispatch({ type: 'transaction', node: 'alice', body });
  settle(sim);
  return { status: lastStatus(sim), ev: eventsOf(sim, 'transaction').at(-1) };
}

/**
 * Send `req` to a node as an outside client would (the HTTP node's way in) and read the answer from the step's
 * `reply` effect: the response body exactly as the bus carries it. The simulation itself is not changed.
 */
function call(sim: Simulation, id: string, req: Request): Response {
  const to = nodeOf(sim, id).netloc;
  let r = step(sim.world(), {
    type: 'due',
    what: { type: 'request', from: CLIENT, to, request: req, replyTo: { kind: 'client', id: 1 } },
  });
  for (let i = 0; i < 10; i++) {
    const reply = r.effects.find((e) => e.type === 'reply');
    if (reply) return reply.response;
    const more = next(r.world);
    if (!more) break;
    r = more;
  }
  throw new Error('no reply');
}

describe('POST /transactions/new', () => {
  it('201 with the block it will go into', () => {
    const sim = makeSim(1);
    const r = postTx(sim, { sender: 'a', recipient: 'b', amount: 5 });
    expect(r.status).toBe(201);
    expect(r.ev).toMatchObject({
      accepted: true,
      blockIndex: 2,
      tx: { sender: 'a', recipient: 'b', amount: 5 },
    });
    const body = call(sim, 'alice', {
      method: 'POST',
      path: '/transactions/new',
      body: { sender: 'c', recipient: 'd', amount: 1 },
    });
    expect(body).toEqual({ status: 201, body: { message: 'Transaction will be added to Block 2' } });
  });

  it('400 "Missing values" (E_MISSING_VALUES) when a field is absent or the body is not an object', () => {
    for (const body of [{ sender: 'a', recipient: 'b' }, {}, null, 'hello', 42, [1, 2, 3]]) {
      const sim = makeSim(1);
      const r = postTx(sim, body);
      expect(r.status).toBe(400);
      expect(r.ev).toMatchObject({ accepted: false, error: { code: 'E_MISSING_VALUES' } });
      const res = call(sim, 'alice', { method: 'POST', path: '/transactions/new', body });
      expect(res.body).toEqual({ message: 'Missing values', code: 'E_MISSING_VALUES' });
      expect(nodeOf(sim, 'alice').mempool()).toEqual([]);
    }
  });

  it('400 E_SCHEMA for wrong types', () => {
    for (const body of [
      { sender: 1, recipient: 'b', amount: 1 },
      { sender: 'a', recipient: ['b'], amount: 1 },
      { sender: 'a', recipient: 'b', amount: '5' },
      { sender: '', recipient: 'b', amount: 1 },
      { sender: 'a', recipient: 'b', amount: Number.NaN },
      { sender: 'x'.repeat(201), recipient: 'b', amount: 1 },
    ]) {
      const r = postTx(makeSim(1), body);
      expect([r.status, r.ev?.error?.code]).toEqual([400, 'E_SCHEMA']);
    }
  });

  it('amount ≤ 0 is E_AMOUNT when strict, accepted in tutorial strictness', () => {
    for (const amount of [0, -5]) {
      const strict = postTx(makeSim(1), { sender: 'a', recipient: 'b', amount });
      expect([strict.status, strict.ev?.error?.code]).toEqual([400, 'E_AMOUNT']);
      const sim = makeSim(1, { strictness: 'tutorial' });
      const faithful = postTx(sim, { sender: 'a', recipient: 'b', amount });
      expect(faithful.status).toBe(201);
      expect(nodeOf(sim, 'alice').mempool()).toEqual([{ sender: 'a', recipient: 'b', amount }]);
    }
  });

  it('an identical pending transaction is not added twice (200, no new event)', () => {
    const sim = makeSim(1);
    const tx = { sender: 'a', recipient: 'b', amount: 2 };
    postTx(sim, tx);
    const again = postTx(sim, { ...tx });
    expect(again.status).toBe(200);
    expect(eventsOf(sim, 'transaction')).toHaveLength(1);
    expect(nodeOf(sim, 'alice').mempool()).toEqual([tx]);
  });
});

describe('POST /nodes/register', () => {
  const register = (sim: Simulation, urls: unknown) => {
    sim.dispatch({ type: 'register', node: 'alice', urls: urls as string[] });
    settle(sim);
    return { status: lastStatus(sim), ev: eventsOf(sim, 'peers').at(-1) };
  };

  it('400 "Error: Please supply a valid list of nodes" when nodes is not a list', () => {
    for (const urls of ['http://bob:5000', null, { 0: 'http://bob:5000' }]) {
      const sim = makeSim(2);
      expect(register(sim, urls)).toEqual({ status: 400, ev: undefined });
      const res = call(sim, 'alice', { method: 'POST', path: '/nodes/register', body: { nodes: urls } });
      expect(res).toEqual({ status: 400, body: { message: 'Error: Please supply a valid list of nodes' } });
      expect(nodeOf(sim, 'alice').peers()).toEqual([]);
    }
  });

  it('keeps the netloc; rejects bad URLs (E_BAD_URL) and itself (E_SELF); ignores duplicates', () => {
    const sim = makeSim(3);
    const r = register(sim, [
      'http://bob:5000',
      'carol:5000',
      'HTTP://BOB:5000/',
      'http://alice:5000',
      'ftp://x',
      'not a url',
      '',
      7,
    ]);
    expect(r.status).toBe(201);
    expect(r.ev?.added).toEqual([at('bob'), at('carol')]);
    expect(r.ev?.rejected.map((x) => [x.url, x.error.code])).toEqual([
      ['http://alice:5000', 'E_SELF'],
      ['ftp://x', 'E_BAD_URL'],
      ['not a url', 'E_BAD_URL'],
      ['', 'E_BAD_URL'],
      ['7', 'E_BAD_URL'],
    ]);
    expect(nodeOf(sim, 'alice').peers()).toEqual([at('bob'), at('carol')]);
    // Registering again changes nothing.
    const again = register(sim, ['http://carol:5000', 'bob:5000']);
    expect([again.status, again.ev?.added, again.ev?.rejected]).toEqual([201, [], []]);
    const res = call(sim, 'alice', { method: 'POST', path: '/nodes/register', body: { nodes: [] } });
    expect(res.body).toEqual({ message: 'New nodes have been added', total_nodes: [at('bob'), at('carol')] });
  });

  it('refuses peers past maxPeers with E_PEER_LIMIT', () => {
    const sim = makeSim(1, { maxPeers: 2 });
    const r = register(sim, ['http://p1:5000', 'http://p2:5000', 'http://p3:5000']);
    expect(r.ev?.added).toEqual(['p1:5000', 'p2:5000']);
    expect(r.ev?.rejected.map((x) => x.error.code)).toEqual(['E_PEER_LIMIT']);
    expect(nodeOf(sim, 'alice').peers()).toHaveLength(2);
  });

  it('a hostile JSON entry ({"toString": 1}) is rejected as E_BAD_URL, not thrown', () => {
    const sim = makeSim(2);
    const hostile: unknown = JSON.parse('{"toString": 1}');
    const r = (() => {
      try {
        return register(sim, [hostile, 'http://bob:5000']);
      } catch (e) {
        return String(e);
      }
    })();
    expect(typeof r === 'string' ? r : r.ev?.rejected.map((x) => x.error.code)).toEqual(['E_BAD_URL']);
  });
});

describe('dispatch checks', () => {
  it('an unknown node is E_NO_SUCH_NODE for every per-node command', () => {
    const sim = makeSim(1);
    for (const cmd of [
      { type: 'mine', node: 'zed' },
      { type: 'resolve', node: 'zed' },
      { type: 'auto-mine', node: 'zed', on: true },
      { type: 'register', node: 'zed', urls: [] },
      { type: 'remove-node', node: 'zed' },
      { type: 'set-share', node: 'zed', share: 0.5 },
      { type: 'tamper', node: 'zed', blockNumber: 1, txIndex: 0, tx: {} },
      { type: 'remine', node: 'zed', fromBlock: 2 },
    ] as const) {
      const r = sim.dispatch(cmd);
      expect(r.ok ? 'ok' : r.error.code).toBe('E_NO_SUCH_NODE');
    }
    expect(sim.peek()).toBeNull(); // nothing was sent
  });

  it('a bad difficulty is E_BAD_PARAM and leaves the parameters as they were', () => {
    const sim = makeSim(1);
    const before = sim.params();
    for (const difficulty of [9, -1, 1.5, Number.NaN]) {
      const r = sim.dispatch({ type: 'set-params', patch: { pow: { difficulty } } });
      expect(r.ok ? 'ok' : r.error.code).toBe('E_BAD_PARAM');
    }
    for (const net of [{ loss: 2 }, { latency: -1 }, { jitter: Number.NaN }]) {
      const r = sim.dispatch({ type: 'set-params', patch: { net } });
      expect(r.ok ? 'ok' : r.error.code).toBe('E_BAD_PARAM');
    }
    expect(sim.dispatch({ type: 'set-share', node: 'alice', share: 0 })).toMatchObject({ ok: false });
    expect(sim.params()).toBe(before);
    // Header bits go to 40: 9 is fine there.
    expect(sim.dispatch({ type: 'set-params', patch: { pow: { rule: 'header', difficulty: 9 } } }).ok).toBe(
      true,
    );
  });

  it('settings that would stop the clock or break the miner are E_BAD_PARAM, not accepted', () => {
    const sim = makeSim(1);
    const before = sim.params();
    // resolveInterval 0 with the periodic policy schedules resolves at the same instant forever (runUntil hangs);
    // a NaN hash rate or timeout puts NaN times into the event queue; an unknown rule throws a TypeError.
    const patches = [
      { resolvePolicy: 'periodic' as const, resolveInterval: 0 },
      { hashRate: Number.NaN },
      { hashRate: 0 },
      { timeout: -1 },
      { pow: { rule: 'sha3' as never } },
    ];
    const codes = patches.map((patch) => {
      try {
        const r = sim.dispatch({ type: 'set-params', patch });
        return r.ok ? `accepted ${JSON.stringify(patch)}` : r.error.code;
      } catch (e) {
        return `threw ${String(e)}`;
      }
    });
    expect(codes).toEqual(patches.map(() => 'E_BAD_PARAM'));
    expect(sim.params()).toBe(before);
  });
});
