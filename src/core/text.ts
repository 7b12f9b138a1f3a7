// Bytes of a file → text, refused the way the Python node refuses them. Flask's request.get_json() and
// json.loads(bytes) decode with detect_encoding(), which is 'utf-8-sig' after a UTF-8 byte order mark (one BOM is
// dropped) and 'utf-8' otherwise, always with the 'surrogatepass' error handler: a lone surrogate written as
// three bytes (ED A0..BF 80..BF) is accepted, anything else that is not UTF-8 raises UnicodeDecodeError. So
// invalid bytes are an error here, never replaced with U+FFFD. Python's own UTF-16/32 detection (a file with NUL
// bytes in its first four) is not followed: such a file is refused here, as E_UTF8 or as E_JSON.
import { fail, failure, ok, type Failure, type Result } from './errors';

// The core compiles against ES2022 only (no DOM, no Node types); TextDecoder is in every runtime the app and the
// command line run in. Module-scoped, so it does not clash with the DOM's declaration where both are compiled.
interface Decoder {
  decode(bytes: Uint8Array): string;
}
declare const TextDecoder: new (label: 'utf-8', options: { fatal: boolean; ignoreBOM?: boolean }) => Decoder;

/** Python's UnicodeDecodeError reasons, word for word. */
export type Utf8Reason = 'invalid start byte' | 'invalid continuation byte' | 'unexpected end of data';

export interface Utf8Failure extends Failure {
  readonly code: 'E_UTF8';
  /** Byte offset in the input (counting the BOM, unlike Python, which counts from after it). */
  readonly offset: number;
  /** Bytes from `offset` that Python reports as the undecodable sequence (its start–end). */
  readonly length: number;
  readonly reason: Utf8Reason;
}

const BOM = [0xef, 0xbb, 0xbf] as const;

export function decodeUtf8(bytes: Uint8Array): Result<string, Utf8Failure> {
  try {
    // Fast path: the WHATWG decoder drops one leading BOM, as 'utf-8-sig' does.
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return decodeSlowly(bytes);
  }
}

const inRange = (b: number | undefined, lo: number, hi: number) => b !== undefined && b >= lo && b <= hi;

/**
 * The fast path refused the bytes: find Python's first error (its decoder follows Unicode's "maximal subpart"
 * rule, the same as the WHATWG one), or decode around the encoded surrogates that 'surrogatepass' lets through.
 */
function decodeSlowly(bytes: Uint8Array): Result<string, Utf8Failure> {
  const n = bytes.length;
  const start = bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2] ? 3 : 0;
  const pieces: string[] = [];
  const plain = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let from = start;
  let i = start;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    // The ranges allowed after each lead byte (the Unicode Standard, table 3-7).
    let second: readonly [number, number];
    let more: number;
    if (b >= 0xc2 && b <= 0xdf) [second, more] = [[0x80, 0xbf], 0];
    else if (b === 0xe0) [second, more] = [[0xa0, 0xbf], 1];
    else if (b === 0xed) [second, more] = [[0x80, 0x9f], 1];
    else if (b >= 0xe1 && b <= 0xef) [second, more] = [[0x80, 0xbf], 1];
    else if (b === 0xf0) [second, more] = [[0x90, 0xbf], 2];
    else if (b >= 0xf1 && b <= 0xf3) [second, more] = [[0x80, 0xbf], 2];
    else if (b === 0xf4) [second, more] = [[0x80, 0x8f], 2];
    else return utf8Error(bytes, i, 1, 'invalid start byte');
    if (b === 0xed && inRange(bytes[i + 1], 0xa0, 0xbf) && inRange(bytes[i + 2], 0x80, 0xbf)) {
      // 'surrogatepass': the code point of a lone surrogate, kept as one UTF-16 unit.
      pieces.push(plain.decode(bytes.subarray(from, i)));
      const unit = 0xd000 | (((bytes[i + 1] as number) & 0x3f) << 6) | ((bytes[i + 2] as number) & 0x3f);
      pieces.push(String.fromCharCode(unit));
      i += 3;
      from = i;
      continue;
    }
    let j = i + 1;
    for (let k = 0; k <= more; k++, j++) {
      if (j >= n) return utf8Error(bytes, i, n - i, 'unexpected end of data');
      const [lo, hi] = k === 0 ? second : [0x80, 0xbf];
      if (!inRange(bytes[j], lo, hi)) return utf8Error(bytes, i, j - i, 'invalid continuation byte');
    }
    i = j;
  }
  pieces.push(plain.decode(bytes.subarray(from, n)));
  return ok(pieces.join(''));
}

function utf8Error(bytes: Uint8Array, offset: number, length: number, reason: Utf8Reason) {
  const hex = (b: number) => `0x${b.toString(16).padStart(2, '0')}`;
  const seq = [...bytes.subarray(offset, offset + length)].map(hex).join(' ');
  const what =
    reason === 'invalid start byte'
      ? `${seq} cannot start a character`
      : reason === 'unexpected end of data'
        ? `the text ends inside a character (${seq})`
        : `the character that starts with ${seq} is cut short by ${hex(bytes[offset + length] as number)}`;
  const message = `The file is not valid UTF-8 at byte offset ${offset}: ${what} (${reason}). Save it as UTF-8 and try again.`;
  return fail<Utf8Failure>({ ...failure('E_UTF8', message), code: 'E_UTF8', offset, length, reason });
}
