// A header job under retargeting carries its exact target as `bits`: the miner's proof must hash below that
// target, not merely reach the whole number of zero bits, and a page cannot send a target that is not canonical.
import { describe, expect, it } from 'vitest';
import { genesisBlock, hashBlock } from '../../src/core/block';
import { proofInput, validProof } from '../../src/core/pow';
import { bitsToTarget, targetToBits, zeroBitsOf } from '../../src/core/target';
import type { FoundMessage, StartMessage } from '../../src/worker/messages';
import { parsePageToMiner } from '../../src/worker/messages';
import { createFakeEnv } from './fakeEnv';

const genesis = genesisBlock(1700000000);
// 3·2^240: between 14 and 15 zero bits, about 21 845 attempts a proof.
const bits = targetToBits(3n << 240n);
const pow = { rule: 'header' as const, difficulty: zeroBitsOf(bits), bits };
const draft = { timestamp: 1700000001, transactions: [] };
const input = proofInput(pow, genesis, draft);

const start: StartMessage = {
  v: 1,
  type: 'start',
  jobId: 'r1',
  rule: 'header',
  difficulty: 14,
  bits,
  ...input,
  startNonce: 0,
  share: 1,
};

describe('a retargeted header job', () => {
  it('finds a proof whose hash is below the exact target, the one the core accepts', () => {
    expect(input.prefix.startsWith('chainlab-header/2 ')).toBe(true);
    const env = createFakeEnv();
    env.send(start);
    env.runUntil(60_000);
    const found = env.posted.find((p) => p.msg.type === 'found')?.msg as FoundMessage | undefined;
    expect(found).toBeDefined();
    expect(BigInt(`0x${found!.hash}`) < bitsToTarget(bits)).toBe(true);
    const block = { index: 2, ...draft, proof: found!.proof, previous_hash: hashBlock(genesis) };
    expect(validProof(pow, genesis, block)).toBe(true);
    // The same proof is no good for the whole-number difficulty next to it, whose header line differs.
    expect(validProof({ rule: 'header', difficulty: 14 }, genesis, block)).toBe(false);
  });

  it('refuses a target that is not in canonical compact form, or on a tutorial rule', () => {
    expect(parsePageToMiner({ ...start, bits: 0x04001234 })).toMatchObject({ ok: false });
    expect(parsePageToMiner({ ...start, rule: 'tutorial', difficulty: 4 })).toMatchObject({ ok: false });
    expect(parsePageToMiner(start)).toMatchObject({ ok: true, msg: { bits } });
  });
});
