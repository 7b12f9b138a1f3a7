// Canonical bytes identical to Python's json.dumps(obj, sort_keys=True)
// (docs/protocol.md "Hashing: Python's json.dumps, byte for byte").

/**
 * A Python float whose value is integral (5.0, 1e+16). JS numbers lose the int/float distinction, and Python
 * prints 5 and 5.0 differently, so a float with an integral value is carried in this wrapper. Non-integral
 * numbers are always floats and stay plain numbers.
 */
export class PyFloat {
  constructor(readonly value: number) {}
}

/**
 * A JSON value as Python's json module holds it: ints of any size (bigint beyond 2⁵³, as Python reads
 * 18446744073709551616), floats (number, or PyFloat when integral), strings, lists, dicts.
 */
export type PyJson =
  | null
  | boolean
  | number
  | bigint
  | PyFloat
  | string
  | readonly PyJson[]
  | { readonly [key: string]: PyJson };

/** Python `repr(float)`: shortest round-trip digits, fixed between 1e-4 and 1e16, else `d.ddde+XX`. */
export function pyFloatRepr(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError('inf and nan are not valid JSON');
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // toExponential() with no argument gives the shortest digits that round-trip, like Python's repr.
  const [mantissa, expText] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  if (exp >= -4 && exp < 16) {
    if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const frac = digits.slice(exp + 1);
    return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
  }
  const head = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const expSign = exp < 0 ? '-' : '+';
  return `${sign}${head}e${expSign}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/**
 * A JS number as Python would print it: safe integers as ints, anything else as a float. A number beyond 2⁵³
 * can only have come from float arithmetic (ints that large are read as bigint), so it prints as the float it is.
 */
export function pyNumber(x: number): string {
  if (Number.isSafeInteger(x) && !Object.is(x, -0)) return String(x);
  return pyFloatRepr(x);
}

const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** json.dumps string with ensure_ascii=True: everything outside ' '..'~' is escaped, per UTF-16 code unit. */
export function pyString(s: string): string {
  // Most strings (names, hex hashes) need no escape at all.
  if (PLAIN.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c >= 0x20 && c <= 0x7e) out += s[i];
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else out += '\\u' + c.toString(16).padStart(4, '0');
  }
  return out + '"';
}

/** Python sorts str keys by code point; JS's default sort compares UTF-16 code units, which differs above U+FFFF. */
function byCodePoint(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
    const d = (x.value.codePointAt(0) as number) - (y.value.codePointAt(0) as number);
    if (d !== 0) return d;
  }
}

const SURROGATE = /[\ud800-\udfff]/;

/** Whether `v` is a JSON value Python could hold (finite numbers, plain objects and lists, not too deep). */
export function isPyJson(v: unknown, depth = 64): boolean {
  if (v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'bigint') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (v instanceof PyFloat) return Number.isFinite(v.value);
  if (depth <= 0 || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.every((x) => isPyJson(x, depth - 1));
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(v).every((x) => isPyJson(x, depth - 1));
}

/**
 * `json.dumps(value, sort_keys=True)`; `compact` gives separators (",", ":") as Flask's jsonify writes an HTTP
 * answer (the bytes a Python node serves; the hash always uses the default ", " and ": ").
 */
export function dumps(value: PyJson, compact = false): string {
  return write(value, compact ? ',' : ', ', compact ? ':' : ': ');
}

function write(value: PyJson, item: string, key: string): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return pyString(value);
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  if (Array.isArray(value)) return '[' + value.map((v) => write(v, item, key)).join(item) + ']';
  const obj = value as { readonly [key: string]: PyJson };
  const keys = Object.keys(obj);
  // Below U+D800 code units and code points sort alike, so only keys with surrogates need the slow order.
  if (keys.some((k) => SURROGATE.test(k))) keys.sort(byCodePoint);
  else keys.sort();
  return '{' + keys.map((k) => `${pyString(k)}${key}${write(obj[k] as PyJson, item, key)}`).join(item) + '}';
}
