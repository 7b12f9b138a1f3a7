// A selfish pool (src/sim/selfish.ts) on the real engine: what it withholds never leaves it. The relay carries
// the sender's chain by reference and GET /chain answers a chain, so either could leak the private branch; both
// must show only the published one, while the pool does hold a private lead.
import { describe, expect, it } from 'vitest';
import { hashBlock } from '../../src/core/block';
import type { Link } from '../../src/core/chain';
import { expectedAttempts } from '../../src/core/pow';
import { REWARD_SENDER, type Block } from '../../src/core/types';
import { createSimulation } from '../../src/sim/simulation';

const POW = { rule: 'tutorial', difficulty: 5 } as const;
const minerOf = (b: Block) => b.transactions.find((tx) => tx.sender === REWARD_SENDER)?.recipient;

function network() {
  const sim = createSimulation(
    {
      seed: 11,
      pow: POW,
      hashRate: expectedAttempts(POW) / 600,
      net: { latency: 2, jitter: 0, loss: 0 },
      resolvePolicy: 'relay',
      forkChoice: 'longest',
      // Longer than a request and its answer take (2 × 2 s), so a resolve hears every peer.
      timeout: 10,
      eventMode: true,
    },
    { eventCap: 100 },
  );
  for (let i = 0; i < 3; i++) sim.dispatch({ type: 'add-node', share: 0.55 / 3 });
  sim.dispatch({ type: 'add-node', share: 0.45, name: 'pool', address: 'pool:5000' });
  sim.dispatch({ type: 'register-all' });
  sim.runUntil(() => sim.peek() === null);
  sim.dispatch({ type: 'set-policy', node: 'pool', policy: 'selfish' });
  const pool = () => sim.world().nodes.find((n) => n.id === 'pool')!;
  const honest = () => sim.world().nodes.filter((n) => n.id !== 'pool');
  return { sim, pool, honest };
}

/** Hashes of every block on a chain. */
function hashes(chain: Link): Set<string> {
  const out = new Set<string>();
  for (let l: Link | null = chain; l; l = l.parent) out.add(hashBlock(l.block));
  return out;
}

/** Walks each chain down to the first link seen before (chains share their parents), calling `visit` on the rest. */
function walker(visit: (l: Link) => void) {
  const seen = new WeakSet<Link>();
  return (chain: Link) => {
    for (let l: Link | null = chain; l && !seen.has(l); l = l.parent) {
      seen.add(l);
      visit(l);
    }
  };
}

describe('a selfish pool', () => {
  it('never lets an honest node hold a block it has not published, through the relay or GET /chain', () => {
    const { sim, pool, honest } = network();
    const published = new Set<string>();
    const leaked: number[] = [];
    const publish = walker((l) => published.add(hashBlock(l.block)));
    const inspect = walker((l) => {
      if (minerOf(l.block) === 'pool' && !published.has(hashBlock(l.block))) leaked.push(l.block.index);
    });
    let mostKept = 0;
    let resolves = 0;
    let ask = false;
    // Seen as they are sent: the simulation keeps only the last eventCap messages.
    let askedPool = false;
    sim.subscribe((ev) => {
      if (ev.type === 'message' && ev.message.label.includes('GET /chain') && ev.message.to === 'pool:5000')
        askedPool = true;
      const p = pool();
      if (p.policy?.kind !== 'selfish') return;
      publish(p.policy.published);
      mostKept = Math.max(mostKept, p.chain.length - p.policy.published.length);
      for (const n of honest()) inspect(n.chain);
      // A lead of two or more: an honest node that asks the pool for its chain must get the published one.
      if (ev.type === 'block-mined' && ev.node === 'pool' && p.chain.length > p.policy.published.length + 1)
        ask = true;
    });
    for (const n of sim.nodes()) sim.dispatch({ type: 'auto-mine', node: n.id, on: true });
    sim.runUntil(() => {
      if (ask) {
        ask = false;
        resolves++;
        sim.dispatch({ type: 'resolve', node: 'alice' });
      }
      return sim.height() >= 300;
    });
    expect(leaked).toEqual([]);
    expect(mostKept).toBeGreaterThanOrEqual(3);
    expect(resolves).toBeGreaterThan(5);
    expect(askedPool).toBe(true);
  });

  it('publishes what it kept when it turns honest, and everyone ends on one chain', () => {
    const { sim, pool } = network();
    for (const n of sim.nodes()) sim.dispatch({ type: 'auto-mine', node: n.id, on: true });
    sim.runUntil(() => {
      const p = pool();
      return p.policy?.kind === 'selfish' && p.chain.length >= p.policy.published.length + 3;
    });
    const kept = pool().chain.block;
    for (const n of sim.nodes()) sim.dispatch({ type: 'auto-mine', node: n.id, on: false });
    sim.dispatch({ type: 'set-policy', node: 'pool', policy: 'honest' });
    sim.runUntil(() => sim.peek() === null);
    expect(pool().policy).toBeUndefined();
    for (const n of sim.world().nodes) expect(hashes(n.chain).has(hashBlock(kept))).toBe(true);
  });
});

describe('set-policy and set-latency', () => {
  it('refuse bad values with E_BAD_PARAM and leave the node as it was', () => {
    const { sim } = network();
    const before = sim.world().nodes.find((n) => n.id === 'alice');
    const refused = [
      sim.dispatch({
        type: 'set-policy',
        node: 'alice',
        policy: 'double-spend',
        confirmations: -1,
        giveUp: 3,
      }),
      sim.dispatch({
        type: 'set-policy',
        node: 'alice',
        policy: 'double-spend',
        confirmations: 2,
        giveUp: 0,
      }),
      sim.dispatch({ type: 'set-policy', node: 'alice', policy: 'rogue' as 'honest' }),
      sim.dispatch({ type: 'set-latency', node: 'alice', latency: -1 }),
    ];
    for (const r of refused) expect(r.ok ? null : r.error.code).toBe('E_BAD_PARAM');
    expect(sim.world().nodes.find((n) => n.id === 'alice')).toBe(before);
  });
});
