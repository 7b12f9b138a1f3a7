// Amounts as Python's node takes them — ints of any size, floats however large — posted, mined, hashed,
// exported and imported exactly; a refused edit changes nothing; a loaded chain reconciles the mempool.
import { describe, expect, it } from 'vitest';
import { encodeBlock, hashBlock } from '../../src/core/block';
import { chainResponseText, parseChainResponse } from '../../src/core/chainJson';
import { PyFloat } from '../../src/core/encoding';
import { validateChain } from '../../src/core/validate';
import { eventsOf, makeSim, mineBlocks, nodeOf, settle } from './helpers';

describe('amounts of any size', () => {
  it('2**64, 12345678901234567, 1e16 and 1e21 are taken with 201, mined, and hashed as Python writes them', () => {
    const sim = makeSim(1, { strictness: 'tutorial' });
    const amounts = [2n ** 64n, 12345678901234567n, new PyFloat(1e16), 1e21];
    for (const amount of amounts)
      sim.dispatch({ type: 'transaction', node: 'alice', body: { sender: 'a', recipient: 'b', amount } });
    settle(sim);
    const statuses = sim
      .messages()
      .filter((m) => m.to === 'client')
      .map((m) => m.status);
    expect(statuses).toEqual([201, 201, 201, 201]);
    mineBlocks(sim, 'alice', 1);
    const block = nodeOf(sim, 'alice').chain()[1]!;
    const text = encodeBlock(block);
    for (const written of ['18446744073709551616', '12345678901234567', '1e+16', '1e+21'])
      expect(text).toContain(`"amount": ${written},`);
    // Out as the tutorial's GET /chain, back in, and the same bytes and hash.
    const file = chainResponseText(nodeOf(sim, 'alice').chain());
    const back = parseChainResponse(file);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.chain[1]!.transactions[0]!.amount).toBe(2n ** 64n);
    expect(hashBlock(back.value.chain[1]!)).toBe(hashBlock(block));
    expect(chainResponseText(back.value.chain)).toBe(file);
    expect(validateChain(back.value.chain, sim.validation()).ok).toBe(true);
  });

  it('strict mode takes a big positive int and refuses a big negative one with E_AMOUNT', () => {
    const sim = makeSim(1, { strictness: 'strict' });
    sim.dispatch({
      type: 'transaction',
      node: 'alice',
      body: { sender: 'a', recipient: 'b', amount: 10n ** 30n },
    });
    sim.dispatch({
      type: 'transaction',
      node: 'alice',
      body: { sender: 'a', recipient: 'b', amount: -(10n ** 30n) },
    });
    settle(sim);
    const answers = eventsOf(sim, 'transaction').map((e) => (e.accepted ? 'ok' : e.error?.code));
    expect(answers).toEqual(['ok', 'E_AMOUNT']);
    expect(
      nodeOf(sim, 'alice')
        .mempool()
        .map((t) => t.amount),
    ).toEqual([10n ** 30n]);
  });
});

describe('state is unchanged by a refused edit', () => {
  it('a tamper of a transaction that does not exist is E_SCHEMA and the world is the very same value', () => {
    const sim = makeSim(1);
    mineBlocks(sim, 'alice', 1);
    const before = sim.world();
    const r = sim.dispatch({ type: 'tamper', node: 'alice', blockNumber: 2, txIndex: 9, tx: { amount: 5 } });
    expect(r).toMatchObject({ ok: false, error: { code: 'E_SCHEMA' } });
    expect(sim.world()).toBe(before);
  });
});

describe('a loaded chain', () => {
  it('takes out of the mempool what it already holds, and gives back what the dropped blocks held', () => {
    const sim = makeSim(2);
    const pay = (node: string, amount: number) =>
      sim.dispatch({ type: 'transaction', node, body: { sender: 'x', recipient: 'y', amount } });
    pay('alice', 1); // alice mines this one
    mineBlocks(sim, 'alice', 1);
    pay('alice', 2); // pending at alice, and mined by bob below
    pay('bob', 2);
    pay('bob', 3); // pending at bob only
    settle(sim);
    mineBlocks(sim, 'bob', 1);
    // alice loads bob's chain: block 2 with the payment of 1 is dropped, bob's block 2 holds the payment of 2.
    sim.dispatch({ type: 'load-chain', node: 'alice', chain: nodeOf(sim, 'bob').chain() });
    const pending = nodeOf(sim, 'alice')
      .mempool()
      .map((t) => t.amount);
    expect(pending).toEqual([1]); // 1 came back; 2 is in the loaded chain, so it left
    expect(eventsOf(sim, 'chain-replaced').at(-1)).toMatchObject({ node: 'alice', droppedBlocks: 1 });
    expect(eventsOf(sim, 'chain-loaded').at(-1)).toMatchObject({ node: 'alice', length: 2 });
  });
});
