// chooseChain (resolve_conflicts as a plan), commonPrefix and the consensus log lines.
import { describe, expect, it } from 'vitest';
import { genesisBlock, rewardTx } from '../../src/core/block';
import {
  chainWork,
  chooseChain,
  commonPrefix,
  describeOutcome,
  type Candidate,
  type ForkChoiceOptions,
} from '../../src/core/consensus';
import { balancesOf } from '../../src/core/ledger';
import type { PowParams } from '../../src/core/pow';
import type { Block } from '../../src/core/types';
import { validateChain, type ValidationOptions } from '../../src/core/validate';
import { mineSimple, T0, tamper, tx } from './helpers';

const POW: PowParams = { rule: 'tutorial', difficulty: 2 };
const validation: ValidationOptions = { pow: POW, strictness: 'strict' };
const LONGEST: ForkChoiceOptions = { forkChoice: 'longest', validation };
const MOST_WORK: ForkChoiceOptions = { forkChoice: 'most-work', validation };

const own = mineSimple(POW, 2); // 3 blocks
const longer = mineSimple(POW, 2, 'miner-b', own); // 5 blocks, extends ours
const longest = mineSimple(POW, 1, 'miner-d', longer); // 6 blocks
const fork = mineSimple(POW, 2, 'miner-c', own.slice(0, 1)); // 3 blocks, forks after genesis
const broken = tamper(longer, 4, (b) => ({ ...b, transactions: [rewardTx('mallory')] }));

const peer = (name: string, chain: Block[] | null, extra: Partial<Candidate> = {}): Candidate => ({
  peer: name,
  chain,
  claimedLength: chain?.length,
  ...extra,
});

describe('longest chain (the tutorial’s resolve_conflicts)', () => {
  it('adopts a longer valid chain', () => {
    const plan = chooseChain(own, [peer('B', longer)], LONGEST);
    expect(plan.adopt).toEqual({ peer: 'B', chain: longer });
    expect(plan.message).toBe('Our chain was replaced');
    expect(plan.ownLength).toBe(3);
    expect(plan.outcomes).toEqual([{ peer: 'B', length: 5, work: 4 * 256, verdict: { kind: 'adopted' } }]);
    expect(describeOutcome(plan.outcomes[0]!, 'longest')).toBe(
      'B: adopted — 5 blocks, valid, and better than every other chain.',
    );
  });

  it('never replaces ours with one of equal length, and says so', () => {
    const plan = chooseChain(own, [peer('C', fork)], LONGEST);
    expect(plan.adopt).toBeNull();
    expect(plan.message).toBe('Our chain is authoritative');
    expect(plan.outcomes[0]?.verdict).toEqual({ kind: 'not-better', than: 'ours', equal: true });
    expect(describeOutcome(plan.outcomes[0]!, 'longest')).toBe(
      'C: kept out — 3 blocks, the same as our chain; only a longer chain replaces it.',
    );
  });

  it('keeps ours against a shorter one', () => {
    const plan = chooseChain(own, [peer('S', own.slice(0, 2))], LONGEST);
    expect(plan.outcomes[0]?.verdict).toEqual({ kind: 'not-better', than: 'ours', equal: false });
    expect(describeOutcome(plan.outcomes[0]!, 'longest')).toContain('2 blocks, less than our chain');
  });

  it('rejects a longer invalid chain with the fault of its first bad block', () => {
    const plan = chooseChain(own, [peer('M', broken)], LONGEST);
    expect(plan.adopt).toBeNull();
    const v = plan.outcomes[0]?.verdict;
    expect(v?.kind).toBe('invalid');
    if (v?.kind !== 'invalid') return;
    expect(v.fault).toMatchObject({ code: 'E_PREV_HASH', blockNumber: 5 });
    const line = describeOutcome(plan.outcomes[0]!, 'longest');
    expect(line).toMatch(/^M: rejected — 5 blocks but invalid\. Block 5: previous_hash .*\(E_PREV_HASH\)$/);
  });

  it('reports peers that did not answer, with their error or E_UNREACHABLE', () => {
    const timeout = { code: 'E_TIMEOUT' as const, message: 'The peer did not answer in time.' };
    const plan = chooseChain(own, [peer('T', null, { error: timeout }), peer('U', null)], LONGEST);
    expect(plan.adopt).toBeNull();
    expect(plan.outcomes.map((o) => [o.length, o.work, o.verdict])).toEqual([
      [null, null, { kind: 'unavailable', error: timeout }],
      [
        null,
        null,
        { kind: 'unavailable', error: { code: 'E_UNREACHABLE', message: 'The peer did not send a chain.' } },
      ],
    ]);
    expect(describeOutcome(plan.outcomes[0]!, 'longest')).toBe(
      'T: no answer — The peer did not answer in time. (E_TIMEOUT)',
    );
  });

  it('a later, longer chain outbids an earlier adopted one', () => {
    const plan = chooseChain(own, [peer('B', longer), peer('D', longest)], LONGEST);
    expect(plan.adopt?.peer).toBe('D');
    expect(plan.outcomes.map((o) => o.verdict)).toEqual([{ kind: 'outbid', by: 'D' }, { kind: 'adopted' }]);
    expect(describeOutcome(plan.outcomes[0]!, 'longest')).toBe(
      'B: valid and longer than ours, but D had a better chain.',
    );
  });

  it('after a longer chain, a shorter one is compared with that peer’s, not ours', () => {
    const plan = chooseChain(own, [peer('D', longest), peer('B', longer)], LONGEST);
    expect(plan.adopt?.peer).toBe('D');
    expect(plan.outcomes[1]?.verdict).toEqual({ kind: 'not-better', than: 'D', equal: false });
    expect(describeOutcome(plan.outcomes[1]!, 'longest')).toContain("less than D's chain");
  });

  it('counts blocks itself: a peer lying about its length loses…', () => {
    const liar = peer('L', own.slice(0, 2), { claimedLength: 100 });
    expect(chooseChain(own, [liar], LONGEST).adopt).toBeNull();
  });

  it('…unless the #50 flaw switch trusts the claimed length, and a shorter chain replaces ours', () => {
    const liar = peer('L', own.slice(0, 2), { claimedLength: 100 });
    const plan = chooseChain(own, [liar], { ...LONGEST, trustClaimedLength: true });
    expect(plan.adopt?.chain).toHaveLength(2);
    expect(plan.outcomes[0]).toMatchObject({ length: 2, verdict: { kind: 'adopted' } });
  });
});

describe('most work', () => {
  it('chainWork is Σ 16^D over mined blocks (genesis carries none)', () => {
    expect(chainWork(own, validation)).toBe(512);
    expect(chainWork(own.slice(0, 1), validation)).toBe(0);
    expect(chainWork([], validation)).toBe(0);
    const schedule = { ...validation, difficultyAt: (i: number) => (i <= 3 ? 1 : 2) };
    expect(chainWork(longer, schedule)).toBe(16 + 16 + 256 + 256);
  });

  it('keeps the first-seen of two equal-work chains', () => {
    const other = mineSimple(POW, 2, 'miner-e', own);
    const plan = chooseChain(own, [peer('B', longer), peer('E', other)], MOST_WORK);
    expect(plan.adopt?.peer).toBe('B');
    expect(plan.ownWork).toBe(512);
    expect(plan.outcomes[1]).toMatchObject({
      work: 1024,
      verdict: { kind: 'not-better', than: 'B', equal: true },
    });
    expect(describeOutcome(plan.outcomes[1]!, 'most-work')).toBe(
      "E: kept out — work 1024, the same as B's chain; only more work replaces it.",
    );
  });
});

describe('commonPrefix', () => {
  it('counts the shared leading blocks', () => {
    expect(commonPrefix(own, own)).toBe(3);
    expect(commonPrefix(own, longer)).toBe(3);
    expect(commonPrefix(longer, own)).toBe(3);
    expect(commonPrefix(own, fork)).toBe(1);
    expect(commonPrefix(own, mineSimple(POW, 1, 'x', [genesisBlock(T0 + 1)]))).toBe(0);
    expect(commonPrefix(own, [])).toBe(0);
    expect(commonPrefix(longest, broken)).toBe(3);
  });

  it('compares blocks by hash, not identity', () => {
    expect(
      commonPrefix(
        own,
        own.map((b) => ({ ...b })),
      ),
    ).toBe(3);
  });
});

// A peer's chain is not validated yet, so a hash match at position i says nothing about positions before i.
describe('BUG: a forged early block is trusted when later blocks match ours', () => {
  const mine4 = mineSimple(POW, 3); // our 4-block chain
  const forgedGenesis = { ...mine4[0]!, transactions: [tx('0', 'mallory', 1000000)] };
  const attack = [forgedGenesis, ...mineSimple(POW, 1, 'mallory', mine4).slice(1)]; // 5 blocks

  it('the validator alone rejects it at block 2 (tutorial) or at genesis (strict)', () => {
    expect(validateChain(attack, { ...validation, strictness: 'tutorial' })).toMatchObject({
      ok: false,
      error: { code: 'E_PREV_HASH', blockNumber: 2 },
    });
    expect(validateChain(attack, validation)).toMatchObject({ ok: false, error: { code: 'E_GENESIS' } });
  });

  it('commonPrefix stops at the first differing block', () => {
    expect(commonPrefix(mine4, attack)).toBe(0);
  });

  it.each([
    ['tutorial', 'E_PREV_HASH', 2],
    ['strict', 'E_GENESIS', 1],
  ] as const)(
    'chooseChain (%s) rejects it with %s at block %i, as Python’s valid_chain does',
    (strictness, code, n) => {
      const plan = chooseChain(mine4, [peer('mallory', attack)], {
        ...LONGEST,
        validation: { ...validation, strictness, balances: true },
      });
      expect(plan.adopt).toBeNull();
      expect(plan.outcomes[0]?.verdict).toMatchObject({ kind: 'invalid', fault: { code, blockNumber: n } });
      expect(balancesOf(attack).get('mallory')).toBe(1000001); // what adopting it would mean
    },
  );
});
