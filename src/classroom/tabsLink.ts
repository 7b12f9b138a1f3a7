// A class without a hub (the app on GitHub Pages): the tabs of one browser are its nodes, and a BroadcastChannel
// carries what the hub would (docs/architecture.md "A classroom network"). The tab that owns the address a
// request names answers it; requests and answers are the hub's own (messages.ts WireRequest, WireOutcome),
// checked the same way. No teacher: every tab is a student, and nobody can partition the class.
import { failure, type Failure, type Result } from '../core/errors';
import { DEFAULT_PARAMS } from '../sim/params';
import type { ClassLink, LinkHandlers } from './link';
import {
  LIMITS,
  outcomeOf,
  status as statusOf,
  wireRequest,
  type ClassSettings,
  type NodeStatus,
  type RosterEntry,
  type WireOutcome,
  type WireRequest,
} from './messages';
import { hostOfName } from './names';
import { done, envelope, Fields, HUB_PROTOCOL_VERSION as v, refuse } from './readFields';

export const TABS_CHANNEL = 'chainlab-class';

type TabMessage =
  | { readonly v: 1; readonly type: 'who' }
  | {
      readonly v: 1;
      readonly type: 'here';
      readonly tab: string;
      readonly name: string;
      readonly address: string;
      readonly status: NodeStatus | null;
    }
  | { readonly v: 1; readonly type: 'bye'; readonly tab: string }
  | ({
      readonly v: 1;
      readonly type: 'request';
      readonly id: number;
      readonly tab: string;
      readonly from: string;
      readonly to: string;
    } & WireRequest)
  | {
      readonly v: 1;
      readonly type: 'answer';
      readonly id: number;
      readonly tab: string;
      readonly outcome: WireOutcome;
    };

export function parseTabMessage(data: unknown): Result<TabMessage> {
  const e = envelope(data);
  if (!e.ok) return e;
  const { o, type } = e.value;
  const f = new Fields(o, type);
  const id = () => f.int('id', 0, 2 ** 53 - 1);
  const tab = () => f.text('tab', 64, 1);
  switch (type) {
    case 'who':
      return done(f, { v, type });
    case 'here': {
      const name = f.text('name', LIMITS.name, 1);
      const address = f.text('address', LIMITS.address, 1);
      const s = f.nullable('status', () => f.object('status'));
      const value = { v, type, tab: tab(), name, address, status: s ? statusOf(s) : null } as const;
      if (s) f.merge(s);
      return done(f, value);
    }
    case 'bye':
      return done(f, { v, type, tab: tab() });
    case 'request':
      return done(f, {
        v,
        type,
        id: id(),
        tab: tab(),
        from: f.text('from', LIMITS.address, 1),
        to: f.text('to', LIMITS.address, 1),
        ...wireRequest(f),
      });
    case 'answer':
      return done(f, { v, type, id: id(), tab: tab(), outcome: outcomeOf(f) });
    default:
      return refuse(`No tab message is called "${type.slice(0, 40)}".`);
  }
}

export interface TabsLinkOptions {
  readonly handlers: LinkHandlers;
  readonly difficulty: number;
  /** Another channel (tests); default: a BroadcastChannel named TABS_CHANNEL. */
  readonly channel?: Pick<BroadcastChannel, 'postMessage' | 'close'> & {
    onmessage: ((e: MessageEvent) => void) | null;
  };
  readonly tabId?: string;
}

/** How long a tab waits to hear which names are taken, and how often it says it is still here. */
const WHO_MS = 300;
const HEARTBEAT_MS = 1500;
/** A tab not heard from for this long is closed (a crashed tab sends no goodbye). */
const GONE_MS = 5000;

interface Other {
  readonly name: string;
  readonly address: string;
  status: NodeStatus | null;
  seen: number;
}

export function tabsLink(o: TabsLinkOptions): ClassLink {
  const h = o.handlers;
  const channel = o.channel ?? new BroadcastChannel(TABS_CHANNEL);
  const tab = o.tabId ?? Math.random().toString(36).slice(2, 12);
  const others = new Map<string, Other>();
  const pending = new Map<number, { done: (o: WireOutcome) => void; timer: ReturnType<typeof setTimeout> }>();
  let me: { name: string; address: string } | null = null;
  let myStatus: NodeStatus | null = null;
  let ids = 0;
  let closed = false;
  const settings: ClassSettings = {
    genesisTimestamp: DEFAULT_PARAMS.genesisTimestamp,
    difficulty: o.difficulty,
    steps: [{ fromIndex: 2, difficulty: o.difficulty }],
    paused: false,
  };

  const post = (m: TabMessage) => {
    if (!closed) channel.postMessage(JSON.stringify(m));
  };
  const here = () =>
    me && post({ v, type: 'here', tab, name: me.name, address: me.address, status: myStatus });
  const live = () => [...others.values()].filter((x) => Date.now() - x.seen < GONE_MS);

  function roster(): void {
    if (!me) return;
    const entry = (name: string, address: string, s: NodeStatus | null, online: boolean): RosterEntry => ({
      name,
      address,
      online,
      group: null,
      throttled: 0,
      height: s?.height ?? 1,
      tip: s?.tip ?? '',
      recent: s?.recent ?? [],
      mining: s?.mining ?? false,
    });
    const now = Date.now();
    h.roster(
      [
        entry(me.name, me.address, myStatus, true),
        ...[...others.values()].map((x) => entry(x.name, x.address, x.status, now - x.seen < GONE_MS)),
      ],
      null,
    );
  }

  function settle(id: number, outcome: WireOutcome): void {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p.timer);
    p.done(outcome);
  }

  channel.onmessage = (e: MessageEvent) => {
    const parsed = parseTabMessage(e.data);
    if (!parsed.ok) return; // another version's tab: nothing to do with it
    const m = parsed.value;
    switch (m.type) {
      case 'who':
        return void here();
      case 'here': {
        const known = others.get(m.tab);
        others.set(m.tab, { name: m.name, address: m.address, status: m.status, seen: Date.now() });
        // A newcomer hears of this tab at once; it registers itself with each tab (classNode.ts meet).
        if (!known) here();
        return roster();
      }
      case 'bye':
        others.delete(m.tab);
        return roster();
      case 'request':
        if (!me || m.to !== me.address) return;
        void h
          .inbound(m, m.from)
          .then((answer) => post({ v, type: 'answer', id: m.id, tab: m.tab, outcome: { answer } }));
        return;
      case 'answer':
        if (m.tab === tab) settle(m.id, m.outcome);
        return;
    }
  };

  const welcomeOf = (m: { name: string; address: string }) => ({
    name: m.name,
    address: m.address,
    token: tab,
    classId: 'tabs',
    settings,
    peers: [] as string[],
  });

  const heartbeat = setInterval(() => {
    here();
    roster();
  }, HEARTBEAT_MS);
  const bye = () => post({ v, type: 'bye', tab });
  if (typeof addEventListener === 'function') addEventListener('pagehide', bye);
  post({ v, type: 'who' });

  return {
    kind: 'tabs',
    join(name) {
      post({ v, type: 'who' });
      setTimeout(() => {
        if (closed) return;
        const address = `${hostOfName(name)}:5000`;
        const taken = live().find((x) => x.name === name || x.address === address);
        if (taken) {
          const f: Failure = failure(
            'E_NAME_TAKEN',
            `Another tab of this browser is already ${name}. Pick another name.`,
          );
          return h.refused(f);
        }
        me = { name, address };
        h.connection('open');
        h.welcome({ ...welcomeOf(me), peers: live().map((x) => x.address) });
        here();
        roster();
      }, WHO_MS);
    },
    ask(to, req, timeoutMs) {
      return new Promise<WireOutcome>((resolve) => {
        const target = live().find((x) => x.address === to);
        if (!me || !target) {
          const why = `${to} is not a tab of this browser (or its tab was closed): without a hub, only tabs are nodes.`;
          return resolve({ error: failure('E_UNREACHABLE', why) });
        }
        const id = ++ids;
        const timer = setTimeout(
          () =>
            settle(id, { error: failure('E_TIMEOUT', `${to} did not answer within ${timeoutMs / 1000} s.`) }),
          timeoutMs,
        );
        pending.set(id, { done: resolve, timer });
        post({
          v,
          type: 'request',
          id,
          tab,
          from: me.address,
          to,
          method: req.method,
          path: req.path,
          body: req.body,
        });
      });
    },
    status(s) {
      myStatus = s;
      here();
      roster();
    },
    close() {
      bye();
      closed = true;
      clearInterval(heartbeat);
      if (typeof removeEventListener === 'function') removeEventListener('pagehide', bye);
      channel.close();
    },
  };
}
