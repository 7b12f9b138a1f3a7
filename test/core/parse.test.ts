// parseJson: Python's int/float split, readable E_JSON messages, limits, and never an exception (seeded fuzz).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainResponseText, parseChainResponse } from '../../src/core/chainJson';
import { PyFloat, type PyJson } from '../../src/core/encoding';
import { DEFAULT_PARSE_LIMITS, parseJson } from '../../src/core/parse';
import { TUTORIAL_VALIDATION, validateChain } from '../../src/core/validate';
import { readVectors } from './helpers';

const { chains } = readVectors<{ chains: { response: string }[] }>('chains.json');
const CHAIN_TEXT = (chains[0] as { response: string }).response;

function error(text: string, limits?: Parameters<typeof parseJson>[1]) {
  const r = parseJson(text, limits);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text.slice(0, 40))} to be refused`);
  return r.error;
}

describe('values', () => {
  it('keeps Python’s int/float split: 5 is an int, 5.0 and 1e2 are integral floats, 2.5 a plain number', () => {
    expect(parseJson('5')).toEqual({ ok: true, value: 5 });
    expect(parseJson('[5.0, 1e2, 2.5, -0.0]')).toEqual({
      ok: true,
      value: [new PyFloat(5), new PyFloat(100), 2.5, new PyFloat(-0)],
    });
    const r = parseJson('5.0');
    expect(r.ok && r.value instanceof PyFloat).toBe(true);
  });

  it('decodes escapes and whitespace like json.loads', () => {
    expect(parseJson(' {"a\\u00e9\\n": ["\\ud83d\\ude00", "\\/", true, false, null]}\r\n\t')).toEqual({
      ok: true,
      value: { 'aé\n': ['😀', '/', true, false, null] },
    });
  });

  it('reads integers of any size as Python does: exact, as bigint beyond 2⁵³, up to 4 300 digits', () => {
    expect(parseJson('[9007199254740991, -9007199254740991]')).toEqual({
      ok: true,
      value: [9007199254740991, -9007199254740991],
    });
    expect(parseJson('[9007199254740993, 18446744073709551616, -123456789012345678901234567890]')).toEqual({
      ok: true,
      value: [9007199254740993n, 2n ** 64n, -123456789012345678901234567890n],
    });
    // A float stays a float however large, and keeps Python's repr.
    expect(parseJson('[1e16, 1e21, 10000000000000000.0]')).toEqual({
      ok: true,
      value: [new PyFloat(1e16), new PyFloat(1e21), new PyFloat(1e16)],
    });
    expect(parseJson('9'.repeat(4300)).ok).toBe(true);
    expect(error('9'.repeat(4301)).message).toContain('more than 4300 digits (Python refuses it too)');
    expect(error('[1e400]').message).toContain('number out of range');
  });

  it('refuses duplicate keys and "__proto__" instead of picking one silently', () => {
    expect(error('{"a": 1, "a": 2}').message).toBe(
      'The text is not valid JSON: the key "a" appears twice at line 1, character 10.',
    );
    expect(error('{"__proto__": {"polluted": 1}}').code).toBe('E_JSON');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('E_JSON names the line and character', () => {
  it.each([
    ['{"a": 1,}', "expected '\"' at line 1, character 9."],
    ['{\n"a": \n}', 'unexpected character at line 3, character 9.'],
    ['[1, 2', "expected ']' at line 1, character 6."],
    ['', 'unexpected end of input at line 1, character 1.'],
    ['1 2', 'unexpected text after the end at line 1, character 3.'],
    ['"abc', 'unterminated string at line 1, character 5.'],
    ['"a\tb"', 'control character inside a string at line 1, character 3.'],
    ['"\\x"', 'bad escape at line 1, character 3.'],
    ['"\\u12G4"', 'bad \\u escape at line 1, character 4.'],
    ["{'a': 1}", "expected '\"' at line 1, character 2."],
  ])('%j → %s', (text, where) => {
    const e = error(text);
    expect(e.code).toBe('E_JSON');
    expect(e.message).toBe(`The text is not valid JSON: ${where}`);
  });

  it.each(['NaN', '[Infinity]', '{"amount": -Infinity}', '[1, NaN]'])('%s is refused as not JSON', (text) => {
    const e = error(text);
    expect(e.code).toBe('E_JSON');
    expect(e.message).toContain('NaN and Infinity are not valid JSON');
  });

  it.each(['01', '1.', '.5', '+1', '-', '1e', 'True', 'nul', '[1,]', '{"a" 1}', '\ufeff{}'])(
    '%j is refused with E_JSON',
    (text) => {
      expect(error(text).code).toBe('E_JSON');
    },
  );
});

describe('limits', () => {
  it('refuses text over maxChars with E_TOO_LARGE, before reading it', () => {
    expect(error('[1, 2]', { maxChars: 5 })).toEqual({
      code: 'E_TOO_LARGE',
      message: 'The input has 6 characters; at most 5 are accepted.',
    });
    expect(parseJson('[1, 2]', { maxChars: 6 }).ok).toBe(true);
    const big = ' '.repeat(DEFAULT_PARSE_LIMITS.maxChars) + '1';
    expect(error(big).code).toBe('E_TOO_LARGE');
  });

  it('refuses nesting beyond maxDepth with E_JSON, and deep input never overflows the stack', () => {
    expect(parseJson('['.repeat(64) + ']'.repeat(64)).ok).toBe(true);
    expect(error('['.repeat(66) + ']'.repeat(66)).message).toContain('nested deeper than 64 levels');
    expect(error('['.repeat(200000)).message).toContain('nested deeper than 64 levels');
    expect(error('{"a": '.repeat(5) + '1' + '}'.repeat(5), { maxDepth: 3 }).code).toBe('E_JSON');
  });
});

// Characters that drive the parser into every branch; random strings over them reach far more states than
// arbitrary Unicode, which mostly fails at the first character.
const JSONISH = fc.constantFrom(...'{}[]",:0123456789.eE+-truefalsnNIy\\u/ \n\t\ud800é'.split(''));

function neverThrows(text: string): void {
  const r = parseJson(text);
  expect(typeof r.ok).toBe('boolean');
  if (!r.ok) {
    expect(['E_JSON', 'E_TOO_LARGE']).toContain(r.error.code);
    expect(r.error.message).toMatch(/^The text is not valid JSON: .+ at line \d+, character \d+\.$/);
  }
}

describe('never throws (seeded fuzz)', () => {
  it('on arbitrary UTF-16 strings, lone surrogates included', () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(fc.property(fc.string({ unit, maxLength: 60 }), neverThrows), { seed: 2201, numRuns: 3000 });
  });

  it('on JSON-alphabet strings', () => {
    fc.assert(fc.property(fc.string({ unit: JSONISH, maxLength: 80 }), neverThrows), {
      seed: 2202,
      numRuns: 5000,
    });
  });

  it('on valid JSON it agrees with JSON.parse (PyFloat read as its value)', () => {
    // JSON.parse rounds a large int to the nearest double, as Number() of the exact bigint does.
    const plain = (v: PyJson): unknown =>
      v instanceof PyFloat
        ? v.value
        : typeof v === 'bigint'
          ? Number(v)
          : Array.isArray(v)
            ? v.map(plain)
            : v && typeof v === 'object'
              ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
              : v;
    fc.assert(
      fc.property(fc.json({ stringUnit: 'binary', maxDepth: 6 }), (text) => {
        const r = parseJson(text);
        if (r.ok) expect(plain(r.value)).toEqual(JSON.parse(text));
        else expect(r.error.message).toMatch(/__proto__/);
      }),
      { seed: 2203, numRuns: 1000 },
    );
  });

  it('on mutated copies of a valid GET /chain text: always a Result, through import, export and validation', () => {
    const edit = fc.record({
      at: fc.nat({ max: CHAIN_TEXT.length }),
      len: fc.nat({ max: 12 }),
      insert: fc.string({ unit: JSONISH, maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = CHAIN_TEXT;
        for (const e of edits) text = text.slice(0, e.at) + e.insert + text.slice(e.at + e.len);
        const r = parseChainResponse(text);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) {
          expect(['E_JSON', 'E_SCHEMA']).toContain(r.error.code);
          return;
        }
        expect(typeof chainResponseText(r.value.chain)).toBe('string');
        const v = validateChain(r.value.chain, {
          ...TUTORIAL_VALIDATION,
          pow: { rule: 'tutorial', difficulty: 3 },
        });
        expect(typeof v.ok).toBe('boolean');
      }),
      { seed: 2204, numRuns: 3000 },
    );
  });
});
