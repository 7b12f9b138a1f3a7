// dumps/pyFloatRepr/pyString against bytes Python 3 produced (vectors/make_vectors.py), plus the edges JS adds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dumps, pyFloatRepr, PyFloat, pyNumber, pyString, type PyJson } from '../../src/core/encoding';
import { parseJson } from '../../src/core/parse';
import { readVectors } from './helpers';

interface FloatVector {
  readonly repr: string;
  readonly bits: string;
  readonly named?: boolean;
}
const { floats } = readVectors<{ floats: FloatVector[] }>('floats.json');
const { values } = readVectors<{ values: { input: string; expected: string }[] }>('values.json');

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt('0x' + hex));
  return view.getFloat64(0);
}

describe('pyFloatRepr is Python repr(float)', () => {
  it('has the vectors it claims (named edge cases and 3000 seeded doubles)', () => {
    expect(floats.filter((f) => f.named).length).toBeGreaterThanOrEqual(50);
    expect(floats.length).toBeGreaterThanOrEqual(3000);
  });

  it.each(floats.filter((f) => f.named).map((f) => [f.repr, f.bits]))('named %s', (repr, bits) => {
    expect(pyFloatRepr(fromBits(bits))).toBe(repr);
  });

  it('matches Python on every seeded random double', () => {
    const wrong = floats
      .filter((f) => !f.named)
      .filter((f) => pyFloatRepr(fromBits(f.bits)) !== f.repr)
      .map((f) => `${f.repr} -> ${pyFloatRepr(fromBits(f.bits))}`);
    expect(wrong).toEqual([]);
  });

  it('switches to exponent form exactly at 1e16 and below 1e-4, with a signed two-digit exponent', () => {
    expect(pyFloatRepr(1e16)).toBe('1e+16');
    expect(pyFloatRepr(9999999999999998)).toBe('9999999999999998.0');
    expect(pyFloatRepr(0.0001)).toBe('0.0001');
    expect(pyFloatRepr(0.00009)).toBe('9e-05');
    expect(pyFloatRepr(1.5e-7)).toBe('1.5e-07');
    expect(pyFloatRepr(1e-100)).toBe('1e-100');
    expect(pyFloatRepr(1700000000)).toBe('1700000000.0');
    expect(pyFloatRepr(-0)).toBe('-0.0');
  });

  it('refuses inf and nan (not JSON) with a RangeError', () => {
    expect(() => pyFloatRepr(Infinity)).toThrow(RangeError);
    expect(() => pyFloatRepr(-Infinity)).toThrow(RangeError);
    expect(() => dumps(NaN)).toThrow(RangeError);
  });

  it('round-trips: Number(repr(x)) is x for any finite double (seeded)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const r = pyFloatRepr(x);
        expect(Object.is(Number(r), x)).toBe(true);
        expect(r).toMatch(/^-?(\d+\.\d+|\d(\.\d+)?e[+-]\d{2,3})$/);
      }),
      { seed: 1101, numRuns: 2000 },
    );
  });
});

describe('pyNumber: ints print as ints, fractions as floats', () => {
  it('prints safe integral JS numbers as Python ints, bigints with every digit, larger numbers as the floats they are', () => {
    expect(pyNumber(5)).toBe('5');
    expect(pyNumber(-42)).toBe('-42');
    expect(pyNumber(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
    expect(pyNumber(2.5)).toBe('2.5');
    // A JS number past 2⁵³ only comes from float arithmetic: Python prints float(2**53) as 9007199254740992.0.
    expect(pyNumber(2 ** 53)).toBe('9007199254740992.0');
    expect(pyNumber(1e21)).toBe('1e+21');
    // json.dumps(2**64) and json.dumps(-10**30), checked with Python 3.11.
    expect(dumps(2n ** 64n)).toBe('18446744073709551616');
    expect(dumps(-(10n ** 30n))).toBe('-1000000000000000000000000000000');
  });

  it('keeps a float with an integral value a float only through PyFloat', () => {
    expect(dumps(5)).toBe('5');
    expect(dumps(new PyFloat(5))).toBe('5.0');
    expect(dumps(new PyFloat(1e16))).toBe('1e+16');
    expect(dumps([new PyFloat(0), new PyFloat(-0), 0])).toBe('[0.0, -0.0, 0]');
  });
});

describe('pyString is json.dumps with ensure_ascii=True', () => {
  it.each([
    ['a"b', '"a\\"b"'],
    ['back\\slash', '"back\\\\slash"'],
    ['\b\f\n\r\t', '"\\b\\f\\n\\r\\t"'],
    ['\u0000\u0001\u001f', '"\\u0000\\u0001\\u001f"'],
    ['\u007f', '"\\u007f"'],
    ['/', '"/"'],
    ['é中', '"\\u00e9\\u4e2d"'],
    ['😀', '"\\ud83d\\ude00"'],
    ['\ud800', '"\\ud800"'],
    ['\udc00\ud800', '"\\udc00\\ud800"'],
    ['\uFFFF', '"\\uffff"'],
    [' ~', '" ~"'],
  ])('%j → %s', (s, expected) => {
    expect(pyString(s)).toBe(expected);
  });
});

describe('dumps(parseJson(text)) is json.dumps(json.loads(text), sort_keys=True)', () => {
  it.each(values.map((v) => [v.input, v.expected]))('%j', (input, expected) => {
    const parsed = parseJson(input);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(dumps(parsed.value)).toBe(expected);
  });

  it('sorts keys by code point at every level: U+E000 before U+1F600 (JS UTF-16 order says the reverse)', () => {
    const obj = { '\u{1F600}': 1, '\uE000': { b: [1, { y: 1, x: 2 }], a: null } };
    expect(dumps(obj)).toBe('{"\\ue000": {"a": null, "b": [1, {"x": 2, "y": 1}]}, "\\ud83d\\ude00": 1}');
    expect(Object.keys(obj).sort()[0]).toBe('\u{1F600}');
  });

  it('uses ", " and ": " separators and no other whitespace', () => {
    expect(dumps({ list: [1, [2, []], {}], t: true, f: false, n: null })).toBe(
      '{"f": false, "list": [1, [2, []], {}], "n": null, "t": true}',
    );
  });

  it('is stable: dumps(parse(dumps(v))) === dumps(v) for arbitrary JSON values (seeded)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (v) => {
        let first: string;
        try {
          first = dumps(v as PyJson);
        } catch (e) {
          expect(e).toBeInstanceOf(RangeError); // an integral double beyond 2^53 has no exact int form
          return;
        }
        const again = parseJson(first);
        if (!again.ok) throw new Error(again.error.message);
        expect(dumps(again.value)).toBe(first);
      }),
      { seed: 1102, numRuns: 500 },
    );
  });
});
