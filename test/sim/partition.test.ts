// Partition → fork → heal → one chain: what a student sees in the consensus log (docs/protocol.md "Fork choice").
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/lessons/headlessLesson';
import { at, eventsOf, makeSim, mineBlocks, nodeOf, settle, tipOf, userTxs } from './helpers';

const TX = { sender: 'carol', recipient: 'dave', amount: 3 };

function forked() {
  const sim = makeSim(4);
  sim.dispatch({ type: 'register-all' });
  settle(sim);
  mineBlocks(sim, 'alice', 1);
  for (const id of ['bob', 'carol', 'dave']) sim.dispatch({ type: 'resolve', node: id });
  settle(sim);
  const shared = tipOf(nodeOf(sim, 'alice').chain());
  sim.dispatch({
    type: 'partition',
    groups: [
      [at('alice'), at('bob')],
      [at('carol'), at('dave')],
    ],
  });
  mineBlocks(sim, 'alice', 3);
  sim.dispatch({ type: 'transaction', node: 'carol', body: TX });
  mineBlocks(sim, 'carol', 2);
  // Each side agrees within itself; the requests across the cut are lost and time out.
  sim.dispatch({ type: 'resolve', node: 'bob' });
  sim.dispatch({ type: 'resolve', node: 'dave' });
  settle(sim);
  return { sim, shared };
}

describe('partition, fork, heal', () => {
  it('the two sides mine different chains from the same block', () => {
    const { sim, shared } = forked();
    const [a, b, c, d] = ['alice', 'bob', 'carol', 'dave'].map((id) => nodeOf(sim, id).chain());
    expect([a, b, c, d].map((ch) => ch?.length)).toEqual([5, 5, 4, 4]);
    expect(tipOf(b!)).toBe(tipOf(a!));
    expect(tipOf(d!)).toBe(tipOf(c!));
    expect(tipOf(c!)).not.toBe(tipOf(a!));
    expect(tipOf(a!.slice(0, 2))).toBe(shared);
    expect(tipOf(c!.slice(0, 2))).toBe(shared);
    expect(sim.messages().filter((m) => m.fate === 'partitioned').length).toBeGreaterThan(0);
    // bob asked carol and dave too: those lines say why nothing came back.
    const bobs = eventsOf(sim, 'resolve')
      .filter((e) => e.node === 'bob')
      .at(-1);
    const cut = bobs?.lines.filter((l) => l.peer === at('carol') || l.peer === at('dave'));
    expect(cut?.map((l) => [l.verdict, l.code])).toEqual([
      ['unavailable', 'E_TIMEOUT'],
      ['unavailable', 'E_TIMEOUT'],
    ]);
  });

  it('after heal and resolve every node holds the longer chain; the losers say "Our chain was replaced"', () => {
    const { sim } = forked();
    const winner = nodeOf(sim, 'alice').chain();
    sim.dispatch({ type: 'heal' });
    expect(sim.partition()).toBeNull();
    const since = sim.events().length;
    for (const id of ['alice', 'bob', 'carol', 'dave']) sim.dispatch({ type: 'resolve', node: id });
    settle(sim);
    for (const n of sim.nodes()) expect(tipOf(n.chain())).toBe(tipOf(winner));
    const resolves = sim
      .events()
      .slice(since)
      .filter((e) => e.type === 'resolve');
    const byNode = Object.fromEntries(resolves.map((e) => [e.node, e]));
    expect(byNode.alice?.message).toBe('Our chain is authoritative');
    expect(byNode.bob?.message).toBe('Our chain is authoritative');
    for (const loser of ['carol', 'dave']) {
      const ev = byNode[loser];
      expect(ev?.message).toBe('Our chain was replaced');
      expect(ev?.ownLength).toBe(4);
      // alice and bob both offer 5 blocks; the first one asked wins, the other is a tie with it.
      expect(ev?.adoptedFrom).toBe(at('alice'));
      const alice = ev?.lines.find((l) => l.peer === at('alice'));
      expect(alice).toMatchObject({ verdict: 'adopted', length: 5 });
      expect(alice?.text).toContain('alice:5000: adopted');
      const bob = ev?.lines.find((l) => l.peer === at('bob'));
      expect(bob).toMatchObject({ verdict: 'not-better', length: 5 });
    }
    const replaced = eventsOf(sim, 'chain-replaced').filter((e) => e.node === 'carol');
    expect(replaced.at(-1)).toMatchObject({
      from: at('alice'),
      oldLength: 4,
      newLength: 5,
      forkPoint: 2,
      droppedBlocks: 2,
      returnedTxs: [TX],
    });
    // carol's transaction was in an abandoned block: it is pending again, not lost.
    expect(nodeOf(sim, 'carol').mempool()).toEqual([TX]);
    expect(userTxs(nodeOf(sim, 'carol').chain())).toEqual([]);
    expect(nodeOf(sim, 'carol').abandoned()).toHaveLength(2);
  });

  it('partition groups given as node ids (like every other command) cut the network', () => {
    // Commands name nodes by id ("alice"); the bus compares netlocs ("alice:5000"), so this cuts nothing.
    const sim = makeSim(3);
    sim.dispatch({ type: 'register-all' });
    settle(sim);
    sim.dispatch({ type: 'partition', groups: [['alice', 'bob'], ['carol']] });
    sim.dispatch({ type: 'resolve', node: 'alice' });
    settle(sim);
    const toCarol = sim.messages().filter((m) => m.from === at('alice') && m.to === at('carol'));
    expect(toCarol.map((m) => m.fate)).toEqual(['partitioned']);
  });

  it('the partition-heal scenario really partitions the network', () => {
    const run = runScenario('partition-heal', { nodes: 4, blocks: 24, seed: 1, difficulty: 1 });
    expect(run.summary.converged).toBe(true);
    expect(run.sim.messages().filter((m) => m.fate === 'partitioned').length).toBeGreaterThan(0);
  });
});
