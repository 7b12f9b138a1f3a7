// A student's node asking a real node (a Python tutorial node, `npm run node`): the request leaves from the hub,
// as fetch with a timeout and a capped answer (as src/http/askPeer.ts asks), and comes back as the status,
// content type and text the real node sent. Only the tutorial's requests (the hub checks the path first).
import { failure } from '../core/errors';
import { netlocOf } from '../sim/protocol';
import { readCapped } from '../share/readCapped';
import { decodeUtf8 } from '../core/text';
import { LIMITS, type WireOutcome, type WireRequest } from '../classroom/messages';

export async function outbound(to: string, req: WireRequest, timeoutMs: number): Promise<WireOutcome> {
  const net = netlocOf(to);
  if (!net.ok) return { error: net.error };
  let res: Response;
  try {
    res = await fetch(`http://${net.value}${req.path}`, {
      method: req.method,
      signal: AbortSignal.timeout(timeoutMs),
      ...(req.method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: req.body } : {}),
    });
  } catch (e) {
    const name = (e as { name?: string })?.name;
    if (name === 'TimeoutError' || name === 'AbortError')
      return {
        error: failure(
          'E_TIMEOUT',
          `${to} did not answer ${req.method} ${req.path} within ${timeoutMs / 1000} s.`,
        ),
      };
    const cause = (e as { cause?: { code?: string } })?.cause?.code ?? (e as Error)?.message ?? 'no answer';
    return { error: failure('E_UNREACHABLE', `${to} cannot be reached from the hub (${cause}).`) };
  }
  let bytes: Uint8Array | null;
  try {
    bytes = res.body ? await readCapped(res.body, LIMITS.body) : new Uint8Array();
  } catch (e) {
    return { error: failure('E_UNREACHABLE', `${to} stopped answering (${(e as Error).message}).`) };
  }
  if (bytes === null)
    return {
      error: failure('E_TOO_LARGE', `${to}'s answer to ${req.path} is larger than ${LIMITS.body} bytes.`),
    };
  const text = decodeUtf8(bytes);
  if (!text.ok) return { error: text.error };
  return {
    answer: {
      status: res.status,
      contentType: res.headers.get('content-type') ?? 'text/plain',
      body: text.value,
    },
  };
}
