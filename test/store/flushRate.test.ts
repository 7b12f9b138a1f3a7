// How often the playing clock reaches the store: every frame is 60 updates a second, each re-rendering the clock
// and every mining node's row; the panels read a clock and hash counters a few times a second.
import { describe, expect, it } from 'vitest';
import { createController } from '../../src/store/controller';

function mining() {
  const c = createController({
    params: { seed: 3, pow: { rule: 'tutorial', difficulty: 2 }, hashRate: 500 },
  });
  for (let i = 0; i < 3; i++) c.dispatch({ type: 'add-node' });
  c.dispatch({ type: 'register-all' });
  for (const n of c.sim().nodes()) c.dispatch({ type: 'auto-mine', node: n.id, on: true });
  return c;
}

/** Ticks at 60 frames a second for `seconds` of wall time; the store updates seen, by the time they came. */
function frames(c: ReturnType<typeof mining>, seconds: number) {
  const updates: { wall: number; now: number; blocks: number }[] = [];
  let wall = 0;
  c.store.subscribe((s) =>
    updates.push({ wall, now: s.now, blocks: s.nodes.reduce((n, x) => n + x.chain.length, 0) }),
  );
  for (let k = 0; k <= seconds * 60; k++) c.tick((wall = (k * 1000) / 60));
  return updates;
}

describe('store updates while playing', () => {
  it('come at most 10 times a second, with the clock at least every 250 ms', () => {
    const c = mining();
    const updates = frames(c, 10);
    expect(updates.length).toBeGreaterThanOrEqual(40);
    expect(updates.length).toBeLessThanOrEqual(101);
    for (let i = 1; i < updates.length; i++) {
      const gap = updates[i]!.wall - updates[i - 1]!.wall;
      expect(gap).toBeGreaterThanOrEqual(100 - 1e-9);
      expect(gap).toBeLessThanOrEqual(250 + 1000 / 60);
    }
    // The clock shown is the engine's, as of the last update.
    expect(updates.at(-1)!.now).toBeGreaterThan(9.7);
  });

  it('show a mined block within a tenth of a second', () => {
    const c = mining();
    const blocks = (chains: readonly { length: number }[]) => chains.reduce((n, x) => n + x.length, 0);
    let behindSince: number | null = null;
    let longestBehind = 0;
    for (let k = 0; k <= 20 * 60; k++) {
      const wall = (k * 1000) / 60;
      c.tick(wall);
      const engine = blocks(
        c
          .sim()
          .nodes()
          .map((n) => n.chain()),
      );
      const shown = blocks(c.store.getState().nodes.map((n) => n.chain));
      if (engine === shown) behindSince = null;
      else longestBehind = Math.max(longestBehind, wall - (behindSince ??= wall));
    }
    expect(blocks(c.store.getState().nodes.map((n) => n.chain))).toBeGreaterThan(3 + 5);
    expect(longestBehind).toBeLessThan(100);
  });

  it('still come at once for a command while paused', () => {
    const c = mining();
    c.pause();
    c.tick(0);
    c.dispatch({ type: 'add-node' });
    expect(c.store.getState().nodes).toHaveLength(4);
  });
});
