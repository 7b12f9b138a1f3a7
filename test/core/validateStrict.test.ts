// The strict rules (genesis, index, reward, amount, timestamp, balances): each fails at its own block under
// `strict`, and the tutorial-faithful mode accepts every one of them (docs/protocol.md "Validation").
import { describe, expect, it } from 'vitest';
import { genesisBlock, rewardTx } from '../../src/core/block';
import type { ErrorCode } from '../../src/core/errors';
import type { PowParams } from '../../src/core/pow';
import type { Block } from '../../src/core/types';
import { checkGenesis, validateChain, type ValidationOptions } from '../../src/core/validate';
import { MINER, mine, T0, tx, type BlockSpec } from './helpers';

const POW: PowParams = { rule: 'tutorial', difficulty: 2 };
const TUTORIAL: ValidationOptions = { pow: POW, strictness: 'tutorial' };
const STRICT: ValidationOptions = { pow: POW, strictness: 'strict' };
const BALANCES: ValidationOptions = { ...STRICT, balances: true };
const reward = rewardTx(MINER);

/** Genesis, one good block, then `bad` as block 3, then one good block: links and proofs are all right. */
function chainWith(bad: BlockSpec, genesis: Block = genesisBlock(T0)): Block[] {
  return mine(POW, [{}, bad, {}], [genesis]);
}

function expectFault(chain: Block[], opts: ValidationOptions, code: ErrorCode, n: number, words: string) {
  const r = validateChain(chain, opts);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  expect(r.error.blockNumber).toBe(n);
  expect(r.error.message).toBe(`Block ${n}: ${words}`);
}

const CASES: [string, BlockSpec, ErrorCode, string][] = [
  ['index that skips', { index: 5 }, 'E_INDEX', 'its index is 5, but it follows block 2.'],
  ['index that repeats', { index: 2 }, 'E_INDEX', 'its index is 2, but it follows block 2.'],
  ['no reward', { transactions: [] }, 'E_REWARD', 'it has 0 mining rewards; exactly one is allowed.'],
  [
    'two rewards',
    { transactions: [reward, reward] },
    'E_REWARD',
    'it has 2 mining rewards; exactly one is allowed.',
  ],
  [
    'a reward of 1000',
    { transactions: [tx('0', MINER, 1000)] },
    'E_REWARD',
    'the miner paid itself 1000 coins; the reward is 1.',
  ],
  [
    'the reward not last',
    { transactions: [reward, tx(MINER, 'bob', 0.5)] },
    'E_REWARD',
    'the mining reward must be the last transaction.',
  ],
  [
    'a negative amount',
    { transactions: [tx('bob', 'alice', -5), reward] },
    'E_AMOUNT',
    'a transaction from "bob" has amount -5; amounts must be positive.',
  ],
  [
    'a zero amount',
    { transactions: [tx('bob', 'alice', 0), reward] },
    'E_AMOUNT',
    'a transaction from "bob" has amount 0; amounts must be positive.',
  ],
  [
    'a timestamp before block 2',
    { timestamp: T0 + 1.5 },
    'E_TIMESTAMP',
    'its timestamp 1700000001.5 is earlier than the block before.',
  ],
];

describe.each(CASES)('block 3 with %s', (_, spec, code, words) => {
  const chain = chainWith(spec);

  it(`fails ${code} at block 3 under strict`, () => {
    expectFault(chain, STRICT, code, 3, words);
  });

  it('is accepted by the tutorial-faithful validator', () => {
    expect(validateChain(chain, TUTORIAL)).toEqual({ ok: true, value: 4 });
  });
});

describe('strict edge cases that are fine', () => {
  it('an equal timestamp, a float reward of 1.0 and a fractional amount pass', () => {
    const chain = mine(POW, [
      { transactions: [reward] },
      {
        timestamp: T0 + 10.5,
        transactions: [tx(MINER, 'bob', 0.25), { ...reward, amountIsFloat: true }],
      },
    ]);
    expect(validateChain(chain, BALANCES)).toEqual({ ok: true, value: 3 });
  });
});

describe('genesis (strict only)', () => {
  const good = genesisBlock(T0);
  it.each([
    [{ ...good, index: 0 }, 'the genesis block must have index 1, not 0.'],
    [{ ...good, previous_hash: '0' as const }, 'the genesis block\'s previous_hash must be "1", not "0".'],
    [{ ...good, proof: 99 }, "the genesis block's proof must be 100, not 99."],
    [
      { ...good, transactions: [tx('0', 'mallory', 1000000)] },
      'the genesis block must have no transactions.',
    ],
  ] as [Block, string][])('%j', (genesis, words) => {
    const chain = chainWith({}, genesis);
    expectFault(chain, STRICT, 'E_GENESIS', 1, words);
    expect(checkGenesis(genesis)?.message).toBe(`Block 1: ${words}`);
    expect(validateChain(chain, TUTORIAL)).toEqual({ ok: true, value: 4 });
  });

  it('a trusted prefix skips the genesis check', () => {
    const chain = chainWith({}, { ...good, proof: 99 });
    expect(validateChain(chain, STRICT, 1)).toEqual({ ok: true, value: 4 });
    expect(checkGenesis(good)).toBeNull();
  });
});

describe('balances (strict with balances: true only)', () => {
  const overspend = chainWith({ transactions: [tx('alice', 'bob', 5), reward] });

  it('a sender with nothing fails E_BALANCE at its block, saying what it held', () => {
    expectFault(overspend, BALANCES, 'E_BALANCE', 3, '"alice" sends 5 but holds only 0.');
  });

  it('is not checked by default, nor by the tutorial', () => {
    expect(validateChain(overspend, STRICT)).toEqual({ ok: true, value: 4 });
    expect(validateChain(overspend, { ...TUTORIAL, balances: true })).toEqual({ ok: true, value: 4 });
  });

  it('a block’s own reward is paid after its transactions: the miner holds 1 from block 2, not 2', () => {
    const chain = chainWith({ transactions: [tx(MINER, 'bob', 2), reward] });
    expectFault(chain, BALANCES, 'E_BALANCE', 3, `"${MINER}" sends 2 but holds only 1.`);
    const ok = chainWith({ transactions: [tx(MINER, 'bob', 1), reward] });
    expect(validateChain(ok, BALANCES)).toEqual({ ok: true, value: 4 });
  });

  it('counts coins earned inside a trusted prefix', () => {
    const chain = mine(POW, [{}, {}, { transactions: [tx(MINER, 'bob', 2), reward] }]);
    expect(validateChain(chain, BALANCES, 3)).toEqual({ ok: true, value: 4 });
    expect(validateChain(chain, BALANCES)).toEqual({ ok: true, value: 4 });
    const broke = mine(POW, [{}, {}, { transactions: [tx('carol', 'bob', 2), reward] }]);
    expectFault(broke, { ...BALANCES }, 'E_BALANCE', 4, '"carol" sends 2 but holds only 0.');
    const r = validateChain(broke, BALANCES, 3);
    expect(r.ok ? null : r.error.code).toBe('E_BALANCE');
  });
});
