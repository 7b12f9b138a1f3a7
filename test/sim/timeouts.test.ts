// A dead neighbour (docs/protocol.md "Known flaws of the tutorial node", #119): with a timeout the resolve reports it and the node keeps working;
// with the tutorial's "no timeout" flaw that node's resolve hangs, but nothing else in the simulation does.
import { describe, expect, it } from 'vitest';
import { NO_FLAWS } from '../../src/sim/params';
import { at, eventsOf, makeSim, mineBlocks, nodeOf, settle } from './helpers';

function withDeadPeer(noTimeout: boolean) {
  const sim = makeSim(3, { timeout: 2, flaws: { ...NO_FLAWS, noTimeout } });
  sim.dispatch({ type: 'register', node: 'alice', urls: ['http://bob:5000', 'http://carol:5000'] });
  settle(sim);
  mineBlocks(sim, 'carol', 2);
  expect(sim.dispatch({ type: 'remove-node', node: 'bob' })).toEqual({ ok: true, value: undefined });
  expect(sim.node('bob')).toBeUndefined();
  return sim;
}

describe('resolve with a removed peer', () => {
  it('reports bob as unavailable (E_TIMEOUT) after the timeout and still adopts carol’s chain', () => {
    const sim = withDeadPeer(false);
    const t0 = sim.now();
    sim.dispatch({ type: 'resolve', node: 'alice' });
    settle(sim);
    const ev = eventsOf(sim, 'resolve').at(-1);
    expect(ev?.node).toBe('alice');
    expect(ev?.at).toBeCloseTo(t0 + 2, 9);
    const bob = ev?.lines.find((l) => l.peer === at('bob'));
    expect(bob).toMatchObject({ verdict: 'unavailable', code: 'E_TIMEOUT', length: null });
    expect(bob?.text).toContain('bob:5000 did not answer GET /chain within 2 s');
    expect(ev?.lines.find((l) => l.peer === at('carol'))?.verdict).toBe('adopted');
    expect(ev?.message).toBe('Our chain was replaced');
    const alice = nodeOf(sim, 'alice');
    expect(alice.chain()).toBe(nodeOf(sim, 'carol').chain());
    expect(alice.resolving()).toBe(false);
    // The request went nowhere: the message log says so.
    const lost = sim.messages().filter((m) => m.to === at('bob') && m.sentAt >= t0);
    expect(lost.map((m) => m.fate)).toEqual(['unreachable']);
    // And the node keeps working: it mines on the adopted chain and resolves again.
    mineBlocks(sim, 'alice', 1);
    expect(alice.chain().length).toBe(4);
    sim.dispatch({ type: 'resolve', node: 'alice' });
    settle(sim);
    expect(eventsOf(sim, 'resolve').at(-1)?.message).toBe('Our chain is authoritative');
  });

  it('with the noTimeout flaw the resolve never finishes, but the other nodes go on mining', () => {
    const sim = withDeadPeer(true);
    sim.dispatch({ type: 'resolve', node: 'alice' });
    const drained = settle(sim, 10_000);
    expect(drained).toBe(true); // nothing left to wait for: the answer will simply never come
    const alice = nodeOf(sim, 'alice');
    expect(alice.resolving()).toBe(true);
    expect(eventsOf(sim, 'resolve').filter((e) => e.node === 'alice')).toEqual([]);
    // A second resolve is refused while the first hangs (HTTP 409 in the message log).
    sim.dispatch({ type: 'resolve', node: 'alice' });
    settle(sim);
    const refused = sim.messages().filter((m) => m.to === 'client' && m.label.endsWith('GET /nodes/resolve'));
    expect(refused.map((m) => m.status)).toEqual([409]);
    // Everyone else is unaffected: carol mines two more blocks, and the hung node can still mine.
    mineBlocks(sim, 'carol', 2);
    expect(nodeOf(sim, 'carol').chain().length).toBe(5);
    mineBlocks(sim, 'alice', 1);
    expect(alice.chain().length).toBe(2);
    expect(alice.resolving()).toBe(true);
  });
});

describe('a removed node', () => {
  it('is unknown to later commands', () => {
    const sim = withDeadPeer(false);
    for (const cmd of [
      { type: 'mine', node: 'bob' },
      { type: 'resolve', node: 'bob' },
      { type: 'remove-node', node: 'bob' },
      { type: 'transaction', node: 'bob', body: { sender: 'a', recipient: 'b', amount: 1 } },
    ] as const) {
      const r = sim.dispatch(cmd);
      expect(r.ok ? null : r.error.code).toBe('E_NO_SUCH_NODE');
    }
  });

  it('never mines again, even when a resolve it started finishes after its removal', () => {
    const sim = makeSim(3, { net: { latency: 0.1, jitter: 0, loss: 0 } });
    sim.dispatch({ type: 'register-all' });
    settle(sim);
    mineBlocks(sim, 'bob', 3);
    // alice mines slowly (one block per ~80 s) and automatically.
    sim.dispatch({ type: 'set-share', node: 'alice', share: 1e-4 });
    sim.dispatch({ type: 'auto-mine', node: 'alice', on: true });
    // carol is cut off, so alice's resolve waits for her until the 2 s timeout, after bob has answered.
    sim.dispatch({ type: 'partition', groups: [[at('alice'), at('bob')], [at('carol')]] });
    const t0 = sim.now();
    sim.dispatch({ type: 'resolve', node: 'alice' });
    sim.advanceTo(t0 + 0.5);
    sim.dispatch({ type: 'remove-node', node: 'alice' });
    const removedAt = sim.now();
    sim.advanceTo(t0 + 300);
    const ghost = sim
      .events()
      .filter((e) => 'node' in e && e.node === 'alice' && e.at > removedAt)
      .map((e) => e.type);
    expect(ghost.filter((t) => t === 'block-mined' || t === 'mining')).toEqual([]);
  });
});
