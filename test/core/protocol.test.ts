// The pinned vectors of docs/protocol.md "Test vectors", and 4-block chains mined by the Python tutorial code
// (vectors/chains.json).
import { describe, expect, it } from 'vitest';
import { encodeBlock, genesisBlock, hashBlock } from '../../src/core/block';
import { chainResponseText, parseChainResponse } from '../../src/core/chainJson';
import { sha256Hex } from '../../src/core/hash';
import { proofHash, proofInput, searchProof, validProof, type PowParams } from '../../src/core/pow';
import type { Block, Chain } from '../../src/core/types';
import { validateChain } from '../../src/core/validate';
import { readVectors } from './helpers';

interface ChainVector {
  readonly difficulty: number;
  readonly rule: 'tutorial' | 'tutorial-original';
  readonly response: string;
  readonly hashes: string[];
  readonly proofs: number[];
}
const { chains } = readVectors<{ chains: ChainVector[] }>('chains.json');

const GENESIS = genesisBlock(1700000000);
const GENESIS_HASH = '525afe96d81a5e16082be3818542c9dab09537ac6e961295c671877fcb12a431';
const noDraft = { timestamp: 0, transactions: [] };

/** docs/protocol.md's block B: block 2 on the genesis block, paying `amount` from alice to bob. */
function blockB(amountJson: string): string {
  return (
    '{"chain": [' +
    '{"index": 1, "previous_hash": "1", "proof": 100, "timestamp": 1700000000.0, "transactions": []}, ' +
    `{"index": 2, "previous_hash": "${GENESIS_HASH}", "proof": 4456, "timestamp": 1700000060.5, ` +
    `"transactions": [{"amount": ${amountJson}, "recipient": "bob", "sender": "alice"}, ` +
    '{"amount": 1, "recipient": "miner", "sender": "0"}]}], "length": 2}'
  );
}

describe('what Python takes that a careful node might not', () => {
  it('a negative proof that gives the zeros is valid (Python formats -105009 into the string it hashes)', () => {
    const pow: PowParams = { rule: 'tutorial', difficulty: 4 };
    expect(proofHash(proofInput(pow, GENESIS, noDraft), -105009)).toBe(
      '000022c61989aea86775f94a13dabf72ba7829a65b5212ca9390bea7c7e04995',
    );
    const block = { ...GENESIS, index: 2, proof: -105009, previous_hash: GENESIS_HASH };
    expect(validProof(pow, GENESIS, block)).toBe(true);
    expect(validateChain([GENESIS, block], { pow, strictness: 'tutorial' })).toEqual({ ok: true, value: 2 });
  });

  it('the first article’s genesis, previous_hash the int 1, validates under tutorial-original', () => {
    // Printed by Python 3.11 for the article's chain: genesis with previous_hash=1, then block 2 at D = 4.
    const text =
      '{"chain": [{"index": 1, "previous_hash": 1, "proof": 100, "timestamp": 1700000000.0, "transactions": []}, ' +
      '{"index": 2, "previous_hash": "e9e15af60d7465a1d85491783968224a0d97754ffb0df70b8237aec809d9076d", ' +
      '"proof": 35293, "timestamp": 1700000060.5, "transactions": [{"amount": 1, "recipient": "m", "sender": "0"}]}], ' +
      '"length": 2}';
    const r = parseChainResponse(text);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.chain[0]!.previous_hash).toBe(1);
    const pow: PowParams = { rule: 'tutorial-original', difficulty: 4 };
    expect(validateChain(r.value.chain, { pow, strictness: 'tutorial' })).toEqual({ ok: true, value: 2 });
    expect(chainResponseText(r.value.chain)).toBe(text);
  });
});

describe('docs/protocol.md pinned vectors', () => {
  // Each hash printed by Python 3.11's json.dumps(sort_keys=True) and hashlib for the same block.
  it.each([
    ['5', '3ef446b053e32d8c95ae374448c8695d54356465b1d2b82bd99269837b1ffa9e'],
    ['5.0', 'd95c2a9960d47ae9363ff819b69c3ccd3b25ea5ad630b574604a15a4d888f3ab'],
    ['18446744073709551616', 'af44a000b3ef62a88fe2ec0b4daa28523f1c048058e94314a4a79c14eff6d95c'],
    ['1000000000000000000000000000000', '9215d23b532bad69a66cbe6ea13862eca4710743cb51be040122d1bba5c7d385'],
    ['9007199254740993', '3f46773258c293299f0d16560f29bb018803ef4ecb18f8b44530daa084d7a122'],
    ['1e+16', '36fd0633dc299be43f97ff3cba8c1a1bf605b6c5899514dc5202f2beabce9933'],
    ['-0.0', 'd199201a7e739a575a9f6d4f0f2a82db532cef651e92680e375a026542c00d67'],
  ])('block B with amount %s imports, hashes as Python does, and exports byte for byte', (amount, hash) => {
    const text = blockB(amount);
    const parsed = parseChainResponse(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(hashBlock(parsed.value.chain[1] as Block)).toBe(hash);
    expect(chainResponseText(parsed.value.chain)).toBe(text);
  });

  it('sha256("105") — the warm-up x = 5, y = 21', () => {
    expect(sha256Hex(String(5 * 21))).toBe(
      '1253e9373e781b7500266caa55150e08e210bc8cd8cc70d89985e3600155e860',
    );
  });

  it('genesis encodes like json.dumps(sort_keys=True) and hashes to 525afe96…', () => {
    expect(encodeBlock(GENESIS)).toBe(
      '{"index": 1, "previous_hash": "1", "proof": 100, "timestamp": 1700000000.0, "transactions": []}',
    );
    expect(hashBlock(GENESIS)).toBe(GENESIS_HASH);
  });

  it('next proof with the tutorial rule (D = 4, with last_hash) is 4456, after 4457 attempts', () => {
    const params: PowParams = { rule: 'tutorial', difficulty: 4 };
    const input = proofInput(params, GENESIS, noDraft);
    expect(input).toEqual({ prefix: '100', suffix: GENESIS_HASH });
    const found = searchProof(params, input);
    expect(found).toEqual({
      proof: 4456,
      attempts: 4457,
      hash: '000080e03a5ea509d8778b3f221423f7a631fb7d36a49534e6213248522ffda9', // hashlib, f"100{4456}{hash}"
    });
  });

  it('next proof with the original rule (D = 4, no last_hash) is 35293', () => {
    const params: PowParams = { rule: 'tutorial-original', difficulty: 4 };
    const input = proofInput(params, GENESIS, noDraft);
    expect(input).toEqual({ prefix: '100', suffix: '' });
    const found = searchProof(params, input);
    expect(found?.proof).toBe(35293);
    expect(found?.hash).toBe('0000c415de5ceea33c02daa85a1c218ecca1b1c9e9864ed34d183597844de8e2');
    expect(proofHash(input, 35293)).toBe(sha256Hex('10035293'));
  });
});

describe.each(chains.map((c) => [c.rule, c] as const))(
  'a chain mined by the Python tutorial (%s, D = 3)',
  (_, v) => {
    const params: PowParams = { rule: v.rule, difficulty: v.difficulty };

    function load(): Chain {
      const r = parseChainResponse(v.response);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.claimedLength).toBe(4);
      return r.value.chain;
    }

    it('imports with Python’s hashes for every block', () => {
      const chain = load();
      expect(chain.map((b) => hashBlock(b))).toEqual(v.hashes);
      expect(chain.map((b) => b.proof)).toEqual(v.proofs);
      expect(chain[0]).toEqual(GENESIS);
    });

    it('is valid under the tutorial and strict rules (with and without balances)', () => {
      const chain = load();
      expect(validateChain(chain, { pow: params, strictness: 'tutorial' })).toEqual({ ok: true, value: 4 });
      expect(validateChain(chain, { pow: params, strictness: 'strict' })).toEqual({ ok: true, value: 4 });
      expect(validateChain(chain, { pow: params, strictness: 'strict', balances: true })).toEqual({
        ok: true,
        value: 4,
      });
    });

    it('fails at D = 4 on the first block whose proof has only three zeros', () => {
      const chain = load();
      const r = validateChain(chain, { pow: { ...params, difficulty: 4 }, strictness: 'tutorial' });
      const firstWeak = chain.findIndex(
        (b, i) => i > 0 && !validProof({ ...params, difficulty: 4 }, chain[i - 1] as Block, b),
      );
      expect(firstWeak).toBeGreaterThan(0);
      expect(r).toMatchObject({ ok: false, error: { code: 'E_POW', blockNumber: firstWeak + 1 } });
    });

    it('our search finds the same proofs as proof_of_work (counting up from 0)', () => {
      const chain = load();
      for (let i = 1; i < chain.length; i++) {
        const found = searchProof(params, proofInput(params, chain[i - 1] as Block, chain[i] as Block));
        expect(found?.proof).toBe(v.proofs[i]);
        expect(found?.attempts).toBe((v.proofs[i] as number) + 1);
      }
    });

    it('re-exports the GET /chain text byte for byte', () => {
      expect(chainResponseText(load())).toBe(v.response);
    });

    it('keeps 1.0 a float and 0.5 a plain number in the imported transactions', () => {
      const chain = load();
      expect(chain[3]?.transactions[1]).toEqual({
        sender: '7c9a1f0e2b3d4c5a6e7f809112233445',
        recipient: 'carol "c"',
        amount: 1,
        amountIsFloat: true,
      });
      expect(chain[3]?.transactions[0]).toEqual({ sender: 'bob', recipient: 'Zoë 😀', amount: 0.25 });
      expect(v.response).toContain('"amount": 1.0, "recipient": "carol \\"c\\""');
    });
  },
);
