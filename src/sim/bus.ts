// The in-memory network: per-link latency (base + jitter), loss, partitions, and a record of every message with
// its send and arrival times (raftscope style: messages are data, the clock is the world's). Sending a message
// draws from the world's bus stream and schedules its arrival; nothing here keeps state of its own.
import type { Draft } from './draft';
import { linkLatency } from './linkLatency';
import { requestLabel, type Request, type Response } from './protocol';
import { CLIENT, type Address, type ReplyTo } from './world';

export interface NetParams {
  /** One-way latency in virtual seconds. */
  readonly latency: number;
  /** Extra uniform random latency in [0, jitter). */
  readonly jitter: number;
  /** Probability in [0, 1] that a message is lost. */
  readonly loss: number;
}

/** `sent`: handed to the real network (a world with `remote`); its answer comes back as an input. */
export type Fate = 'delivered' | 'lost' | 'partitioned' | 'unreachable' | 'sent';

export interface MessageRecord {
  readonly id: number;
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly kind: 'request' | 'response';
  readonly status?: number;
  readonly sentAt: number;
  readonly arriveAt: number;
  readonly fate: Fate;
}

/** "alice:5000" → "alice": partitions are kept by node name. */
const nameOf = (address: string) => address.slice(0, address.lastIndexOf(':'));

function separated(d: Draft, a: Address, b: Address): boolean {
  const groups = d.partition;
  if (!groups || a === CLIENT || b === CLIENT) return false;
  const na = nameOf(a);
  const nb = nameOf(b);
  return (
    groups.findIndex((g) => g.includes(na as never)) !== groups.findIndex((g) => g.includes(nb as never))
  );
}

/** Log one message and work out its fate and delay; returns the delay when it will arrive, else null. */
function transmit(
  d: Draft,
  from: Address,
  to: Address,
  label: string,
  kind: MessageRecord['kind'],
  status?: number,
): number | null {
  const p = d.params.net;
  const direct = from === CLIENT || to === CLIENT;
  let delay = 0;
  let lost = false;
  if (!direct) {
    const rng = d.rng('bus');
    const latency = linkLatency(d, from, to);
    if (p.jitter > 0) delay = latency + rng.next() * p.jitter;
    else delay = latency;
    lost = p.loss > 0 && rng.next() < p.loss;
  }
  const fate: Fate = separated(d, from, to)
    ? 'partitioned'
    : lost
      ? 'lost'
      : to === CLIENT || d.isAddress(to)
        ? 'delivered'
        : 'unreachable';
  const record: MessageRecord = {
    id: d.nextId('message'),
    from,
    to,
    label,
    kind,
    sentAt: d.time,
    arriveAt: d.time + delay,
    fate,
    ...(status !== undefined ? { status } : {}),
  };
  d.emit({ type: 'message', at: d.time, message: record });
  return fate === 'delivered' ? delay : null;
}

/** Send `request`; a one-way message (a relayed block) gets no answer back. */
export function sendRequest(
  d: Draft,
  from: Address,
  to: Address,
  request: Request,
  replyTo: ReplyTo,
  oneWay = false,
): void {
  const host = to === CLIENT || d.isAddress(to) ? undefined : d.host(to);
  // A real node the app reads: only GET /chain goes out; anything else finds no simulated node (unreachable).
  const readable = host !== undefined && request.method === 'GET' && request.path === '/chain';
  if (readable || (d.remote && to !== CLIENT && !d.isAddress(to))) {
    // A real host: it takes as long as the network does, so the record says only that it left.
    d.emit({ type: 'message', at: d.time, message: sent(d, from, to, requestLabel(request)) });
    d.effect({ type: 'send', from, to, request, replyTo, ...(host ? { base: host.url } : {}) });
    return;
  }
  const delay = transmit(d, from, to, requestLabel(request), 'request');
  if (delay !== null)
    d.after(delay, { type: 'request', from, to, request, replyTo, ...(oneWay ? { oneWay } : {}) });
}

function sent(d: Draft, from: Address, to: Address, label: string): MessageRecord {
  const id = d.nextId('message');
  return { id, from, to, label, kind: 'request', sentAt: d.time, arriveAt: d.time, fate: 'sent' };
}

/** The answer to a request that came from `to` (its label names the request it answers). */
export function sendResponse(
  d: Draft,
  from: Address,
  to: Address,
  requestName: string,
  response: Response,
  replyTo: ReplyTo,
): void {
  const delay = transmit(d, from, to, `${response.status} ${requestName}`, 'response', response.status);
  if (delay !== null) d.after(delay, { type: 'response', to, response, replyTo });
}
