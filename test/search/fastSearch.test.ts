// Both fast searches (plain JS and 4-lane WebAssembly SIMD) must hash exactly what the core hashes and find
// exactly the proof the core's reference search finds (docs/protocol.md "Test vectors": 4456 and 35293).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { genesisBlock, hashBlock } from '../../src/core/block';
import { leadingZeroBits } from '../../src/core/hash';
import { headerPrefix, MAX_NONCE, proofInput, searchProof, type PowParams } from '../../src/core/pow';
import { createSearch, run } from '../../src/search/fastSearch';
import { hasZeroBits, targetFor, type RunResult, type SearchParams } from '../../src/search/searchCommon';
import { stateHex } from '../../src/search/sha256Block';
import { createSimdSearch, lastBatchHex, runSimd } from '../../src/search/simdSearch';

const SEED = 20240607;
const noble = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));
const never = { kind: 'zeroBits', n: 256 } as const;
const genesis = genesisBlock(1700000000);

interface Engine {
  /** A search state, as a function that runs the next chunk. */
  create(params: SearchParams): (maxAttempts: number) => RunResult;
  /** Hashes of `count` consecutive nonces from `start`, exercising every in-place increment. */
  hashes(prefix: string, suffix: string, start: number, count: number): string[];
}

const js: Engine = {
  create(params) {
    const s = createSearch(params);
    return (max) => run(s, max);
  },
  hashes(prefix, suffix, start, count) {
    const s = createSearch({ prefix, suffix, startNonce: start, target: never });
    return Array.from({ length: count }, () => run(s, 1).lastHashHex);
  },
};

const simdState = (params: SearchParams) => {
  const s = createSimdSearch(params);
  if (s === null) throw new Error('WebAssembly SIMD is unavailable');
  return s;
};

const simd: Engine = {
  create(params) {
    const s = simdState(params);
    return (max) => runSimd(s, max);
  },
  hashes(prefix, suffix, start, count) {
    // Mostly full batches (every lane steps by 4 in place), with partial ones that re-seed the lanes.
    const s = simdState({ prefix, suffix, startNonce: start, target: never });
    const out: string[] = [];
    for (let i = 0; out.length < count; i++) {
      const n = Math.min([4, 4, 1, 4, 3, 4, 4, 2][i % 8]!, count - out.length);
      runSimd(s, n);
      out.push(...lastBatchHex(s).slice(0, n));
    }
    return out;
  },
};

function expected(prefix: string, suffix: string, start: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => noble(prefix + String(start + i) + suffix));
}

describe.each([
  ['js', js],
  ['wasm-simd', simd],
] as const)('%s search', (_name, engine) => {
  it('hashes like @noble/hashes on random prefixes, suffixes and nonces (pinned seed)', () => {
    // Near a power of ten the digit count grows; lengths up to 200 cover 55/56/64-byte edges several times.
    const nearPow10 = fc
      .tuple(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 0, max: 12 }))
      .map(([k, back]) => Math.max(0, 10 ** k - back));
    const nonce = fc.oneof(fc.nat(2000), nearPow10, fc.integer({ min: 0, max: MAX_NONCE - 30 }));
    const text = fc.string({ unit: fc.constantFrom(...'0123456789abcdef"{}: .'), maxLength: 200 });
    fc.assert(
      fc.property(text, text, nonce, fc.integer({ min: 1, max: 20 }), (prefix, suffix, start, count) => {
        expect(engine.hashes(prefix, suffix, start, count)).toEqual(expected(prefix, suffix, start, count));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('carries digits across every block boundary', () => {
    // Prefix remainders 40..70 put the digits of 9→10, 99→100, 999→1000 on either side of byte 55, 56 and 64.
    for (let p = 40; p <= 70; p++) {
      for (const suffixLength of [0, 1, 8, 64]) {
        const prefix = 'p'.repeat(p);
        const suffix = 's'.repeat(suffixLength);
        for (const start of [5, 7, 95, 97, 997, 99_997]) {
          expect(engine.hashes(prefix, suffix, start, 9)).toEqual(expected(prefix, suffix, start, 9));
        }
      }
    }
  });

  it('hashes UTF-8 like the core does', () => {
    expect(engine.hashes('é→', '𝄞', 12, 1)).toEqual([noble('é→12𝄞')]);
  });

  it('pins the seed warm-up vector sha256("105")', () => {
    expect(engine.hashes('1', '5', 0, 1)).toEqual([
      '1253e9373e781b7500266caa55150e08e210bc8cd8cc70d89985e3600155e860',
    ]);
  });

  const draft = { timestamp: 1700000001.5, transactions: [] };
  const fast = (params: PowParams, prefix: string, suffix: string, start = 0) =>
    engine.create({ prefix, suffix, startNonce: start, target: targetFor(params) })(1e7).found;

  it('finds 4456 on the genesis block (tutorial, D = 4)', () => {
    const input = proofInput({ rule: 'tutorial', difficulty: 4 }, genesis, draft);
    const found = fast({ rule: 'tutorial', difficulty: 4 }, input.prefix, input.suffix);
    expect(found).toEqual({
      proof: 4456,
      hashHex: '000080e03a5ea509d8778b3f221423f7a631fb7d36a49534e6213248522ffda9',
      attempts: 4457,
    });
  });

  it('finds 35293 on the genesis block (tutorial-original, D = 4)', () => {
    const input = proofInput({ rule: 'tutorial-original', difficulty: 4 }, genesis, draft);
    expect(fast({ rule: 'tutorial-original', difficulty: 4 }, input.prefix, input.suffix)?.proof).toBe(35293);
  });

  it('agrees on every rule for random blocks, difficulties and start nonces', () => {
    const rule = fc.constantFrom('tutorial', 'tutorial-original', 'header') as fc.Arbitrary<
      PowParams['rule']
    >;
    fc.assert(
      fc.property(
        rule,
        fc.nat(1e9),
        fc.nat(1e15),
        fc.integer({ min: 0, max: 3 }),
        (r, proof, start, level) => {
          // Hex rules up to 3 zeros, header up to 12 bits: at most a few thousand reference hashes per case.
          const params: PowParams = { rule: r, difficulty: r === 'header' ? level * 4 : level };
          const last = { ...genesis, proof };
          const input = proofInput(params, last, draft);
          const ref = searchProof(params, input, start);
          const got = fast(params, input.prefix, input.suffix, start);
          expect(got).toEqual(ref && { proof: ref.proof, hashHex: ref.hash, attempts: ref.attempts });
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('reports the last and the lowest hash of the chunk, and resumes where it stopped', () => {
    const next = engine.create({ prefix: '100', suffix: 'x', startNonce: 50, target: never });
    const first = next(30);
    const all = expected('100', 'x', 50, 60);
    expect(first).toMatchObject({
      found: null,
      attempts: 30,
      nonce: 80,
      lastHashHex: all[29],
      exhausted: false,
    });
    const second = next(30);
    expect(second.lastHashHex).toBe(all[59]);
    expect(second.bestHashHex).toBe([...all].sort()[0]);
  });

  it('stops at the largest nonce', () => {
    const next = engine.create({ prefix: 'a', suffix: '', startNonce: MAX_NONCE - 2, target: never });
    const r = next(100);
    expect(r).toMatchObject({
      found: null,
      attempts: 3,
      exhausted: true,
      lastHashHex: noble(`a${MAX_NONCE}`),
    });
    expect(next(100).attempts).toBe(0);
  });

  it('accepts the first nonce at difficulty 0', () => {
    const next = engine.create({
      prefix: 'a',
      suffix: '',
      startNonce: 42,
      target: { kind: 'hexZeros', n: 0 },
    });
    expect(next(100).found).toEqual({ proof: 42, hashHex: noble('a42'), attempts: 1 });
  });
});

describe('search internals', () => {
  const draft = { timestamp: 1700000001.5, transactions: [] };

  it('lays the header prefix out on a 64-byte boundary, so one block per attempt', () => {
    const prefix = headerPrefix(hashBlock(genesis), draft, 20);
    expect(prefix.length % 64).toBe(0);
    expect(createSearch({ prefix, suffix: '', startNonce: MAX_NONCE, target: never }).blocks).toBe(1);
  });

  it('counts leading zero bits beyond the first word like the core', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 8, maxLength: 8 }), fc.nat(72), (raw, cut) => {
        const st = Int32Array.from(raw);
        // Clear the top `cut` bits so that deep difficulties (33–40 bits, the header maximum) get exercised.
        for (let i = 0; i < 8; i++) {
          const clear = Math.min(32, Math.max(0, cut - 32 * i));
          if (clear > 0) st[i] = clear === 32 ? 0 : st[i]! & (-1 >>> clear);
        }
        const bits = leadingZeroBits(stateHex(st, 0));
        // The SIMD search reads lane 2 of four interleaved digests: stride 4.
        const lanes = new Int32Array(32).fill(-1);
        st.forEach((w, i) => (lanes[4 * i + 2] = w));
        for (const n of [0, 1, bits, bits + 1, 31, 32, 33, 40, 64, 256]) {
          expect(hasZeroBits(st, 0, n)).toBe(bits >= n);
          expect(hasZeroBits(lanes, 2, n, 4)).toBe(bits >= n);
        }
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
