// The Chain panel's rules without a DOM: validity per block, the tamper preview, re-mine cost, divergence.
import { describe, expect, it } from 'vitest';
import { hashBlock, rewardTx } from '../../src/core/block';
import type { PowParams } from '../../src/core/pow';
import type { Block, Chain } from '../../src/core/types';
import { validateChain, type ValidationOptions } from '../../src/core/validate';
import {
  blockStatus,
  createChainChecker,
  divergence,
  draftOf,
  parseDraft,
  previewEdit,
  proofNote,
  remineCost,
  sinceGenesis,
  txLabel,
} from '../../src/ui/chainView';
import { mine, T0 } from '../core/helpers';

const POW: PowParams = { rule: 'tutorial', difficulty: 2 };
const OPTS: ValidationOptions = { pow: POW, strictness: 'strict' };
const PAY = { sender: 'alice', recipient: 'bob', amount: 5 };

/** Genesis + 5 blocks; block 2 carries alice → bob: 5. */
function fiveBlocks(): Block[] {
  return mine(POW, [{ transactions: [PAY, rewardTx('alice')] }, {}, {}, {}, {}]);
}

/** The tamper command's edit, done by hand: block `n`'s first transaction gets `amount`. */
function tampered(chain: Chain, n: number, amount: number): Block[] {
  return chain.map((b, i) =>
    i === n - 1 ? { ...b, transactions: b.transactions.map((t, j) => (j === 0 ? { ...t, amount } : t)) } : b,
  );
}

describe('createChainChecker', () => {
  it('finds the same first fault as a full validateChain while the chain grows, is edited and re-grows', () => {
    const check = createChainChecker();
    const base = fiveBlocks();
    expect(check(base.slice(0, 3), OPTS)).toBeNull();
    expect(check(base, OPTS)).toBeNull();
    const edited = tampered(base, 2, 50);
    const fault = check(edited, OPTS);
    expect(fault).toMatchObject({ code: 'E_PREV_HASH', blockNumber: 3 });
    const longer = mine(POW, [{}], edited);
    expect(check(longer, OPTS)).toEqual(fault);
    const full = validateChain(longer, OPTS);
    expect(full.ok ? null : full.error).toEqual(fault);
  });

  it('re-checks every block when the rules change (a new options object)', () => {
    const check = createChainChecker();
    const easy = mine({ rule: 'tutorial', difficulty: 0 }, [{}, {}]);
    expect(check(easy, { pow: { rule: 'tutorial', difficulty: 0 }, strictness: 'strict' })).toBeNull();
    // Proof 0 at difficulty 0 almost never has 3 leading zeros.
    expect(check(easy, { pow: { rule: 'tutorial', difficulty: 3 }, strictness: 'strict' })).toMatchObject({
      code: 'E_POW',
      blockNumber: 2,
    });
  });
});

describe('blockStatus', () => {
  it('is valid before the first fault, the fault at it, and "after" every later block', () => {
    const fault = { code: 'E_PREV_HASH' as const, blockNumber: 4, message: 'Block 4: …' };
    expect(blockStatus(fault, 3)).toEqual({ kind: 'valid' });
    expect(blockStatus(fault, 4)).toEqual({ kind: 'fault', fault });
    expect(blockStatus(fault, 9)).toEqual({ kind: 'after', firstBad: 4 });
    expect(blockStatus(null, 9)).toEqual({ kind: 'valid' });
  });
});

describe('previewEdit', () => {
  const chain = fiveBlocks();

  it('hashes the edited block exactly as the tamper command would store it', () => {
    const p = previewEdit(chain, 2, 0, { amount: 50 }, OPTS);
    expect(p.hash).toBe(hashBlock(tampered(chain, 2, 50)[1] as Block));
    expect(p.hash).not.toBe(hashBlock(chain[1] as Block));
    expect(p.changed).toBe(true);
    expect(p.fault).toMatchObject({ code: 'E_PREV_HASH', blockNumber: 3 });
    expect(proofNote(p.fault, 'tutorial')).toBe(
      "Block 2's proof still checks out: the tutorial's proof does not cover the transactions.",
    );
  });

  it('reports nothing when the tip is edited, and the block itself when a strict rule breaks', () => {
    expect(previewEdit(chain, chain.length, 0, { recipient: 'mallory' }, OPTS).fault).toBeNull();
    expect(previewEdit(chain, 2, 0, { amount: -5 }, OPTS).fault).toMatchObject({
      code: 'E_AMOUNT',
      blockNumber: 2,
    });
    expect(previewEdit(chain, 3, 0, { sender: '0', recipient: 'miner-a' }, OPTS).changed).toBe(false);
  });

  it("under the header rule the edited block's own proof fails", () => {
    const pow: PowParams = { rule: 'header', difficulty: 4 };
    const header = mine(pow, [{ transactions: [PAY, rewardTx('alice')] }, {}]);
    const p = previewEdit(header, 2, 0, { amount: 50 }, { pow, strictness: 'strict' });
    expect(p.fault).toMatchObject({ code: 'E_POW', blockNumber: 2 });
    expect(proofNote(p.fault, 'header')).toMatch(/covers the transactions, so block 2's own proof fails/);
  });
});

describe('parseDraft', () => {
  it('refuses an amount that is not a number and reads one as Python reads JSON (5.0 a float, 5 an int)', () => {
    const tx = { sender: 'a', recipient: 'b', amount: 5, amountIsFloat: true as const };
    expect(draftOf(tx).amount).toBe('5.0');
    expect(parseDraft(tx, { sender: 'a', recipient: 'b', amount: 'five' })).toEqual({
      ok: false,
      why: 'The amount must be a number.',
    });
    expect(parseDraft(tx, { sender: 'a', recipient: 'b', amount: '' }).ok).toBe(false);
    expect(parseDraft(tx, { sender: 'a', recipient: 'b', amount: '5.0' })).toEqual({
      ok: true,
      patch: { sender: 'a', recipient: 'b' },
    });
    expect(parseDraft(tx, { sender: 'a', recipient: 'b', amount: '5' })).toEqual({
      ok: true,
      patch: { sender: 'a', recipient: 'b', amount: 5 },
    });
    expect(parseDraft(tx, { sender: 'a', recipient: 'b', amount: '18446744073709551616' })).toEqual({
      ok: true,
      patch: { sender: 'a', recipient: 'b', amount: 2n ** 64n },
    });
    expect(parseDraft(tx, { sender: 'a', recipient: 'b', amount: '1e16' })).toEqual({
      ok: true,
      patch: { sender: 'a', recipient: 'b', amount: 1e16, amountIsFloat: true },
    });
    expect(parseDraft(tx, { sender: 'a', recipient: 'b', amount: ' 7.5 ' })).toEqual({
      ok: true,
      patch: { sender: 'a', recipient: 'b', amount: 7.5 },
    });
  });
});

describe('display helpers', () => {
  it('labels the reward and times blocks from genesis', () => {
    expect(txLabel(rewardTx('alice'))).toBe('reward → Alice: 1');
    expect(txLabel(PAY)).toBe('alice → bob: 5');
    expect(sinceGenesis(T0 + 12.4, T0)).toBe('+12.4 s');
    expect(sinceGenesis(T0 + 200, T0)).toBe('+3 min 20 s');
  });

  it('costs a re-mine at 16^D expected hashes per block', () => {
    expect(remineCost(fiveBlocks(), 4, OPTS)).toBe(3 * 256);
    const changed = { ...OPTS, difficultyAt: (i: number) => (i >= 5 ? 3 : 2) };
    expect(remineCost(fiveBlocks(), 4, changed)).toBe(256 + 2 * 4096);
  });
});

describe('divergence', () => {
  it('tells a fork from one chain simply being ahead', () => {
    const base = fiveBlocks();
    const ahead = mine(POW, [{}], base);
    expect(divergence([base, ahead])).toEqual({ shared: 6, lengths: [6, 7], prefixOnly: true });
    const fork = mine(POW, [{ timestamp: T0 + 999 }], base.slice(0, 4));
    expect(divergence([ahead, fork, base])).toEqual({ shared: 4, lengths: [7, 5, 6], prefixOnly: false });
    expect(divergence([base, base])).toEqual({ shared: 6, lengths: [6, 6], prefixOnly: true });
  });
});
