// Pending transactions: mined into the next block with the reward last (docs/protocol.md "Blocks and transactions"), and put back or dropped
// correctly when a chain swap abandons blocks (flaw #23, which the tutorial-faithful switch keeps).
import { describe, expect, it } from 'vitest';
import { forgeBlock, genesisBlock } from '../../src/core/block';
import type { Block, Transaction } from '../../src/core/types';
import { reconcile, txKey, withoutTxs } from '../../src/sim/mempool';
import { NO_FLAWS } from '../../src/sim/params';
import { eventsOf, makeSim, mineBlocks, nodeOf, settle, userTxs } from './helpers';

const tx = (sender: string, amount = 1): Transaction => ({ sender, recipient: 'r', amount });
const [A, B, C, D] = [tx('a'), tx('b'), tx('c'), tx('d')];
const block = (last: Block, txs: readonly Transaction[]) => forgeBlock(last, txs, 'm', 0, last.timestamp + 1);
const G = genesisBlock(1700000000);

describe('mining takes the mempool', () => {
  it('a posted transaction leaves the mempool and is in the next block, the reward last', () => {
    const sim = makeSim(1);
    const t1 = { sender: 'ann', recipient: 'ben', amount: 5 };
    const t2 = { sender: 'ben', recipient: 'cid', amount: 2.5 };
    for (const body of [t1, t2]) sim.dispatch({ type: 'transaction', node: 'alice', body });
    settle(sim);
    const alice = nodeOf(sim, 'alice');
    expect(alice.mempool()).toEqual([t1, t2]);
    mineBlocks(sim, 'alice');
    expect(alice.mempool()).toEqual([]);
    const mined = alice.chain()[1] as Block;
    expect(mined.index).toBe(2);
    expect(mined.transactions).toEqual([t1, t2, { sender: '0', recipient: 'alice', amount: 1 }]);
    expect(eventsOf(sim, 'block-mined').map((e) => [e.node, e.index])).toEqual([['alice', 2]]);
    // The next block holds only the reward.
    mineBlocks(sim, 'alice');
    expect((alice.chain()[2] as Block).transactions).toEqual([
      { sender: '0', recipient: 'alice', amount: 1 },
    ]);
  });

  it('the header rule binds the block contents when the search starts; later ones wait for the next block', () => {
    const sim = makeSim(1, { pow: { rule: 'header', difficulty: 6 } });
    const t1 = { sender: 'ann', recipient: 'ben', amount: 1 };
    const t2 = { sender: 'ann', recipient: 'ben', amount: 2 };
    sim.dispatch({ type: 'transaction', node: 'alice', body: t1 });
    sim.dispatch({ type: 'mine', node: 'alice' });
    sim.dispatch({ type: 'transaction', node: 'alice', body: t2 });
    const alice = nodeOf(sim, 'alice');
    sim.runUntil(() => alice.chain().length === 2);
    expect(userTxs(alice.chain())).toEqual([t1]);
    expect(alice.mempool()).toEqual([t2]);
  });
});

describe('reconcile', () => {
  const x1 = block(G, [A, B]);
  const x2 = block(x1, [C]);
  const y1 = block(G, [B, D]);

  it('returns user transactions of dropped blocks that the new chain lacks, never rewards', () => {
    const r = reconcile([], [x1, x2], [y1]);
    expect(r.returned).toEqual([A, C]);
    expect(r.mempool).toEqual([A, C]);
    expect(r.mempool.every((t) => t.sender !== '0')).toBe(true);
  });

  it('removes pending transactions the new chain already holds', () => {
    const r = reconcile([D, tx('e')], [x1], [y1]);
    expect(r.returned).toEqual([A]);
    expect(r.mempool).toEqual([A, tx('e')]);
  });

  it('keeps a pending transaction that the dropped and added blocks both held', () => {
    // B was in both: it stays mined, and a pending copy of it (posted again) is not touched.
    const r = reconcile([B], [x1], [y1]);
    expect(r.mempool).toEqual([A, B]);
  });

  it('counts copies: multiset semantics', () => {
    const twice = block(G, [A, A, B]);
    const once = block(G, [A]);
    expect(reconcile([], [twice], [once]).returned).toEqual([A, B]);
    expect(reconcile([A, A], [], [once]).mempool).toEqual([A]);
    expect(withoutTxs([A, B, A, A], [A, A])).toEqual([B, A]);
    expect(withoutTxs([A], [A, A, A])).toEqual([]);
  });

  it('5 and 5.0 are different transactions (they hash differently in Python)', () => {
    const int5 = { sender: 'a', recipient: 'b', amount: 5 };
    const float5: Transaction = { ...int5, amountIsFloat: true };
    expect(txKey(int5)).toBe('{"amount": 5, "recipient": "b", "sender": "a"}');
    expect(txKey(float5)).toBe('{"amount": 5.0, "recipient": "b", "sender": "a"}');
    expect(withoutTxs([int5, float5], [float5])).toEqual([int5]);
  });

  it('a swap to an extension of our chain changes nothing', () => {
    expect(reconcile([C], [], [x1])).toEqual({ mempool: [C], returned: [] });
  });
});

describe('across a reorg in the simulation', () => {
  function reorg(noMempoolReconcile: boolean) {
    const sim = makeSim(2, { flaws: { ...NO_FLAWS, noMempoolReconcile } });
    sim.dispatch({ type: 'register', node: 'alice', urls: ['http://bob:5000'] });
    const mine = { sender: 'ann', recipient: 'ben', amount: 7 };
    const pending = { sender: 'ann', recipient: 'cid', amount: 1 };
    sim.dispatch({ type: 'transaction', node: 'alice', body: mine });
    settle(sim);
    mineBlocks(sim, 'alice', 1); // `mine` is in alice's block 2 …
    sim.dispatch({ type: 'transaction', node: 'alice', body: pending });
    mineBlocks(sim, 'bob', 2); // … which bob's longer chain does not have
    sim.dispatch({ type: 'resolve', node: 'alice' });
    settle(sim);
    const alice = nodeOf(sim, 'alice');
    expect(alice.chain()).toBe(nodeOf(sim, 'bob').chain());
    return { alice, mine, pending, replaced: eventsOf(sim, 'chain-replaced').at(-1) };
  }

  it('the abandoned block’s transaction is pending again, ahead of the others', () => {
    const { alice, mine, pending, replaced } = reorg(false);
    expect(alice.mempool()).toEqual([mine, pending]);
    expect(replaced).toMatchObject({ droppedBlocks: 1, returnedTxs: [mine] });
  });

  it('with the tutorial’s flaw #23 it is lost: in no chain and no mempool', () => {
    const { alice, mine, pending, replaced } = reorg(true);
    expect(alice.mempool()).toEqual([pending]);
    expect(userTxs(alice.chain())).toEqual([]);
    expect(replaced).toMatchObject({ droppedBlocks: 1, returnedTxs: [] });
    expect(alice.mempool()).not.toContainEqual(mine);
  });
});
