// A run in a link: JSON → deflate-raw (CompressionStream, in Chromium and Node 20) → base64url after "#s=".
// The fragment never reaches a server. Sizes are capped before and after inflating, so a damaged or hostile
// link fails with E_SHARE_DECODE or E_TOO_LARGE instead of eating memory.
import { fail, failure, ok, type Result } from '../core/errors';
import { payloadText, type SharePayload } from './payload';
import { parsePayloadText } from './readPayload';
import { readCapped } from './readCapped';

export const LINK_PREFIX = '#s=';

export const LINK_LIMITS = {
  /** Characters after "#s=" (browsers accept URLs of 2 MB; chat apps and QR codes much less). */
  chars: 400_000,
  /** Bytes of JSON after inflating. */
  inflated: 4 * 1024 * 1024,
} as const;

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream) {
  const writer = transform.writable.getWriter();
  // Errors surface on the readable side; these promises only need a handler.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  return transform.readable as ReadableStream<Uint8Array>;
}

/** What follows the run in a link that opens at an earlier moment of it: "#s=…&t=120". */
const MOMENT = '&t=';

/**
 * The "#s=…" fragment for a run (opening at `moment` when it is earlier than the run's end), or E_TOO_LARGE when
 * even compressed it is too long for a link.
 */
export async function encodeLink(p: SharePayload, moment?: number): Promise<Result<string>> {
  const json = new TextEncoder().encode(payloadText(p));
  if (json.length > LINK_LIMITS.inflated) return fail(failure('E_TOO_LARGE', tooLongMessage(json.length)));
  const packed = await readCapped(through(json, new CompressionStream('deflate-raw')), Infinity);
  const text = toBase64Url(packed as Uint8Array);
  if (text.length > LINK_LIMITS.chars) return fail(failure('E_TOO_LARGE', tooLongMessage(json.length)));
  const at = moment !== undefined && moment < p.check.n ? `${MOMENT}${moment}` : '';
  return ok(LINK_PREFIX + text + at);
}

/** The moment a link opens at ("&t=…"), null for its end, or why the moment cannot be read. */
export function linkMoment(fragment: string, p: SharePayload): Result<number | null> {
  const i = fragment.indexOf(MOMENT);
  if (i < 0) return ok(null);
  const text = fragment.slice(i + MOMENT.length);
  const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(n <= p.check.n))
    return fail(
      failure(
        'E_SHARE_DECODE',
        `This link's moment "${text.slice(0, 20)}" is not one of this run's (0 to ${p.check.n}).`,
      ),
    );
  return ok(n);
}

function tooLongMessage(bytes: number): string {
  return `This run is too long for a link (${Math.round(bytes / 1024)} kB of data); use Export run to save it as a file.`;
}

/** A "#s=…" fragment (location.hash) → the run it holds, fully checked; nothing is replayed here. */
export async function decodeLink(fragment: string): Promise<Result<SharePayload>> {
  if (!fragment.startsWith(LINK_PREFIX))
    return fail(failure('E_SHARE_DECODE', 'This is not a Chainlab share link (it should contain "#s=").'));
  const cut = fragment.indexOf(MOMENT);
  const body = fragment.slice(LINK_PREFIX.length, cut < 0 ? undefined : cut);
  if (body.length > LINK_LIMITS.chars)
    return fail(
      failure(
        'E_TOO_LARGE',
        `This link has ${body.length} characters; at most ${LINK_LIMITS.chars} are read.`,
      ),
    );
  const bytes = fromBase64Url(body);
  if (!bytes || bytes.length === 0)
    return fail(
      failure(
        'E_SHARE_DECODE',
        'This link is damaged: it holds characters or a length a Chainlab link never has.',
      ),
    );
  let json: Uint8Array | null;
  try {
    json = await readCapped(through(bytes, new DecompressionStream('deflate-raw')), LINK_LIMITS.inflated);
  } catch {
    return fail(failure('E_SHARE_DECODE', 'This link is damaged or cut short: its data does not unpack.'));
  }
  if (json === null)
    return fail(
      failure(
        'E_TOO_LARGE',
        `This link unpacks to more than ${LINK_LIMITS.inflated / 1024 / 1024} MiB; refused.`,
      ),
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    return fail(failure('E_SHARE_DECODE', 'This link is damaged: its data is not text.'));
  }
  return parsePayloadText(text, LINK_LIMITS.inflated);
}
