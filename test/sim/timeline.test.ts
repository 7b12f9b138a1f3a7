// The run's history stays within its stated bounds (src/sim/timeline.ts): the event list just above its cap,
// checkpoints within their count and queue budget and sharing their chains with the live world, and seeking
// still exact after the checkpoints were thinned out.
import { describe, expect, it } from 'vitest';
import { ancestor } from '../../src/core/chain';
import type { SimEvent } from '../../src/sim/events';
import { createSimulation } from '../../src/sim/simulation';
import { Branch, MAX_CHECKPOINTS, overCap, QUEUED_BUDGET } from '../../src/sim/timeline';
import { LOW } from './helpers';

const clock = (at: number): SimEvent => ({ type: 'heal', at });

describe('the event list', () => {
  it('is trimmed back to the cap once it is a sixteenth over it', () => {
    expect(overCap(21_250, 20_000)).toBe(0);
    expect(overCap(21_251, 20_000)).toBe(1_251);
    // A tiny cap still trims (steps of at least one).
    expect(overCap(2, 1)).toBe(0);
    expect(overCap(3, 1)).toBe(2);
  });

  it('keeps the latest events, never more than the cap and a step', () => {
    const b = new Branch(createSimulation(LOW).world(), 64);
    let most = 0;
    for (let n = 1; n <= 2_000; n++) {
      b.addEvents([clock(n)], n, 160);
      most = Math.max(most, b.events.length);
    }
    expect(most).toBe(170);
    expect(b.events.length).toBeGreaterThanOrEqual(160);
    expect(b.events.at(-1)?.at).toBe(2_000);
    // Each kept event still knows its moment, so the logs up to a moment are found as before.
    expect(b.eventN.at(-1)).toBe(2_000);
    expect(b.eventCount(1_950)).toBe(b.events.length - 50);
  });
});

describe('checkpoints', () => {
  /** `nodes` registered nodes, the first `miners` of them mining; a Branch of our own, fed every world. */
  function run(moments: number, nodes = 3, miners = 1, policy: 'manual' | 'on-announce' = 'manual') {
    const sim = createSimulation({ ...LOW, resolvePolicy: policy }, { checkpointEvery: 1 });
    for (let i = 0; i < nodes; i++) sim.dispatch({ type: 'add-node' });
    sim.dispatch({ type: 'register-all' });
    for (const n of sim.nodes().slice(0, miners)) sim.dispatch({ type: 'auto-mine', node: n.id, on: true });
    const b = new Branch(sim.world(), 1);
    const seen = new Map<number, string>();
    while (sim.moment() < moments && sim.step()) {
      b.checkpoint(sim.world());
      seen.set(sim.moment(), JSON.stringify(sim.nodes().map((n) => [n.id, n.link().length, sim.now()])));
    }
    return { sim, b, seen };
  }

  it('stay at MAX_CHECKPOINTS at most, and share every chain with the live world', () => {
    // alice mines alone and nobody resolves: no chain is ever replaced, so every chain is an ancestor of hers.
    const { sim, b } = run(MAX_CHECKPOINTS * 3);
    expect(sim.moment()).toBe(MAX_CHECKPOINTS * 3);
    expect(b.checkpoints.length).toBeLessThanOrEqual(MAX_CHECKPOINTS);
    expect(b.checkpoints.length).toBeGreaterThan(MAX_CHECKPOINTS / 2);
    const live = sim.world().nodes;
    const shared = b.checkpoints.every((c) =>
      c.nodes.every((n) => {
        const now = live.find((x) => x.id === n.id)?.chain;
        return now !== undefined && ancestor(now, n.chain.length) === n.chain;
      }),
    );
    // The same link objects, not equal copies: a checkpoint costs no chain's length.
    expect(shared).toBe(true);
    expect(live[0]?.chain.length).toBeGreaterThan(10);
  });

  it('hold at most QUEUED_BUDGET messages and timers in flight with every node mining and resolving', () => {
    const { b } = run(3_000, 10, 10, 'on-announce');
    const inFlight = b.checkpoints.reduce((sum, c) => sum + (c.queue?.size ?? 0), 0);
    expect(inFlight).toBeLessThanOrEqual(QUEUED_BUDGET);
    // Thinned by the queues, long before the count limit: fewer checkpoints, as large as they are.
    expect(inFlight).toBeGreaterThan(QUEUED_BUDGET / 2);
    expect(b.checkpoints.length).toBeLessThan(MAX_CHECKPOINTS / 4);
  });

  it('thinned out, still bring back any moment exactly', () => {
    const { sim, seen } = run(MAX_CHECKPOINTS * 3, 4, 2, 'on-announce');
    // Moments after the set-up's commands, from the first input the clock ran to the one before the end.
    const moments = [...seen.keys()].filter((m, i) => i % 397 === 1).concat(MAX_CHECKPOINTS * 3 - 2);
    expect(moments.length).toBeGreaterThan(5);
    for (const m of moments) {
      expect(sim.seek(m).ok).toBe(true);
      expect(JSON.stringify(sim.nodes().map((n) => [n.id, n.link().length, sim.now()]))).toBe(seen.get(m));
    }
  });
});
