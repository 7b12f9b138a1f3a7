// Blocks: seeded random Python blocks re-encode to the very bytes Python hashed; genesis and forging (block.ts).
import { describe, expect, it } from 'vitest';
import {
  blockToJson,
  blockTransactions,
  encodeBlock,
  forgeBlock,
  genesisBlock,
  hashBlock,
  rewardTx,
} from '../../src/core/block';
import { chainFromJson } from '../../src/core/chainJson';
import { dumps } from '../../src/core/encoding';
import { sha256Hex } from '../../src/core/hash';
import { parseJson } from '../../src/core/parse';
import type { Block } from '../../src/core/types';
import { readVectors } from './helpers';

const { blocks } = readVectors<{ blocks: { text: string; sha256: string }[] }>('blocks.json');

function importBlock(text: string): Block {
  const parsed = parseJson(`[${text}]`);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const chain = chainFromJson(parsed.value);
  if (!chain.ok) throw new Error(chain.error.message);
  expect(chain.value).toHaveLength(1);
  return chain.value[0] as Block;
}

describe('random Python blocks (seeded, vectors/blocks.json)', () => {
  it('covers ints, non-integral floats and integral floats (5.0) as amounts, and hard strings', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(400);
    const all = blocks.map((b) => b.text).join('\n');
    expect(all).toMatch(/"amount": -?\d+[,}]/);
    expect(all).toMatch(/"amount": -?\d+\.\d*[1-9]\d*[,}]/);
    expect(all).toMatch(/"amount": 5\.0[,}]/);
    expect(all).toMatch(/"amount": 1e\+16[,}]/);
    expect(all).toMatch(/"amount": -0\.0[,}]/);
    expect(all).toContain('\\ud83d\\ude00');
    expect(all).toContain('\\udc00');
    expect(all).toContain('\\u007f');
    expect(all).toContain('\\"');
  });

  it('every block re-encodes byte for byte and hashes to Python’s sha256', () => {
    const wrong: string[] = [];
    for (const v of blocks) {
      const block = importBlock(v.text);
      if (encodeBlock(block) !== v.text)
        wrong.push(`encode: ${v.text.slice(0, 120)} -> ${encodeBlock(block)}`);
      else if (hashBlock(block) !== v.sha256) wrong.push(`hash: ${v.text.slice(0, 80)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps amountIsFloat exactly where Python printed an integral float', () => {
    let floats = 0;
    for (const v of blocks) {
      const block = importBlock(v.text);
      const amounts = [...v.text.matchAll(/"amount": ([^,}]+)/g)].map((m) => m[1] as string);
      expect(block.transactions.map((t) => t.amount)).toEqual(amounts.map(Number));
      block.transactions.forEach((t, i) => {
        const written = amounts[i] as string;
        const integralFloat = /[.eE]/.test(written) && Number.isInteger(Number(written));
        expect(t.amountIsFloat === true).toBe(integralFloat);
        if (integralFloat) floats++;
      });
    }
    expect(floats).toBeGreaterThan(50);
  });
});

describe('genesis, forging and hashing', () => {
  it('genesis is index 1, proof 100, previous_hash "1", no transactions, and frozen', () => {
    const g = genesisBlock(1700000000);
    expect(g).toEqual({ index: 1, timestamp: 1700000000, transactions: [], proof: 100, previous_hash: '1' });
    expect(Object.isFrozen(g)).toBe(true);
    expect(Object.isFrozen(g.transactions)).toBe(true);
  });

  it('encodes the timestamp as a float even when it is whole, and index/proof as ints', () => {
    const b: Block = { ...genesisBlock(1700000000), index: 7, proof: 35293 };
    expect(encodeBlock(b)).toBe(
      '{"index": 7, "previous_hash": "1", "proof": 35293, "timestamp": 1700000000.0, "transactions": []}',
    );
    expect(dumps(blockToJson({ ...b, timestamp: 1e16 }))).toContain('"timestamp": 1e+16');
  });

  it('encodes an amount flagged amountIsFloat as 5.0 and an unflagged one as 5 (different hashes)', () => {
    const base = genesisBlock(1700000000.5);
    const int = { ...base, transactions: [{ sender: 'a', recipient: 'b', amount: 5 }] };
    const flt = {
      ...base,
      transactions: [{ sender: 'a', recipient: 'b', amount: 5, amountIsFloat: true as const }],
    };
    expect(encodeBlock(int)).toContain('{"amount": 5, "recipient": "b", "sender": "a"}');
    expect(encodeBlock(flt)).toContain('{"amount": 5.0, "recipient": "b", "sender": "a"}');
    expect(hashBlock(int)).not.toBe(hashBlock(flt));
  });

  it('forgeBlock appends the reward (sender "0", amount 1) last and links to the previous hash', () => {
    const g = genesisBlock(1700000000);
    const pending = [{ sender: 'alice', recipient: 'bob', amount: 2.5 }];
    const b = forgeBlock(g, pending, 'node-1', 4456, 1700000012.5);
    expect(b).toEqual({
      index: 2,
      timestamp: 1700000012.5,
      transactions: [pending[0], { sender: '0', recipient: 'node-1', amount: 1 }],
      proof: 4456,
      previous_hash: '525afe96d81a5e16082be3818542c9dab09537ac6e961295c671877fcb12a431',
    });
    expect(Object.isFrozen(b)).toBe(true);
    expect(pending).toHaveLength(1); // the caller's pending list is not touched
    expect(blockTransactions(pending, 'node-1')).toEqual(b.transactions);
    expect(rewardTx('x')).toEqual({ sender: '0', recipient: 'x', amount: 1 });
  });

  it('hashBlock is sha256 of encodeBlock, and equal contents give equal hashes for distinct objects', () => {
    const b = forgeBlock(genesisBlock(1700000000), [], 'm', 1, 1700000001.25);
    expect(hashBlock(b)).toBe(sha256Hex(encodeBlock(b)));
    expect(hashBlock({ ...b })).toBe(hashBlock(b));
    expect(hashBlock({ ...b, proof: 2 })).not.toBe(hashBlock(b));
  });
});
