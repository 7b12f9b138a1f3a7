// Safe JSON parsing for chains that come from outside (a peer, an import, a shared link). Unlike JSON.parse
// it keeps Python's int/float distinction (5 vs 5.0 hash differently,
// docs/protocol.md "Hashing: Python's json.dumps, byte for byte"), caps size and depth, and turns every
// problem into a Result with a readable message instead of an exception.
import { fail, failure, ok, type Result } from './errors';
import { PyFloat, type PyJson } from './encoding';

export interface ParseLimits {
  /** Characters of input accepted (default 8 MiB). */
  readonly maxChars: number;
  /** Nesting depth accepted (default 64). */
  readonly maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxChars: 8 * 1024 * 1024, maxDepth: 64 };

class ParseError extends Error {
  constructor(
    readonly at: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

export function parseJson(text: string, limits: Partial<ParseLimits> = {}): Result<PyJson> {
  const { maxChars, maxDepth } = { ...DEFAULT_PARSE_LIMITS, ...limits };
  if (text.length > maxChars) {
    return fail(
      failure('E_TOO_LARGE', `The input has ${text.length} characters; at most ${maxChars} are accepted.`),
    );
  }
  let pos = 0;

  const skipWs = () => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      pos++;
    }
  };
  const expect = (ch: string) => {
    if (text[pos] !== ch) throw new ParseError(pos, `expected '${ch}'`);
    pos++;
  };

  const parseString = (): string => {
    expect('"');
    let out = '';
    for (;;) {
      if (pos >= text.length) throw new ParseError(pos, 'unterminated string');
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        pos++;
        return out;
      }
      if (c < 0x20) throw new ParseError(pos, 'control character inside a string');
      if (c !== 0x5c) {
        out += text[pos++];
        continue;
      }
      const esc = text[pos + 1];
      pos += 2;
      switch (esc) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          const hex = text.slice(pos, pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new ParseError(pos, 'bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 4;
          break;
        }
        default:
          throw new ParseError(pos - 1, 'bad escape');
      }
    }
  };

  const MAX_INT_DIGITS = 4300;
  const parseNumber = (): number | bigint | PyFloat => {
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (!m) throw new ParseError(pos, 'unexpected character');
    pos += m[0].length;
    const value = Number(m[0]);
    const isFloat = m[1] !== undefined || m[2] !== undefined;
    if (!isFloat) {
      if (Number.isSafeInteger(value)) return value === 0 ? 0 : value; // Python reads the int -0 as 0
      // Python's ints have any size, up to the 4 300 digits int() accepts from text (sys.int_info).
      if (m[0].replace(/^-/, '').length > MAX_INT_DIGITS)
        throw new ParseError(pos, `an integer of more than ${MAX_INT_DIGITS} digits (Python refuses it too)`);
      return BigInt(m[0]);
    }
    // Python reads 1e400 as inf, which json.dumps then cannot write back as JSON: refused.
    if (!Number.isFinite(value)) throw new ParseError(pos, 'number out of range');
    // An integral float (5.0, 1e3) must stay a float so it re-encodes as Python printed it.
    return Number.isInteger(value) ? new PyFloat(value) : value;
  };

  const parseValue = (depth: number): PyJson => {
    skipWs();
    const c = text[pos];
    // `depth` containers are open around this value; opening one more must stay within the limit.
    if ((c === '{' || c === '[') && depth >= maxDepth)
      throw new ParseError(pos, `nested deeper than ${maxDepth} levels`);
    if (c === '{') {
      pos++;
      const obj: Record<string, PyJson> = {};
      skipWs();
      if (text[pos] === '}') {
        pos++;
        return obj;
      }
      for (;;) {
        skipWs();
        const keyAt = pos;
        const key = parseString();
        // Python keeps the last of duplicate keys, so two readers could see different blocks: refuse them,
        // and refuse __proto__ so nothing can reach an object's prototype.
        if (key === '__proto__') throw new ParseError(keyAt, 'the key "__proto__" is not allowed');
        if (Object.hasOwn(obj, key))
          throw new ParseError(keyAt, `the key "${key.slice(0, 40)}" appears twice`);
        skipWs();
        expect(':');
        obj[key] = parseValue(depth + 1);
        skipWs();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        expect('}');
        return obj;
      }
    }
    if (c === '[') {
      pos++;
      const arr: PyJson[] = [];
      skipWs();
      if (text[pos] === ']') {
        pos++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(depth + 1));
        skipWs();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        expect(']');
        return arr;
      }
    }
    if (c === '"') return parseString();
    if (text.startsWith('true', pos)) return ((pos += 4), true);
    if (text.startsWith('false', pos)) return ((pos += 5), false);
    if (text.startsWith('null', pos)) return ((pos += 4), null);
    if (
      text.startsWith('NaN', pos) ||
      text.startsWith('Infinity', pos) ||
      text.startsWith('-Infinity', pos)
    ) {
      throw new ParseError(pos, 'NaN and Infinity are not valid JSON');
    }
    if (pos >= text.length) throw new ParseError(pos, 'unexpected end of input');
    return parseNumber();
  };

  try {
    const value = parseValue(0);
    skipWs();
    if (pos !== text.length) throw new ParseError(pos, 'unexpected text after the end');
    return ok(value);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    const line = text.slice(0, e.at).split('\n').length;
    return fail(
      failure('E_JSON', `The text is not valid JSON: ${e.reason} at line ${line}, character ${e.at + 1}.`),
    );
  }
}
