// Amounts as Python holds them: ints of any size (number up to 2⁵³, bigint beyond) and floats. Python adds an
// int and a float as a float, and two ints exactly, however large; so do these.
import { PyFloat } from './encoding';

export type Amount = number | bigint;

export function isPositive(a: Amount): boolean {
  return typeof a === 'bigint' ? a > 0n : Number.isFinite(a) && a > 0;
}

const isIntegral = (a: Amount) => typeof a === 'bigint' || Number.isInteger(a);

/** a + b with Python's int/float rules; exact for ints of any size. */
export function addAmounts(a: Amount, b: Amount): Amount {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    if (Number.isSafeInteger(sum) || !Number.isInteger(a) || !Number.isInteger(b)) return sum;
    return BigInt(a) + BigInt(b);
  }
  if (!isIntegral(a) || !isIntegral(b)) return Number(a) + Number(b);
  const sum = BigInt(a) + BigInt(b);
  // Back to a plain number once it fits, so small results compare and print as before.
  return sum >= BigInt(Number.MIN_SAFE_INTEGER) && sum <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(sum) : sum;
}

export function negate(a: Amount): Amount {
  return typeof a === 'bigint' ? -a : -a;
}

/**
 * An amount as a person types it, read with JSON's rules, as Python's node would read it from curl: whole
 * numbers are ints ("5", "-0" is 0, "18446744073709551616" keeps every digit), anything with a point or an
 * exponent is a float ("5.0" and "1e16" stay floats). Also "+5" and ".5". Null when it is not a number.
 */
export function amountFromText(text: string): Amount | PyFloat | null {
  const t = text.trim();
  if (/^[+-]?\d+$/.test(t)) {
    const digits = t.replace(/^[+-]/, '');
    if (digits.length > 4300) return null; // Python's int() refuses more digits from text
    const n = BigInt(t.replace(/^\+/, ''));
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) || 0 : n;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const x = Number(t);
  if (!Number.isFinite(x)) return null;
  return Number.isInteger(x) ? new PyFloat(x) : x;
}
