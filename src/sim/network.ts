// The in-memory bus: per-link latency (base + jitter), loss, partitions, and a log of every message with its
// send and receive times (raftscope style: messages are data, the clock is the scheduler's).
import { failure, type Failure } from '../core/errors';
import { requestLabel, type Request, type Response } from './protocol';
import type { Rng } from '../math/rng';
import type { Scheduler } from './scheduler';

export interface NetParams {
  /** One-way latency in virtual seconds. */
  readonly latency: number;
  /** Extra uniform random latency in [0, jitter). */
  readonly jitter: number;
  /** Probability in [0, 1] that a message is lost. */
  readonly loss: number;
}

export type Fate = 'delivered' | 'lost' | 'partitioned' | 'unreachable';

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

/** The teacher's browser: always connected, no latency. Its requests are the tutorial's curl commands. */
export const CLIENT = 'client';

export type Handler = (req: Request, from: string, reply: (res: Response) => void) => void;
export type Outcome = { ok: true; response: Response } | { ok: false; error: Failure };

export interface Bus {
  attach(netloc: string, handler: Handler): void;
  detach(netloc: string): void;
  /** Send `req`; `done` is called once, with the response or with E_TIMEOUT after `timeout` (null: wait forever). */
  request(from: string, to: string, req: Request, timeout: number | null, done: (o: Outcome) => void): void;
  setPartition(groups: readonly (readonly string[])[] | null): void;
  partition(): readonly (readonly string[])[] | null;
  /** The most recent messages (the oldest are dropped past LOG_CAP). */
  log(): readonly MessageRecord[];
  /** Every message ever sent. */
  count(): number;
}

const LOG_CAP = 20_000;

export function createBus(
  scheduler: Scheduler,
  rng: Rng,
  net: () => NetParams,
  onMessage: (m: MessageRecord) => void,
): Bus {
  const handlers = new Map<string, Handler>();
  const records: MessageRecord[] = [];
  let groups: readonly (readonly string[])[] | null = null;
  let nextId = 1;

  const separated = (a: string, b: string) => {
    if (!groups || a === CLIENT || b === CLIENT) return false;
    const ga = groups.findIndex((g) => g.includes(a));
    const gb = groups.findIndex((g) => g.includes(b));
    return ga !== gb;
  };

  /** Schedule one message and log it; `arrive` runs only if it gets there. */
  const transmit = (
    from: string,
    to: string,
    label: string,
    kind: MessageRecord['kind'],
    arrive: () => void,
    status?: number,
  ) => {
    const p = net();
    const direct = from === CLIENT || to === CLIENT;
    const delay = direct ? 0 : p.latency + (p.jitter > 0 ? rng.next() * p.jitter : 0);
    const lost = !direct && p.loss > 0 && rng.next() < p.loss;
    const fate: Fate = separated(from, to)
      ? 'partitioned'
      : lost
        ? 'lost'
        : handlers.has(to) || to === CLIENT
          ? 'delivered'
          : 'unreachable';
    const sentAt = scheduler.now();
    const rec: MessageRecord = {
      id: nextId++,
      from,
      to,
      label,
      kind,
      sentAt,
      arriveAt: sentAt + delay,
      fate,
      ...(status !== undefined ? { status } : {}),
    };
    records.push(rec);
    if (records.length > LOG_CAP * 1.5) records.splice(0, records.length - LOG_CAP);
    onMessage(rec);
    if (fate === 'delivered') scheduler.after(delay, arrive);
  };

  return {
    attach: (netloc, handler) => void handlers.set(netloc, handler),
    detach: (netloc) => void handlers.delete(netloc),
    request(from, to, req, timeout, done) {
      let settled = false;
      const finish = (o: Outcome) => {
        if (settled) return;
        settled = true;
        timer?.cancel();
        done(o);
      };
      const timer =
        timeout === null
          ? null
          : scheduler.after(timeout, () =>
              finish({
                ok: false,
                error: failure('E_TIMEOUT', `${to} did not answer ${requestLabel(req)} within ${timeout} s.`),
              }),
            );
      transmit(from, to, requestLabel(req), 'request', () => {
        const handler = handlers.get(to);
        if (!handler) return; // removed while the message was on its way: the request times out
        handler(req, from, (res) => {
          transmit(
            to,
            from,
            `${res.status} ${requestLabel(req)}`,
            'response',
            () => finish({ ok: true, response: res }),
            res.status,
          );
        });
      });
    },
    setPartition(g) {
      groups = g && g.length > 1 ? g : null;
    },
    partition: () => groups,
    log: () => records,
    count: () => nextId - 1,
  };
}
