// Real nodes the app reads (docs/architecture.md "Real nodes"): a Chainlab HTTP node or a Python tutorial node,
// reached over HTTP through `send` effects. The world only ever asks them GET /chain — to show their chain, and
// when a node that registered one resolves — and every answer is an input, so a replay shows the same.
import { fail, failure, ok, type Failure, type Result } from '../core/errors';
import { sendRequest } from './bus';
import type { Draft } from './draft';
import { netlocOf } from './protocol';
import type { Address, Host, Input } from './world';

/** A handful is plenty for a class; each answer is recorded with its whole chain. */
export const MAX_HOSTS = 4;

const CHAIN = { method: 'GET', path: '/chain' } as const;

/**
 * The address a real node is known by, and where its requests go. A Chainlab node's relay
 * ("http://127.0.0.1:5001/relay/127.0.0.1:5000") reaches the node it names, which is then its address.
 */
export function hostOf(url: string): Result<{ address: Address; url: string }> {
  const bad = (why: string) => fail(failure('E_BAD_URL', why));
  const text = url.trim().replace(/\/+$/, '');
  const m = /^(https?:\/\/[^/?#\s]+)(\/relay\/([^/?#\s]+))?$/i.exec(text);
  if (!m)
    return bad(
      `"${url.slice(0, 80)}" is not a node's address like http://127.0.0.1:5000 (or a Chainlab node's relay, ` +
        'http://127.0.0.1:5001/relay/127.0.0.1:5000).',
    );
  const net = netlocOf(m[3] ?? (m[1] as string));
  if (!net.ok) return net;
  return ok({ address: net.value as Address, url: text });
}

export function connectHost(d: Draft, url: string): Result<void> {
  const h = hostOf(url);
  if (!h.ok) return h;
  const { address } = h.value;
  if (d.isAddress(address))
    return fail(
      failure('E_BAD_URL', `${address} is a simulated node here; a real node has another address.`),
    );
  if (d.host(address)) return fail(failure('E_BAD_URL', `${address} is already connected.`));
  if (d.hosts.length >= MAX_HOSTS)
    return fail(failure('E_PEER_LIMIT', `At most ${MAX_HOSTS} real nodes can be connected at once.`));
  d.hosts = [...d.hosts, { ...h.value, chain: null, checkedAt: null, error: null }];
  d.emit({ type: 'host', at: d.time, address, change: 'connected', length: null, error: null });
  look(d, address);
  return ok(undefined);
}

export function refreshHost(d: Draft, address: string): Result<void> {
  const h = d.host(address);
  if (!h) return fail(failure('E_NO_SUCH_NODE', `No real node at ${address} is connected.`));
  look(d, h.address);
  return ok(undefined);
}

export function disconnectHost(d: Draft, address: string): Result<void> {
  if (!d.host(address)) return fail(failure('E_NO_SUCH_NODE', `No real node at ${address} is connected.`));
  d.hosts = d.hosts.filter((h) => h.address !== address);
  d.emit({
    type: 'host',
    at: d.time,
    address: address as Address,
    change: 'disconnected',
    length: null,
    error: null,
  });
  return ok(undefined);
}

/** GET /chain to the real node, from the page itself (the client). */
function look(d: Draft, address: Address): void {
  sendRequest(d, 'client' as Address, address, CHAIN, { kind: 'host', address });
}

/** Whatever a real node answered to GET /chain — to a look or to a node's resolve — is what the world knows of it. */
export function hostAnswered(d: Draft, input: Extract<Input, { type: 'answer' }>): void {
  const h = d.host(input.from);
  if (!h) return;
  const o = input.outcome;
  let next: Host;
  if ('error' in o) next = { ...h, checkedAt: d.time, error: o.error };
  else {
    const chain = o.response.body.chain;
    const isChain =
      o.response.status === 200 && typeof chain === 'object' && chain !== null && 'block' in chain;
    next = isChain
      ? { ...h, chain: chain as Host['chain'], checkedAt: d.time, error: null }
      : { ...h, checkedAt: d.time, error: notAChain(o.response.status) };
  }
  d.hosts = d.hosts.map((x) => (x === h ? next : x));
  d.emit({
    type: 'host',
    at: d.time,
    address: h.address,
    change: 'answered',
    length: next.error ? null : (next.chain?.length ?? null),
    error: next.error,
  });
}

const notAChain = (status: number): Failure =>
  failure('E_SCHEMA', `It answered GET /chain with status ${status} and no chain.`);
