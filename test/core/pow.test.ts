// Proof rules, difficulty arithmetic, the header layout, hash helpers and the ledger.
import { describe, expect, it } from 'vitest';
import { genesisBlock, rewardTx } from '../../src/core/block';
import { leadingHexZeros, leadingZeroBits, sha256BytesHex, sha256Hex } from '../../src/core/hash';
import { applyBlock, balancesOf } from '../../src/core/ledger';
import {
  DEFAULT_POW,
  expectedAttempts,
  headerPrefix,
  isValidDifficulty,
  isValidNonce,
  meetsDifficulty,
  minerOf,
  proofHash,
  proofInput,
  searchProof,
  shownDifficulty,
  successProbability,
  transactionsRoot,
  type BlockDraft,
} from '../../src/core/pow';
import { mine, T0, tx } from './helpers';

const GENESIS = genesisBlock(T0);
const draft: BlockDraft = {
  timestamp: T0 + 12.5,
  transactions: [tx('alice', 'bob', 2.5), rewardTx('miner-é')],
};

describe('hash helpers', () => {
  it('sha256 of text is over its UTF-8 bytes', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('é')).toBe(sha256BytesHex(new Uint8Array([0xc3, 0xa9])));
  });

  it.each([
    ['0000ab', 4, 16],
    ['000f', 3, 12],
    ['1fff', 0, 3],
    ['8000', 0, 0],
    ['07', 1, 5],
    ['0000', 4, 16],
  ])('%s has %i leading hex zeros and %i leading zero bits', (hex, zeros, bits) => {
    expect(leadingHexZeros(hex)).toBe(zeros);
    expect(leadingZeroBits(hex)).toBe(bits);
  });
});

describe('difficulty', () => {
  it('the tutorial default is 4 hex zeros', () => {
    expect(DEFAULT_POW).toEqual({ rule: 'tutorial', difficulty: 4 });
    expect(expectedAttempts(DEFAULT_POW)).toBe(65536);
    expect(successProbability(DEFAULT_POW)).toBe(1 / 65536);
  });

  it('the header rule counts bits: one step doubles the work', () => {
    expect(expectedAttempts({ rule: 'header', difficulty: 20 })).toBe(1048576);
    expect(expectedAttempts({ rule: 'header', difficulty: 21 })).toBe(2097152);
  });

  it('accepts 0–8 hex zeros and 0–40 bits, whole numbers only', () => {
    expect(isValidDifficulty({ rule: 'tutorial', difficulty: 8 })).toBe(true);
    expect(isValidDifficulty({ rule: 'tutorial', difficulty: 9 })).toBe(false);
    expect(isValidDifficulty({ rule: 'tutorial-original', difficulty: -1 })).toBe(false);
    expect(isValidDifficulty({ rule: 'header', difficulty: 40 })).toBe(true);
    expect(isValidDifficulty({ rule: 'header', difficulty: 41 })).toBe(false);
    expect(isValidDifficulty({ rule: 'header', difficulty: 2.5 })).toBe(false);
  });

  it('meetsDifficulty reads hex zeros for the tutorial and bits for the header rule', () => {
    expect(meetsDifficulty({ rule: 'tutorial', difficulty: 4 }, '0000f1')).toBe(true);
    expect(meetsDifficulty({ rule: 'tutorial', difficulty: 4 }, '000f10')).toBe(false);
    expect(meetsDifficulty({ rule: 'header', difficulty: 15 }, '0001ff')).toBe(true);
    expect(meetsDifficulty({ rule: 'header', difficulty: 16 }, '0001ff')).toBe(false);
  });

  it('nonces are whole, non-negative and at most 16 digits', () => {
    expect(isValidNonce(0)).toBe(true);
    expect(isValidNonce(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(isValidNonce(-1)).toBe(false);
    expect(isValidNonce(1.5)).toBe(false);
    expect(isValidNonce(2 ** 53)).toBe(false);
  });
});

describe('searchProof', () => {
  const params = { rule: 'tutorial' as const, difficulty: 4 };
  const input = proofInput(params, GENESIS, draft);

  it('gives up after maxAttempts and resumes from start', () => {
    expect(searchProof(params, input, 0, 4456)).toBeNull();
    expect(searchProof(params, input, 4000, 457)).toMatchObject({ proof: 4456, attempts: 457 });
    expect(searchProof(params, input, 4457, 1)).toBeNull();
  });

  it('every hash it returns is the proof hash and meets the difficulty', () => {
    const found = searchProof({ rule: 'tutorial', difficulty: 2 }, input, 10);
    expect(found).not.toBeNull();
    expect(found?.hash).toBe(proofHash(input, found?.proof as number));
    expect(found?.hash.startsWith('00')).toBe(true);
    expect(found?.attempts).toBe((found?.proof as number) - 9);
  });
});

describe("shownDifficulty: the difficulty a chain's own blocks show", () => {
  const at3 = mine({ rule: 'tutorial', difficulty: 3 }, [{}, {}, {}, {}, {}]);

  it('is what most of its proof hashes reach, whatever the network mines at', () => {
    expect(shownDifficulty('tutorial', at3)).toBe(3);
    expect(shownDifficulty('tutorial', mine({ rule: 'tutorial', difficulty: 1 }, [{}, {}, {}]))).toBe(1);
    // The same proofs read under the other tutorial rule are not proofs at all.
    expect(shownDifficulty('tutorial-original', at3)).toBeLessThan(3);
  });

  it('one forged block does not lower it, so the forged block still fails', () => {
    const forged = at3.map((b, i) => (i === 4 ? { ...b, proof: 1 } : b));
    expect(shownDifficulty('tutorial', forged)).toBe(3);
  });

  it('has no answer for genesis alone or the header rule (its difficulty is inside every hash)', () => {
    expect(shownDifficulty('tutorial', [GENESIS])).toBeNull();
    expect(shownDifficulty('header', at3)).toBeNull();
  });
});

describe('header rule layout', () => {
  const prefix = headerPrefix('ab'.repeat(32), draft, 20);

  it('binds previous hash, transactions root, timestamp, bits and miner, padded to 64 bytes', () => {
    expect(prefix.length % 64).toBe(0);
    expect(prefix).toMatch(
      new RegExp(
        `^chainlab-header/1 prev=${'ab'.repeat(32)} root=${transactionsRoot(draft.transactions)} ` +
          'time=1700000012\\.5 bits=20 miner="miner-\\\\u00e9" nonce=\\.*$',
      ),
    );
    // After the midstate one compression per attempt: 16 nonce digits + 0x80 + 8 length bytes fit in 64.
    expect((prefix.length % 64) + 16 + 9).toBeLessThanOrEqual(64);
  });

  it('changes with every bound field', () => {
    const variants = [
      headerPrefix('cd'.repeat(32), draft, 20),
      headerPrefix('ab'.repeat(32), { ...draft, timestamp: draft.timestamp + 1 }, 20),
      headerPrefix('ab'.repeat(32), draft, 21),
      headerPrefix(
        'ab'.repeat(32),
        { ...draft, transactions: [tx('alice', 'bob', 3), rewardTx('miner-é')] },
        20,
      ),
      headerPrefix(
        'ab'.repeat(32),
        { ...draft, transactions: [tx('alice', 'bob', 2.5), rewardTx('thief')] },
        20,
      ),
    ];
    expect(new Set([prefix, ...variants]).size).toBe(6);
  });

  it('transactionsRoot hashes the Python encoding of the list, so 5 and 5.0 differ', () => {
    const five = [tx('a', 'b', 5)];
    expect(transactionsRoot(five)).toBe(sha256Hex('[{"amount": 5, "recipient": "b", "sender": "a"}]'));
    expect(transactionsRoot([{ ...tx('a', 'b', 5), amountIsFloat: true }])).toBe(
      sha256Hex('[{"amount": 5.0, "recipient": "b", "sender": "a"}]'),
    );
  });

  it('minerOf is the recipient of the last reward, or "" without one', () => {
    expect(minerOf(draft.transactions)).toBe('miner-é');
    expect(minerOf([rewardTx('first'), tx('a', 'b', 1), rewardTx('last')])).toBe('last');
    expect(minerOf([tx('a', 'b', 1)])).toBe('');
  });
});

describe('ledger', () => {
  it('rewards mint coins, transfers move them, and the first overdraft is reported', () => {
    const b = {
      ...GENESIS,
      transactions: [rewardTx('m'), tx('m', 'bob', 0.25), tx('bob', 'eve', 1), tx('x', 'y', 9)],
    };
    const balances = new Map<string, number>();
    expect(applyBlock(balances, b)).toEqual({ sender: 'bob', amount: 1, had: 0.25 });
    expect(Object.fromEntries(balances)).toEqual({ m: 0.75, bob: -0.75, eve: 1, x: -9, y: 9 });
    expect(Object.fromEntries(balancesOf([GENESIS, b]))).toEqual(Object.fromEntries(balances));
    expect(balancesOf([GENESIS]).size).toBe(0);
  });
});
