import { describe, expect, it } from 'vitest';
import { hashBlock } from '../../src/core/block';
import { createController } from '../../src/store/controller';

function classroom(seed = 3) {
  const c = createController({ params: { seed, pow: { rule: 'tutorial', difficulty: 2 }, hashRate: 500 } });
  for (let i = 0; i < 3; i++) c.dispatch({ type: 'add-node' });
  c.dispatch({ type: 'register-all' });
  return c;
}

describe('controller', () => {
  it('batches many simulation events into one store update per frame', () => {
    const c = classroom();
    for (const n of c.sim().nodes()) c.dispatch({ type: 'auto-mine', node: n.id, on: true });
    c.tick(0);
    let updates = 0;
    c.store.subscribe(() => updates++);
    const before = c.sim().events().length;
    c.tick(250); // two frames of 0.25 virtual seconds each (speed 1)
    c.tick(500);
    expect(c.sim().events().length).toBeGreaterThan(before); // blocks and messages happened…
    expect(updates).toBe(2); // …but only one store update per tick
    expect(c.store.getState().now).toBeCloseTo(0.5, 6);
  });

  it('holds the clock while paused and runs exactly one event per step', () => {
    const c = classroom();
    c.dispatch({ type: 'mine', node: 'alice' });
    c.pause();
    c.tick(0);
    c.tick(1000);
    expect(c.store.getState().now).toBe(0);
    const pending = c.sim().peek();
    c.step();
    expect(c.store.getState().now).toBe(pending);
    expect(c.store.getState().playing).toBe(false);
  });

  it('shows the chain a node mined, with the same blocks the engine holds', () => {
    const c = classroom();
    c.dispatch({ type: 'mine', node: 'bob' });
    c.tick(0);
    for (let t = 250; t <= 10_000 && c.store.getState().nodes[1]?.chain.length === 1; t += 250) c.tick(t);
    const bob = c.store.getState().nodes.find((n) => n.id === 'bob');
    expect(bob?.chain.length).toBe(2);
    expect(hashBlock(bob!.chain[1]!)).toBe(hashBlock(c.sim().node('bob')!.chain()[1]!));
    expect(c.store.getState().mined.map((m) => m.node)).toEqual(['bob']);
  });

  it('keeps a node view object when nothing about that node changed (narrow selectors stay quiet)', () => {
    const c = classroom();
    c.flush();
    const carol = c.store.getState().nodes.find((n) => n.id === 'carol');
    c.dispatch({ type: 'auto-mine', node: 'alice', on: true });
    c.flush();
    expect(c.store.getState().nodes.find((n) => n.id === 'carol')).toBe(carol);
    expect(c.store.getState().nodes.find((n) => n.id === 'alice')?.autoMine).toBe(true);
  });

  it('turns a refused command into a notice with its code and leaves the state unchanged', () => {
    const c = classroom();
    const before = c.sim().params();
    const r = c.dispatch({ type: 'set-params', patch: { pow: { difficulty: 99 } } });
    expect(r.ok).toBe(false);
    expect(c.sim().params()).toBe(before);
    const notice = c.store.getState().notices.at(-1);
    expect(notice?.error.code).toBe('E_BAD_PARAM');
    expect(notice?.error.message).toMatch(/from 0 to 8/);
    c.dispatch({ type: 'mine', node: 'mallory' });
    expect(c.store.getState().notices.at(-1)?.error.code).toBe('E_NO_SUCH_NODE');
  });

  it('records heights per node over time for the chart', () => {
    const c = classroom();
    c.dispatch({ type: 'auto-mine', node: 'alice', on: true });
    c.tick(0);
    for (let t = 250; t <= 20_000; t += 250) c.tick(t);
    const last = c.store.getState().heights.at(-1)!;
    expect(last['alice']).toBe(c.sim().node('alice')!.chain().length - 1);
    expect(last['alice']).toBeGreaterThan(0);
  });
});
