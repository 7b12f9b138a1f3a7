// Import/export of GET /chain: E_SCHEMA names the block and the field, and nothing throws.
import { describe, expect, it } from 'vitest';
import { hashBlock } from '../../src/core/block';
import { chainFromJson, chainResponseText, parseChainResponse } from '../../src/core/chainJson';
import { dumps, PyFloat, type PyJson } from '../../src/core/encoding';
import { parseJson } from '../../src/core/parse';
import { validateChain } from '../../src/core/validate';
import { readVectors } from './helpers';

const { chains } = readVectors<{ chains: { response: string }[] }>('chains.json');
const TEXT = (chains[0] as { response: string }).response;

type Obj = Record<string, PyJson>;

/** The Python chain text with block `n` (1-based) edited, re-encoded so floats stay floats. */
function edited(n: number, f: (block: Obj) => void): string {
  const r = parseJson(TEXT);
  if (!r.ok) throw new Error(r.error.message);
  const blocks = (r.value as Obj).chain as Obj[];
  f(blocks[n - 1] as Obj);
  return dumps(r.value);
}

function txOf(block: Obj, i: number): Obj {
  return (block.transactions as Obj[])[i - 1] as Obj;
}

function schemaError(text: string): string {
  const r = parseChainResponse(text);
  if (r.ok) throw new Error('expected a schema error');
  expect(r.error.code).toBe('E_SCHEMA');
  return r.error.message;
}

describe('E_SCHEMA names the block and the field', () => {
  it.each<[string, string, (b: Obj) => void]>([
    ['missing field', 'Block 2: "proof" is missing.', (b) => delete b.proof],
    ['extra field', 'Block 3: unexpected field "nonce".', (b) => (b.nonce = 7)],
    ['string index', 'Block 2: index must be a whole number, not string "2".', (b) => (b.index = '2')],
    [
      'float index',
      'Block 2: index must be a whole number, not the number 2.0.',
      (b) => (b.index = new PyFloat(2)),
    ],
    [
      'fractional proof',
      'Block 4: proof must be a whole number, not the number 1.5.',
      (b) => (b.proof = 1.5),
    ],
    [
      'int timestamp',
      'Block 1: timestamp must be a float like 1700000000.0, not the number 1700000000.',
      (b) => (b.timestamp = 1700000000),
    ],
    [
      'text timestamp',
      'Block 3: timestamp must be a float like 1700000000.0, not string "1700000075.5".',
      (b) => (b.timestamp = '1700000075.5'),
    ],
    ['null previous_hash', 'Block 2: previous_hash must be text, not null.', (b) => (b.previous_hash = null)],
    [
      'non-list transactions',
      'Block 2: transactions must be a list, not an object.',
      (b) => (b.transactions = {}),
    ],
    ['missing sender', 'Block 2, transaction 1: "sender" is missing.', (b) => delete txOf(b, 1).sender],
    [
      'extra signature',
      'Block 2, transaction 1: unexpected field "signature".',
      (b) => (txOf(b, 1).signature = 'ab'),
    ],
    [
      'non-object transaction',
      'Block 3, transaction 2: a transaction must be an object, not a list.',
      (b) => ((b.transactions as PyJson[])[1] = []),
    ],
  ])('%s', (_, message, f) => {
    const blockNumber = Number(/^Block (\d+)/.exec(message)?.[1]);
    expect(schemaError(edited(blockNumber, f))).toBe(message);
  });

  it('takes any JSON value in a transaction, as Python holds it; only the strict rules refuse it', () => {
    // Python 3.11's json.dumps(sort_keys=True) and sha256 of this very block.
    const text =
      '{"chain": [{"index": 1, "previous_hash": "1", "proof": 100, "timestamp": 1700000000.0, "transactions": []}, ' +
      '{"index": 2, "previous_hash": "525afe96d81a5e16082be3818542c9dab09537ac6e961295c671877fcb12a431", ' +
      '"proof": 4456, "timestamp": 1700000060.5, "transactions": [{"amount": "0.5", "recipient": 5, ' +
      '"sender": ["a", 1, null]}, {"amount": true, "recipient": {"k": true}, "sender": null}, ' +
      '{"amount": 1, "recipient": "miner", "sender": "0"}]}], "length": 2}';
    const r = parseChainResponse(text);
    if (!r.ok) throw new Error(r.error.message);
    const block = r.value.chain[1]!;
    expect(hashBlock(block)).toBe('9b208ea2f6bec33618178e6dc5b71f69be6258d7276be90d8638770959a0a933');
    expect(chainResponseText(r.value.chain)).toBe(text);
    expect(block.transactions[0]).toMatchObject({ sender: '["a", 1, null]', recipient: '5' });
    const pow = { rule: 'tutorial' as const, difficulty: 4 };
    expect(validateChain(r.value.chain, { pow, strictness: 'tutorial' }).ok).toBe(true);
    expect(validateChain(r.value.chain, { pow, strictness: 'strict' })).toMatchObject({
      ok: false,
      error: {
        code: 'E_SCHEMA',
        blockNumber: 2,
        message: expect.stringMatching(/^Block 2: transaction 1 is /),
      },
    });
  });

  it('names a block that is not an object', () => {
    expect(schemaError(TEXT.replace('{"index": 3', 'null, {"index": 3'))).toBe(
      'Block 3: a block must be an object, not null.',
    );
  });

  it.each([
    ['[]', 'The file: expected an object like {"chain": [...], "length": n}.'],
    ['{"length": 1}', 'The file: expected an object like {"chain": [...], "length": n}.'],
    ['{"chain": []}', 'The file: "length" must be a whole number, not missing.'],
    ['{"chain": [], "length": "0"}', 'The file: "length" must be a whole number, not string "0".'],
    ['{"chain": [], "length": 0.0}', 'The file: "length" must be a whole number, not the number 0.0.'],
    ['{"chain": {}, "length": 0}', 'The chain: must be a list of blocks, not an object.'],
  ])('file shape %s', (text, message) => {
    expect(schemaError(text)).toBe(message);
  });
});

describe('import and export', () => {
  it('the untouched Python text imports, with the length it claims', () => {
    const r = parseChainResponse(edited(1, () => {}));
    expect(r.ok && r.value.chain.length).toBe(4);
    expect(r.ok && r.value.claimedLength).toBe(4);
  });

  it('keeps a lying length as claimedLength without trusting it', () => {
    const text = TEXT.replace('"length": 4', '"length": 40');
    const r = parseChainResponse(text);
    expect(r.ok && [r.value.chain.length, r.value.claimedLength]).toEqual([4, 40]);
    expect(r.ok && chainResponseText(r.value.chain)).toBe(TEXT);
  });

  it('passes E_JSON and E_TOO_LARGE through', () => {
    expect(parseChainResponse(TEXT.slice(0, -1))).toMatchObject({ ok: false, error: { code: 'E_JSON' } });
    expect(parseChainResponse(TEXT, { maxChars: 100 })).toMatchObject({
      ok: false,
      error: { code: 'E_TOO_LARGE' },
    });
  });

  it('returns frozen blocks and transactions and leaves the parsed value untouched', () => {
    const parsed = parseJson(TEXT);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const before = dumps(parsed.value);
    const r = chainFromJson((parsed.value as Obj).chain as PyJson);
    expect(dumps(parsed.value)).toBe(before);
    if (!r.ok) throw new Error(r.error.message);
    expect(Object.isFrozen(r.value[3])).toBe(true);
    expect(Object.isFrozen(r.value[3]?.transactions)).toBe(true);
    expect(Object.isFrozen(r.value[3]?.transactions[0])).toBe(true);
  });

  it('exports an empty chain and a fractional-float timestamp like Python', () => {
    expect(chainResponseText([])).toBe('{"chain": [], "length": 0}');
    const r = parseChainResponse(edited(1, (b) => (b.timestamp = 0.5)));
    expect(r.ok && chainResponseText(r.value.chain)).toContain('"timestamp": 0.5, "transactions": []}');
  });

  it('never throws on a schema-valid text with surprising values (negative index, huge proof, -0.0)', () => {
    const text = edited(2, (b) => {
      b.index = -3;
      b.proof = 9007199254740991;
      txOf(b, 1).amount = new PyFloat(-0);
    });
    const r = parseChainResponse(text);
    expect(r.ok).toBe(true);
    expect(r.ok && chainResponseText(r.value.chain)).toBe(text);
  });
});
