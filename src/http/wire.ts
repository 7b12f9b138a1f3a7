// What goes over HTTP, byte for byte as the tutorial's Flask node writes it: jsonify is json.dumps with sorted
// keys, compact separators and ensure_ascii, then a newline; its 400 answers are plain text. Chains inside
// answers become the tutorial's list of blocks.
import { blockToJson, txToJson } from '../core/block';
import { toBlocks, type Link } from '../core/chain';
import { dumps, PyFloat, type PyJson } from '../core/encoding';
import { fail, failure, ok, type Result } from '../core/errors';
import { parseJson } from '../core/parse';
import type { Block, Transaction } from '../core/types';
import { MESSAGES, type Request, type Response } from '../sim/protocol';

/** The tutorial's requests, and the app's announce (docs/protocol.md "Endpoints"). */
export const GETS: readonly Request['path'][] = ['/mine', '/chain', '/nodes/resolve'];
export const POSTS: readonly Request['path'][] = ['/transactions/new', '/nodes/register', '/nodes/announce'];

/** A request body as Flask's get_json reads it: a UTF-8 byte order mark skipped, nothing → null. */
export function readBody(text: string, maxChars: number): Result<unknown> {
  const t = text.replace(/^\uFEFF/, '');
  if (t.trim() === '') return ok(null);
  return parseJson(t, { maxChars });
}

/** One of the tutorial's requests from its method, path and body text; any other is E_NOT_FOUND. */
export function requestOf(method: string, path: string, body: string, maxChars: number): Result<Request> {
  if (method === 'GET' && GETS.includes(path as Request['path'])) return ok({ method, path } as Request);
  if (method === 'POST' && POSTS.includes(path as Request['path'])) {
    const read = readBody(body, maxChars);
    return read.ok ? ok({ method, path, body: read.value } as Request) : read;
  }
  return fail(
    failure(
      'E_NOT_FOUND',
      `There is no ${String(method).slice(0, 10)} ${String(path).slice(0, 80)} on a node. The tutorial's ` +
        'endpoints: GET /mine, GET /chain, GET /nodes/resolve, POST /transactions/new, POST /nodes/register.',
    ),
  );
}

/** A request's body as it goes over the wire: Flask's JSON, or nothing for a GET. */
export const bodyText = (req: Request): string => (req.method === 'POST' ? flaskJson(toPy(req.body)) : '');

/** The tutorial answers these with a plain-text body, not JSON (Flask returns the string as text/html). */
const PLAIN = new Set<string>([MESSAGES.missing, MESSAGES.badNodes]);

export interface HttpAnswer {
  readonly status: number;
  readonly type: string;
  readonly body: string;
}

const isLink = (v: object): v is Link => 'parent' in v && 'block' in v && 'length' in v;
const isBlock = (v: object): v is Block =>
  'previous_hash' in v && 'proof' in v && 'transactions' in v && 'timestamp' in v && 'index' in v;
const isTx = (v: object): v is Transaction => 'sender' in v && 'recipient' in v && 'amount' in v;

/** An engine value as the JSON Python would hold: chains, blocks and transactions in the tutorial's shape. */
export function toPy(v: unknown): PyJson {
  if (v === null || typeof v !== 'object') return v === undefined ? null : (v as PyJson);
  if (v instanceof PyFloat) return v;
  if (Array.isArray(v)) return v.map(toPy);
  if (isLink(v)) return toBlocks(v).map(blockToJson);
  if (isBlock(v)) return blockToJson(v);
  if (isTx(v)) return txToJson(v);
  const out: Record<string, PyJson> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toPy(x);
  return out;
}

/** Flask's jsonify: sorted keys, compact, ASCII, then a newline. */
export const flaskJson = (v: PyJson) => `${dumps(v, true)}\n`;

/**
 * GET /chain answers, by the chain's last link: a chain changes only when a block is added, and encoding 10³
 * blocks on every request costs ~3 ms (npm run bench:node). Links are immutable, so a cached text never goes stale.
 */
const chainAnswers = new WeakMap<Link, string>();

function chainAnswer(body: Response['body']): string | null {
  const keys = Object.keys(body);
  const chain = body.chain;
  if (
    keys.length !== 2 ||
    !('length' in body) ||
    typeof chain !== 'object' ||
    chain === null ||
    !isLink(chain)
  )
    return null;
  let text = chainAnswers.get(chain);
  if (text === undefined) chainAnswers.set(chain, (text = flaskJson(toPy(body))));
  return text;
}

export function httpAnswer(res: Response): HttpAnswer {
  const message = res.body.message;
  if (res.status === 400 && typeof message === 'string' && PLAIN.has(message))
    return { status: 400, type: 'text/html; charset=utf-8', body: message };
  const body = (res.status === 200 ? chainAnswer(res.body) : null) ?? flaskJson(toPy(res.body));
  return { status: res.status, type: 'application/json', body };
}
