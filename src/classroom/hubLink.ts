// A page's link to the classroom hub (docs/protocol.md "The classroom hub"): one WebSocket, the messages of
// messages.ts checked as they arrive, requests matched to their answers by id, and a reconnect with growing
// pauses when the connection drops (the hub keeps the node's name and address for it).
import { failure, type Failure } from '../core/errors';
import type { ClassLink, LinkHandlers } from './link';
import { HUB_PROTOCOL_VERSION as v } from './readFields';
import type { ClientMessage } from './clientMessages';
import { parseHubMessage } from './hubMessages';
import type { NodeStatus, WireOutcome, WireRequest } from './messages';

export interface HubLinkOptions {
  /** ws://host:port/hub */
  readonly url: string;
  readonly handlers: LinkHandlers;
  /** The first connection failed before it opened: there is no hub here (GitHub Pages). */
  readonly noHub?: () => void;
  /** Another WebSocket (tests in Node pass the `ws` package's). */
  readonly WebSocket?: typeof WebSocket;
}

const RETRY_MS = [500, 1000, 2000, 4000, 8000];

/** The hub as a teacher's page or a student's node speaks to it. */
export interface HubSocket {
  send(msg: ClientMessage): void;
  close(): void;
}

export function hubLink(o: HubLinkOptions): ClassLink {
  const Socket = o.WebSocket ?? WebSocket;
  const h = o.handlers;
  let socket: WebSocket | null = null;
  let opened = false;
  let everOpened = false;
  let closed = false;
  let retries = 0;
  let joining: { name: string; token: string | null } | null = null;
  let ids = 0;
  const pending = new Map<number, { done: (o: WireOutcome) => void; timer: ReturnType<typeof setTimeout> }>();

  const lost = (why: string): Failure => failure('E_UNREACHABLE', why);

  function send(msg: ClientMessage): boolean {
    if (!socket || !opened) return false;
    socket.send(JSON.stringify(msg));
    return true;
  }

  function settle(id: number, outcome: WireOutcome): void {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p.timer);
    p.done(outcome);
  }

  function connect(): void {
    const s = new Socket(o.url);
    socket = s;
    s.onopen = () => {
      opened = true;
      everOpened = true;
      retries = 0;
      h.connection('open');
      if (joining) send({ v, type: 'join', name: joining.name, token: joining.token });
    };
    s.onmessage = (e: MessageEvent) => receive(e.data);
    s.onclose = () => {
      const was = opened;
      opened = false;
      socket = null;
      for (const id of [...pending.keys()])
        settle(id, { error: lost('The connection to the hub was lost.') });
      if (closed) return;
      if (!everOpened && retries === 0 && o.noHub) {
        closed = true;
        return o.noHub();
      }
      if (was) h.connection('closed');
      const wait = RETRY_MS[Math.min(retries++, RETRY_MS.length - 1)] as number;
      setTimeout(() => {
        if (!closed) connect();
      }, wait);
    };
    s.onerror = () => undefined; // onclose follows and retries
  }

  function receive(data: unknown): void {
    const parsed = parseHubMessage(data);
    if (!parsed.ok) return h.refused(parsed.error);
    const m = parsed.value;
    switch (m.type) {
      case 'welcome':
        joining = { name: m.name, token: m.token };
        return h.welcome(m);
      case 'inbound':
        void h.inbound(m, m.from).then((a) => send({ v, type: 'reply', id: m.id, ...a }));
        return;
      case 'answer':
        return settle(m.id, m.outcome);
      case 'settings':
        return h.settings(m.settings, m.group);
      case 'roster':
        return h.roster(m.nodes, m.groups);
      case 'error':
        return h.refused({ code: m.code, message: m.message } as Failure);
      case 'removed':
        closed = true;
        socket?.close();
        return h.removed(m.message);
    }
  }

  connect();

  return {
    kind: 'hub',
    join(name, token) {
      joining = { name, token };
      send({ v, type: 'join', name, token });
    },
    ask(to: string, req: WireRequest, timeoutMs: number) {
      return new Promise<WireOutcome>((resolve) => {
        const id = ++ids;
        const timer = setTimeout(
          () =>
            settle(id, { error: failure('E_TIMEOUT', `${to} did not answer within ${timeoutMs / 1000} s.`) }),
          timeoutMs,
        );
        pending.set(id, { done: resolve, timer });
        if (!send({ v, type: 'request', id, to, method: req.method, path: req.path, body: req.body }))
          settle(id, { error: lost('This page is not connected to the hub right now.') });
      });
    },
    status(s: NodeStatus) {
      send({ v, type: 'status', ...s });
    },
    close() {
      closed = true;
      socket?.close();
    },
  };
}

/** A teacher's connection: the same socket and checks, only commands and the roster. */
export function teacherSocket(
  url: string,
  key: string,
  on: {
    message: (m: Exclude<ReturnType<typeof parseHubMessage>, { ok: false }>['value']) => void;
    state: (s: 'open' | 'closed') => void;
  },
): HubSocket {
  let socket: WebSocket | null = null;
  let closed = false;
  let retries = 0;
  const connect = () => {
    const s = new WebSocket(url);
    socket = s;
    s.onopen = () => {
      retries = 0;
      s.send(JSON.stringify({ v, type: 'teach', key }));
      on.state('open');
    };
    s.onmessage = (e: MessageEvent) => {
      const m = parseHubMessage(e.data);
      if (m.ok) on.message(m.value);
    };
    s.onclose = () => {
      socket = null;
      on.state('closed');
      if (!closed) setTimeout(connect, RETRY_MS[Math.min(retries++, RETRY_MS.length - 1)] as number);
    };
  };
  connect();
  return {
    send: (msg) => void socket?.send(JSON.stringify(msg)),
    close() {
      closed = true;
      socket?.close();
    },
  };
}

/** The hub's WebSocket address for a page it served: ws(s)://same host/hub. */
export function hubUrl(location: { readonly protocol: string; readonly host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/hub`;
}
