// Asking a real host (another Chainlab node, a Python tutorial node) with fetch and a timeout: the HTTP node does,
// and so does the app for the real nodes it is connected to (the same code in Node and in the browser).
// Where the tutorial is fragile this is not: a peer that is down, slow, or answers something that is not a
// chain becomes a reason in the resolve log (E_UNREACHABLE, E_TIMEOUT, E_JSON, E_SCHEMA …), never a crash.
import { fromBlocks } from '../core/chain';
import { parseChainResponse } from '../core/chainJson';
import { failure, type Failure } from '../core/errors';
import { parseJson, DEFAULT_PARSE_LIMITS } from '../core/parse';
import { decodeUtf8 } from '../core/text';
import { readCapped } from '../share/readCapped';
import type { Request, Response } from '../sim/protocol';
import type { Address } from '../sim/world';
import { flaskJson, toPy } from './wire';

export type PeerOutcome = { readonly response: Response } | { readonly error: Failure };

/** Bytes read from a peer's answer at most: a whole GET /chain file. */
const MAX_ANSWER = DEFAULT_PARSE_LIMITS.maxChars;

function networkError(to: Address, req: Request, e: unknown, timeoutMs: number): Failure {
  const name = (e as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return failure(
      'E_TIMEOUT',
      `${to} did not answer ${req.method} ${req.path} within ${timeoutMs / 1000} s.`,
    );
  const cause = (e as { cause?: { code?: string } })?.cause?.code ?? (e as Error)?.message ?? 'no answer';
  // A browser says only "Failed to fetch": nothing listens there, or the node sends no CORS headers.
  if (typeof document !== 'undefined' && e instanceof TypeError)
    return failure(
      'E_UNREACHABLE',
      `${to} cannot be reached from this page (${cause}). Is it running? A Python node sends no CORS headers: ` +
        'reach it through a Chainlab node that registered it (…/relay/<its address>).',
    );
  return failure('E_UNREACHABLE', `${to} cannot be reached (${cause}).`);
}

/** Ask the host at `to` ("127.0.0.1:5000"), or at `base` when given (a relay: "http://h:5001/relay/h:5000"). */
export async function askPeer(
  to: Address,
  req: Request,
  timeoutMs: number,
  base = `http://${to}`,
): Promise<PeerOutcome> {
  let res: globalThis.Response;
  try {
    res = await fetch(`${base}${req.path}`, {
      method: req.method,
      signal: AbortSignal.timeout(timeoutMs),
      ...(req.method === 'POST'
        ? { headers: { 'content-type': 'application/json' }, body: flaskJson(toPy(req.body)) }
        : {}),
    });
  } catch (e) {
    return { error: networkError(to, req, e, timeoutMs) };
  }
  let bytes: Uint8Array | null;
  try {
    bytes = res.body ? await readCapped(res.body, MAX_ANSWER) : new Uint8Array();
  } catch (e) {
    return { error: networkError(to, req, e, timeoutMs) };
  }
  if (bytes === null)
    return {
      error: failure('E_TOO_LARGE', `${to}'s answer to ${req.path} is larger than ${MAX_ANSWER} bytes.`),
    };
  const text = decodeUtf8(bytes);
  if (!text.ok) return { error: text.error };
  return outcomeOf(to, req, res.status, text.value);
}

/**
 * A peer's answer, read as the node reads it: GET /chain's chain through the core's importer (the claimed
 * length kept for the #50 check), any other JSON object as the body, anything else as a message. Shared by
 * fetch (above) and the classroom hub, which carries the same status and text over a WebSocket.
 */
export function outcomeOf(to: Address, req: Request, status: number, text: string): PeerOutcome {
  if (req.path === '/chain' && status === 200) {
    const chain = parseChainResponse(text);
    if (!chain.ok)
      return { error: { code: chain.error.code, message: `${to}'s GET /chain: ${chain.error.message}` } };
    const { chain: blocks, claimedLength } = chain.value;
    return { response: { status: 200, body: { chain: fromBlocks(blocks), length: claimedLength } } };
  }
  const parsed = parseJson(text);
  const body =
    parsed.ok && parsed.value !== null && typeof parsed.value === 'object' && !Array.isArray(parsed.value)
      ? (parsed.value as Response['body'])
      : { message: text.slice(0, 200) };
  return { response: { status, body } };
}
