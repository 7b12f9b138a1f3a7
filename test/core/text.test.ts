// Bytes → text as the Python node decodes a request body or a chain file: json.loads(bytes) uses 'utf-8-sig'
// after a BOM, else 'utf-8', with the 'surrogatepass' handler. Every vector below was made with Python 3.11:
//   b.decode('utf-8-sig' if b.startswith(codecs.BOM_UTF8) else 'utf-8', 'surrogatepass')
// and, for an error, (e.start + 3 if there was a BOM, e.end - e.start, e.reason): offsets here count from the first
// byte of the file, Python's from after the BOM.
import { describe, expect, it } from 'vitest';
import { parseChainResponse } from '../../src/core/chainJson';
import { decodeUtf8 } from '../../src/core/text';
import { FILE_LIMIT, readFileText, readImportText } from '../../src/share/runFile';

type Expected = { text: string } | { offset: number; length: number; reason: string };

const PYTHON: readonly (readonly [string, Expected])[] = [
  ['', { text: '' }],
  ['7b2261223a20317d', { text: '{"a": 1}' }],
  ['22636166c3a920e282ac20f09f988022', { text: '"caf\u00e9 \u20ac \ud83d\ude00"' }],
  ['efbbbf7b7d', { text: '{}' }],
  ['efbbbfefbbbf7b7d', { text: '\ufeff{}' }],
  ['7b2261223a2022ff227d', { offset: 7, length: 1, reason: 'invalid start byte' }],
  ['7b2261223a2022e282227d', { offset: 7, length: 2, reason: 'invalid continuation byte' }],
  ['7b2261223a2022e282', { offset: 7, length: 2, reason: 'unexpected end of data' }],
  ['22c08022', { offset: 1, length: 1, reason: 'invalid start byte' }],
  ['22c1bf22', { offset: 1, length: 1, reason: 'invalid start byte' }],
  ['22f490808022', { offset: 1, length: 1, reason: 'invalid continuation byte' }],
  ['6162f09f98', { offset: 2, length: 3, reason: 'unexpected end of data' }],
  ['c3', { offset: 0, length: 1, reason: 'unexpected end of data' }],
  ['228022', { offset: 1, length: 1, reason: 'invalid start byte' }],
  ['22f522', { offset: 1, length: 1, reason: 'invalid start byte' }],
  ['22f88880808022', { offset: 1, length: 1, reason: 'invalid start byte' }],
  ['22e0808022', { offset: 1, length: 1, reason: 'invalid continuation byte' }],
  ['22e0a022', { offset: 1, length: 2, reason: 'invalid continuation byte' }],
  ['22f08022', { offset: 1, length: 1, reason: 'invalid continuation byte' }],
  ['22c222', { offset: 1, length: 1, reason: 'invalid continuation byte' }],
  ['efbb', { offset: 0, length: 2, reason: 'unexpected end of data' }],
  ['ed', { offset: 0, length: 1, reason: 'unexpected end of data' }],
  ['22eda022', { offset: 1, length: 1, reason: 'invalid continuation byte' }],
  ['22eda0', { offset: 1, length: 1, reason: 'invalid continuation byte' }],
  ['22eda08022', { text: '"\ud800"' }],
  ['22eda080edb08022', { text: '"\ud800\udc00"' }],
  ['22edbfbf22', { text: '"\udfff"' }],
  ['22ed9fbf22', { text: '"\ud7ff"' }],
  ['22efbfbf22', { text: '"\uffff"' }],
  ['22f48fbfbf22', { text: '"\udbff\udfff"' }],
  ['efbbbf22ff22', { offset: 4, length: 1, reason: 'invalid start byte' }],
  ['efbbbf22eda08022', { text: '"\ud800"' }],
  ['22eda080ff22', { offset: 4, length: 1, reason: 'invalid start byte' }],
  ['2261eda08062e282ac6322', { text: '"a\ud800b\u20acc"' }],
];

const bytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeUtf8 against Python', () => {
  it.each(PYTHON)('%s', (hex, expected) => {
    const r = decodeUtf8(bytes(hex));
    if ('text' in expected) expect(r).toEqual({ ok: true, value: expected.text });
    else {
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect({ offset: r.error.offset, length: r.error.length, reason: r.error.reason }).toEqual(expected);
      expect(r.error.code).toBe('E_UTF8');
      expect(r.error.message).toContain(`at byte offset ${expected.offset}:`);
      expect(r.error.message).toContain(expected.reason);
    }
  });

  it('names the bytes in words a student can act on', () => {
    const r = decodeUtf8(bytes('7b2261223a2022ff227d'));
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'E_UTF8',
        message:
          'The file is not valid UTF-8 at byte offset 7: 0xff cannot start a character (invalid start byte). ' +
          'Save it as UTF-8 and try again.',
      },
    });
  });

  it('never replaces a bad byte with U+FFFD, anywhere in a long text', () => {
    const prefix = '{"chain": [], "length": 0, "pad": "';
    const long = utf8(`${prefix}${'é'.repeat(100_000)}"}`);
    expect(decodeUtf8(long)).toEqual({ ok: true, value: new TextDecoder().decode(long) });
    const broken = long.slice();
    const at = prefix.length + 2 * 75_000; // the first byte of an é, 0xc3; its second byte becomes 0xff
    broken[at + 1] = 0xff;
    const r = decodeUtf8(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ offset: at, length: 1, reason: 'invalid continuation byte' });
  });
});

describe('a chain file with a BOM or bad bytes', () => {
  const chain = '{"chain": [], "length": 0}';

  it('one BOM is dropped, as json.loads(bytes) drops it; a second one is text, and not JSON', () => {
    const one = decodeUtf8(bytes('efbbbf' + [...utf8(chain)].map((b) => b.toString(16)).join('')));
    expect(one).toEqual({ ok: true, value: chain });
    const two = decodeUtf8(bytes('efbbbfefbbbf7b7d'));
    expect(two).toEqual({ ok: true, value: '\ufeff{}' });
    if (two.ok) expect(parseChainResponse(two.value)).toMatchObject({ ok: false, error: { code: 'E_JSON' } });
  });
});

describe('readFileText (the browser import)', () => {
  it('reads a UTF-8 file, dropping a BOM', async () => {
    expect(await readFileText(new Blob(['\ufeff', '{"chain": [], "length": 0}']))).toEqual({
      ok: true,
      value: '{"chain": [], "length": 0}',
    });
  });

  it('refuses a file with invalid UTF-8 as E_UTF8 naming the offset, instead of importing U+FFFD', async () => {
    const file = new Blob([
      utf8('{"chain": [], "length": 0, "x": "'),
      new Uint8Array([0xc3, 0x28]),
      utf8('"}'),
    ]);
    const r = await readFileText(file);
    expect(r).toMatchObject({ ok: false, error: { code: 'E_UTF8', message: /at byte offset 33:/ } });
  });

  it('reads at most one byte past the limit, so a file that grew since it was picked is still refused', async () => {
    const asked: number[] = [];
    // A Blob that claims to be small but serves more than the limit (a file that grew since it was picked).
    const grown = {
      size: 10,
      slice(start: number, end: number) {
        asked.push(start, end);
        return new Blob([new Uint8Array(end - start)]);
      },
    } as unknown as Blob;
    const r = await readFileText(grown);
    expect(asked).toEqual([0, FILE_LIMIT + 1]);
    expect(r).toMatchObject({ ok: false, error: { code: 'E_TOO_LARGE' } });
  });

  it('a file the browser cannot read (a folder, a file deleted since) is E_READ, not E_JSON', async () => {
    const unreadable = {
      size: 4096,
      slice: () => ({ arrayBuffer: () => Promise.reject(new DOMException('gone', 'NotReadableError')) }),
    } as unknown as Blob;
    expect(await readFileText(unreadable)).toMatchObject({ ok: false, error: { code: 'E_READ' } });
  });

  it('the text it returns goes on to the import as before', async () => {
    const text = await readFileText(new Blob(['{"chain": [], "length": 0}']));
    expect(text.ok && readImportText(text.value)).toMatchObject({ ok: true, value: { kind: 'chain' } });
  });
});
