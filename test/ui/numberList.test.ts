// List fields read numbers the way the reader writes them: "0,1; 0,3" in German and Spanish, "0.1, 0.3" in
// English, and a list typed the English way still reads the same after a switch.
import { describe, expect, it } from 'vitest';
import { formatNumberList, parseNumberList, usesDecimalComma } from '../../src/ui/numberList';

describe('number lists', () => {
  it('knows which languages write a decimal comma', () => {
    expect([usesDecimalComma('en'), usesDecimalComma('es'), usesDecimalComma('de')]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('reads English lists, with or without spaces', () => {
    expect(parseNumberList('0.1, 0.3', false)).toEqual([0.1, 0.3]);
    expect(parseNumberList('1,2,4', false)).toEqual([1, 2, 4]);
    expect(parseNumberList('0.1; 0.3', false)).toEqual([0.1, 0.3]);
  });

  it('reads decimal commas as decimals where the language writes them', () => {
    expect(parseNumberList('0,1; 0,3', true)).toEqual([0.1, 0.3]);
    expect(parseNumberList('1; 2; 4', true)).toEqual([1, 2, 4]);
    // typed the English way before switching language
    expect(parseNumberList('0.1, 0.3', true)).toEqual([0.1, 0.3]);
  });

  it('refuses what it cannot read rather than guessing', () => {
    // "1,2,4" in German could be 1.2 and 4 or three numbers: refused, so the panel says how to write it.
    expect(parseNumberList('1,2,4', true).some(Number.isNaN)).toBe(true);
    expect(parseNumberList('0.1, , 0.3', false).some(Number.isNaN)).toBe(true);
    expect(parseNumberList('zero', false)).toEqual([NaN]);
  });

  it('writes defaults that read back to the same numbers', () => {
    expect(formatNumberList([0.1, 0.3], false)).toBe('0.1, 0.3');
    expect(formatNumberList([0.1, 0.3], true)).toBe('0,1; 0,3');
    for (const comma of [false, true])
      expect(parseNumberList(formatNumberList([0.1, 0.25, 4], comma), comma)).toEqual([0.1, 0.25, 4]);
  });
});
