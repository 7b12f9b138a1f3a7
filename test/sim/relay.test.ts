// The relay policy: the announce carries the block, one way. A peer whose tip it extends checks that one block
// and appends it; a peer on another branch judges the carried chain at once (one hop, as a node with a block
// store); a bad block is refused with its rule, as a resolve would.
import { describe, expect, it } from 'vitest';
import { runHeadless } from '../../src/sim/headless';
import { at, eventsOf, makeSim, mineBlocks, nodeOf, settle, tipOf } from './helpers';

const relaying = (n: number) => {
  const sim = makeSim(n, { resolvePolicy: 'relay' });
  sim.dispatch({ type: 'register-all' });
  settle(sim);
  return sim;
};

describe('relay', () => {
  it('a mined block reaches every peer in one message each, and each appends it after checking it', () => {
    const sim = relaying(3);
    const before = sim.messages().length;
    mineBlocks(sim, 'alice', 1);
    settle(sim);
    const tip = tipOf(nodeOf(sim, 'alice').chain());
    for (const id of ['bob', 'carol']) expect(tipOf(nodeOf(sim, id).chain())).toBe(tip);
    const sent = sim.messages().slice(before);
    const announces = sent.filter((m) => m.label === 'POST /nodes/announce');
    expect(announces.map((m) => [m.from, m.to, m.kind])).toEqual([
      [at('alice'), at('bob'), 'request'],
      [at('alice'), at('carol'), 'request'],
    ]);
    // One way: no answer to an announce, and nobody asks anyone for a whole chain.
    expect(sent.filter((m) => m.label.endsWith('/nodes/announce') && m.kind === 'response')).toEqual([]);
    expect(sent.filter((m) => m.label.includes('GET /chain'))).toEqual([]);
    const adopted = eventsOf(sim, 'resolve').filter((e) => e.trigger === 'announce');
    expect(adopted.map((e) => [e.node, e.adoptedFrom, e.message]).sort()).toEqual([
      ['bob', at('alice'), 'Our chain was replaced'],
      ['carol', at('alice'), 'Our chain was replaced'],
    ]);
  });

  it('a peer on another branch switches in the same hop when the carried chain is longer: no GET /chain', () => {
    const sim = relaying(3);
    sim.dispatch({ type: 'partition', groups: [['alice', 'bob'], ['carol']] });
    mineBlocks(sim, 'alice', 2);
    mineBlocks(sim, 'carol', 1);
    settle(sim);
    expect(nodeOf(sim, 'carol').chain()).toHaveLength(2);
    sim.dispatch({ type: 'heal' });
    const before = sim.messages().length;
    mineBlocks(sim, 'alice', 1); // block 4 on alice's branch: carol has never seen block 3
    settle(sim);
    const sent = sim.messages().slice(before);
    expect(sent.filter((m) => m.label === 'GET /chain')).toEqual([]);
    const announce = sent.find((m) => m.to === at('carol'));
    const swapAt = eventsOf(sim, 'chain-replaced')
      .filter((e) => e.node === 'carol')
      .at(-1)?.at;
    expect(swapAt).toBe(announce?.arriveAt);
    expect(tipOf(nodeOf(sim, 'carol').chain())).toBe(tipOf(nodeOf(sim, 'alice').chain()));
    const swap = eventsOf(sim, 'chain-replaced')
      .filter((e) => e.node === 'carol')
      .at(-1);
    expect(swap).toMatchObject({ from: at('alice'), oldLength: 2, newLength: 4, droppedBlocks: 1 });
  });

  it('a block that breaks a rule is refused with the rule, and the peer keeps its chain', () => {
    const sim = relaying(2);
    sim.dispatch({ type: 'set-reward', node: 'alice', amount: 1000 });
    mineBlocks(sim, 'alice', 1);
    settle(sim);
    expect(nodeOf(sim, 'bob').chain()).toHaveLength(1);
    const refused = eventsOf(sim, 'resolve').find((e) => e.node === 'bob');
    expect(refused?.message).toBe('Our chain is authoritative');
    expect(refused?.lines).toMatchObject([{ peer: at('alice'), verdict: 'invalid', code: 'E_REWARD' }]);
  });

  it('ten nodes in event mode end on one chain, with about one message per peer per block', () => {
    const run = runHeadless({
      nodes: 10,
      blocks: 300,
      seed: 4,
      difficulty: 4, // 3.3 s between blocks against 0.1 s of latency: few forks
      rule: 'tutorial',
      eventMode: true,
      resolvePolicy: 'relay',
    });
    expect(run.summary.converged).toBe(true);
    const mined = run.summary.heads[0]!.height + run.summary.staleBlocks;
    expect(run.summary.messages / mined).toBeGreaterThan(9);
    expect(run.summary.messages / mined).toBeLessThan(12);
  });
});
