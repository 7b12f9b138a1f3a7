// The in-WebAssembly search loop (src/search/loopSearch.ts) must find exactly the core's proofs (src/core/pow.ts,
// hashed by @noble/hashes) and report the same chunks as the plain-JS search, for both proof rules, every
// difficulty, retarget targets, and start nonces where the digit count grows or MAX_NONCE ends the search.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { genesisBlock } from '../../src/core/block';
import { DIFFICULTY_RANGE, MAX_NONCE, proofInput, searchProof, type PowParams } from '../../src/core/pow';
import { targetToBits } from '../../src/core/target';
import { createSearch, run } from '../../src/search/fastSearch';
import { createLoopSearch, runLoop } from '../../src/search/loopSearch';
import { targetFor, type SearchParams } from '../../src/search/searchCommon';
import { searchKernelModule } from '../../src/search/searchKernel';

const SEED = 20261207;
const genesis = genesisBlock(1700000000);
const draft = { timestamp: 1700000001.5, transactions: [] };
const noble = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

function loop(params: SearchParams) {
  const s = createLoopSearch(params);
  if (s === null) throw new Error('WebAssembly SIMD is unavailable');
  return s;
}

// Nonces just below a power of ten (the digit count grows mid-search) or near the largest nonce.
const nearWrap = fc.oneof(
  fc.nat(3000),
  fc
    .tuple(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 0, max: 40 }))
    .map(([k, back]) => Math.max(0, 10 ** k - back)),
  fc.integer({ min: MAX_NONCE - 40, max: MAX_NONCE }),
  fc.nat(1e15),
);
const rule = fc.constantFrom('tutorial', 'tutorial-original', 'header') as fc.Arbitrary<PowParams['rule']>;

describe('in-WebAssembly search loop', () => {
  it('compiles a valid module for every layout it can be asked for', () => {
    for (let b = 0; b < 16; b++)
      for (const after of [0, 1, 2]) {
        expect(WebAssembly.validate(searchKernelModule({ a: b - 1, b, after }))).toBe(true);
        expect(WebAssembly.validate(searchKernelModule({ a: -1, b, after }))).toBe(true);
      }
  });

  it('finds the pinned genesis proofs 4456 (tutorial) and 35293 (tutorial-original)', () => {
    for (const [r, proof] of [
      ['tutorial', 4456],
      ['tutorial-original', 35293],
    ] as const) {
      const params: PowParams = { rule: r, difficulty: 4 };
      const input = proofInput(params, genesis, draft);
      const found = runLoop(loop({ ...input, startNonce: 0, target: targetFor(params) }), 1e6).found;
      expect(found).toEqual({
        proof,
        hashHex: noble(input.prefix + proof + input.suffix),
        attempts: proof + 1,
      });
    }
  });

  it('finds what the core finds, on every rule, difficulty and start near wrap-around (pinned seed)', () => {
    const level = fc.integer({ min: 0, max: 14 });
    fc.assert(
      fc.property(rule, fc.nat(1e12), nearWrap, level, fc.boolean(), (r, proof, start, lvl, retarget) => {
        // Hex rules 0–3 zeros, header 0–14 bits, or a retarget's exact target a little above 2^(256 − bits).
        const difficulty = r === 'header' ? lvl : lvl % 4;
        const bits = targetToBits(((1n << BigInt(256 - difficulty)) * 7n) / 5n);
        const params: PowParams =
          r === 'header' && retarget ? { rule: r, difficulty, bits } : { rule: r, difficulty };
        const input = proofInput(params, { ...genesis, proof }, draft);
        const ref = searchProof(params, input, start, 6000);
        const s = loop({ ...input, startNonce: start, target: targetFor(params) });
        const got = runLoop(s, 6000).found;
        expect(got).toEqual(ref && { proof: ref.proof, hashHex: ref.hash, attempts: ref.attempts });
      }),
      { seed: SEED, numRuns: 250 },
    );
  }, 60_000); // ~1.5 M reference hashes: a few seconds alone, more on the shared 2 cores

  it('reports every chunk like the plain-JS search at every difficulty of every rule', () => {
    const anyRule = rule.chain((r) =>
      fc.tuple(fc.constant(r), fc.integer(DIFFICULTY_RANGE[r] as { min: number; max: number })),
    );
    const prefixes = fc.string({ unit: fc.constantFrom(...'0123456789abcdef.'), maxLength: 140 });
    fc.assert(
      fc.property(
        anyRule,
        prefixes,
        prefixes,
        nearWrap,
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 6 }),
        ([r, difficulty], prefix, suffix, start, chunks) => {
          const params: SearchParams = {
            prefix,
            suffix,
            startNonce: start,
            target: targetFor({ rule: r, difficulty }),
          };
          const s = loop(params);
          const js = createSearch(params);
          for (const n of chunks) expect(runLoop(s, n)).toEqual(run(js, n));
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  }, 60_000);

  it('stops at the largest nonce', () => {
    const s = loop({
      prefix: 'a',
      suffix: '',
      startNonce: MAX_NONCE - 2,
      target: { kind: 'zeroBits', n: 256 },
    });
    expect(runLoop(s, 100)).toMatchObject({
      found: null,
      attempts: 3,
      exhausted: true,
      lastHashHex: noble(`a${MAX_NONCE}`),
    });
    expect(runLoop(s, 100).attempts).toBe(0);
  });
});
