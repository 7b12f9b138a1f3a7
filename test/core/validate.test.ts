// validateChain, links and proofs: what the tutorial's valid_chain catches, what it misses, and the header rule.
import { describe, expect, it } from 'vitest';
import { genesisBlock, hashBlock, rewardTx } from '../../src/core/block';
import { validProof, type PowParams } from '../../src/core/pow';
import type { Block } from '../../src/core/types';
import { blockFaults, validateChain, type ValidationOptions } from '../../src/core/validate';
import { mine, mineSimple, T0, tamper } from './helpers';

const TUT: PowParams = { rule: 'tutorial', difficulty: 2 };
const HEADER: PowParams = { rule: 'header', difficulty: 8 };
const tutorial = (pow: PowParams): ValidationOptions => ({ pow, strictness: 'tutorial' });
const strict = (pow: PowParams): ValidationOptions => ({ pow, strictness: 'strict' });

const chain = mineSimple(TUT, 4); // genesis + 4 mined blocks
const stealReward = (b: Block): Block => ({ ...b, transactions: [rewardTx('mallory')] });

describe('an honest chain', () => {
  it('is valid under every strictness and returns its length', () => {
    expect(chain).toHaveLength(5);
    expect(validateChain(chain, tutorial(TUT))).toEqual({ ok: true, value: 5 });
    expect(validateChain(chain, strict(TUT))).toEqual({ ok: true, value: 5 });
    expect(validateChain(chain, { ...strict(TUT), balances: true })).toEqual({ ok: true, value: 5 });
    expect(blockFaults(chain, strict(TUT))).toEqual([null, null, null, null, null]);
  });

  it('an empty chain has no genesis, even for the tutorial', () => {
    for (const opts of [tutorial(TUT), strict(TUT)]) {
      expect(validateChain([], opts)).toMatchObject({
        ok: false,
        error: { code: 'E_GENESIS', blockNumber: 1, message: 'Block 1: the chain is empty.' },
      });
    }
  });
});

describe('tutorial rule: the proof is not bound to the block (docs/protocol.md flaw #10)', () => {
  const tampered = tamper(chain, 3, stealReward);

  it('tampering with block 3’s transactions is caught only at block 4, by its previous_hash', () => {
    for (const opts of [tutorial(TUT), strict(TUT)]) {
      const r = validateChain(tampered, opts);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('E_PREV_HASH');
      expect(r.error.blockNumber).toBe(4);
      expect(r.error.message).toMatch(/^Block 4: previous_hash no longer matches block 3's hash \(it says /);
      expect(r.error.message).toContain(hashBlock(chain[2] as Block).slice(0, 8));
      expect(r.error.message).toContain(hashBlock(tampered[2] as Block).slice(0, 8));
    }
  });

  it('block 3 itself still carries a valid proof, so only block 4 is marked', () => {
    expect(validProof(TUT, tampered[1] as Block, tampered[2] as Block)).toBe(true);
    expect(blockFaults(tampered, tutorial(TUT)).map((f) => f?.code ?? null)).toEqual([
      null,
      null,
      null,
      'E_PREV_HASH',
      null,
    ]);
  });

  it('a tampered tip is not detected at all: nothing links to it', () => {
    expect(validateChain(tamper(chain, 5, stealReward), tutorial(TUT))).toEqual({ ok: true, value: 5 });
  });

  it('a proof that does not meet the difficulty fails E_POW at that block, naming the proof', () => {
    const bad = tamper(chain, 3, (b) => ({ ...b, proof: Number(b.proof) + 1 }));
    expect(validProof(TUT, bad[1] as Block, bad[2] as Block)).toBe(false);
    const r = validateChain(bad, tutorial(TUT));
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'E_POW',
        blockNumber: 3,
        message: `Block 3: proof ${(bad[2] as Block).proof} does not give a hash with 2 leading zeros.`,
      },
    });
  });

  it('a negative proof or one over 16 digits is never valid', () => {
    expect(
      validateChain(
        tamper(chain, 2, (b) => ({ ...b, proof: -1 })),
        tutorial(TUT),
      ),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'E_POW',
        blockNumber: 2,
        message: 'Block 2: proof -1 does not give a hash with 2 leading zeros.',
      },
    });
    const last = chain[3] as Block;
    expect(validProof(TUT, chain[2] as Block, { ...last, proof: 1.5 })).toBe(false);
  });

  it('the original rule ignores last_hash: a changed genesis timestamp keeps block 2’s proof valid', () => {
    const orig: PowParams = { rule: 'tutorial-original', difficulty: 2 };
    const c = mineSimple(orig, 2);
    const g2 = genesisBlock(T0 + 1);
    expect(validProof(orig, g2, c[1] as Block)).toBe(true);
    expect(validateChain(c, tutorial(orig))).toEqual({ ok: true, value: 3 });
  });
});

describe('header rule: the proof binds transactions, timestamp and miner', () => {
  const hchain = mine(HEADER, [{}, {}, {}]);

  it('mines and validates at 8 leading zero bits', () => {
    expect(validateChain(hchain, strict(HEADER))).toEqual({ ok: true, value: 4 });
  });

  it.each([
    ['a stolen reward', stealReward],
    ['a changed timestamp', (b: Block): Block => ({ ...b, timestamp: b.timestamp + 1 })],
    [
      'an added transaction',
      (b: Block): Block => ({ ...b, transactions: [rewardTx('x'), ...b.transactions] }),
    ],
  ])('%s in block 3 fails E_POW at block 3 itself', (_, f) => {
    const r = validateChain(tamper(hchain, 3, f), tutorial(HEADER));
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'E_POW',
        blockNumber: 3,
        message: `Block 3: proof ${(hchain[2] as Block).proof} does not give a hash with 8 leading zero bits.`,
      },
    });
  });

  it('a header chain does not validate under the tutorial rule and vice versa', () => {
    expect(validateChain(hchain, tutorial({ rule: 'tutorial', difficulty: 2 })).ok).toBe(false);
    expect(validateChain(chain, tutorial(HEADER)).ok).toBe(false);
  });
});

describe('difficultyAt: difficulty that changed during a run', () => {
  const easy = mineSimple({ rule: 'tutorial', difficulty: 1 }, 2);
  const mixed = mineSimple(TUT, 2, 'miner-a', easy); // blocks 2–3 at D = 1, blocks 4–5 at D = 2
  const schedule = (index: number) => (index <= 3 ? 1 : 2);

  it('checks each block against the difficulty of its index', () => {
    expect(validateChain(mixed, { ...tutorial(TUT), difficultyAt: schedule })).toMatchObject({
      ok: true,
      value: 5,
    });
  });

  it('without the schedule, the first block mined at D = 1 that misses D = 2 fails', () => {
    const firstWeak = mixed.findIndex((b, i) => i > 0 && !validProof(TUT, mixed[i - 1] as Block, b));
    expect([1, 2]).toContain(firstWeak);
    expect(validateChain(mixed, tutorial(TUT))).toMatchObject({
      ok: false,
      error: { code: 'E_POW', blockNumber: firstWeak + 1 },
    });
  });
});

describe('trustedPrefix skips what was already validated', () => {
  const tampered = tamper(chain, 2, stealReward); // breaks the link 2 → 3

  it('fails at block 3 when block 3 is checked', () => {
    expect(validateChain(tampered, tutorial(TUT), 2)).toMatchObject({
      ok: false,
      error: { code: 'E_PREV_HASH', blockNumber: 3 },
    });
  });

  it('passes when the first 3 blocks are trusted (the 2 → 3 link is inside the prefix)', () => {
    expect(validateChain(tampered, tutorial(TUT), 3)).toEqual({ ok: true, value: 5 });
  });

  it('a trusted prefix longer than the chain validates nothing', () => {
    expect(validateChain(tampered, strict(TUT), 99)).toEqual({ ok: true, value: 5 });
  });
});
