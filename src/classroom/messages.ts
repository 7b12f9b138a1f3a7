// The classroom hub's messages (docs/protocol.md "The classroom hub"): one versioned union for each direction,
// keyed by `type`, and checked field by field on arrival, so a malformed or foreign message is refused with
// E_HUB_MESSAGE and a sentence naming the problem, and changes nothing. The names follow the engine's own
// (docs/architecture.md "Real nodes"): a node's `request` to a peer comes back as an `answer`; a request to the
// node arrives `inbound` and leaves as its `reply`. What a request and an answer carry is the tutorial's HTTP:
// method, path and body text, status, content type and body text, byte for byte as over HTTP.
import type { Failure, Result } from '../core/errors';
import { DEFAULT_PARSE_LIMITS } from '../core/parse';
import { done, envelope, Fields, HUB_PROTOCOL_VERSION, isObject, refuse } from './readFields';

export const LIMITS = {
  /** A student's name, after sanitising (names.ts). */
  name: 24,
  /** "https://" + a 253-character host + ":65535", as src/sim/protocol.ts netlocOf reads it. */
  address: 300,
  path: 64,
  /** A request or answer body: a whole GET /chain, as the core's parser takes it. */
  body: DEFAULT_PARSE_LIMITS.maxChars,
  key: 128,
  /** Hashes a status carries back from the tip: enough to place a node a few blocks behind on its branch. */
  recent: 8,
  groups: 8,
  nodes: 1000,
  message: 500,
} as const;

/** The tutorial's request as it goes over the wire: method, path, body text ('' for a GET). */
export interface WireRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body: string;
}

/** An HTTP answer: status, content type and body text, as the node would send them over HTTP. */
export interface WireAnswer {
  readonly status: number;
  /** The Content-Type header (not `type`, which names a message). */
  readonly contentType: string;
  readonly body: string;
}

export type WireOutcome = { readonly answer: WireAnswer } | { readonly error: Failure };

/** What a node tells the class about itself: how long its chain is, its tip and the blocks just before it. */
export interface NodeStatus {
  readonly height: number;
  readonly tip: string;
  /** Hashes from the tip back, the tip first (at most LIMITS.recent). */
  readonly recent: readonly string[];
  readonly mining: boolean;
}

/** A change of the class's difficulty from block `fromIndex` on (src/classroom/classParams.ts). */
export interface DifficultyStep {
  readonly fromIndex: number;
  readonly difficulty: number;
}

export interface ClassSettings {
  /** The class's genesis block's timestamp: every node of the class starts from the same genesis. */
  readonly genesisTimestamp: number;
  readonly difficulty: number;
  /** Every difficulty the class has had, the first from block 2 on. */
  readonly steps: readonly DifficultyStep[];
  readonly paused: boolean;
}

export interface RosterEntry extends NodeStatus {
  readonly name: string;
  readonly address: string;
  readonly online: boolean;
  /** Which of the teacher's groups it is in (null: the class is whole). */
  readonly group: number | null;
  /** Messages the hub refused from it for going too fast. */
  readonly throttled: number;
}

/** A message the hub refused, for the teacher: who sent it and why. */
export interface Refusal {
  readonly at: number;
  readonly who: string;
  readonly code: string;
  readonly message: string;
}

export type StudentMessage =
  | { readonly v: 1; readonly type: 'join'; readonly name: string; readonly token: string | null }
  | ({ readonly v: 1; readonly type: 'request'; readonly id: number; readonly to: string } & WireRequest)
  | ({ readonly v: 1; readonly type: 'reply'; readonly id: number } & WireAnswer)
  | ({ readonly v: 1; readonly type: 'status' } & NodeStatus);

export type TeacherMessage =
  | { readonly v: 1; readonly type: 'teach'; readonly key: string }
  | { readonly v: 1; readonly type: 'partition'; readonly groups: readonly (readonly string[])[] }
  | { readonly v: 1; readonly type: 'heal' }
  | { readonly v: 1; readonly type: 'difficulty'; readonly difficulty: number }
  | { readonly v: 1; readonly type: 'pause'; readonly paused: boolean }
  | { readonly v: 1; readonly type: 'remove'; readonly name: string };

export type ClientMessage = StudentMessage | TeacherMessage;

export type HubMessage =
  | {
      readonly v: 1;
      readonly type: 'welcome';
      readonly name: string;
      readonly address: string;
      /** Proves it is this student's node when the page comes back (kept in the page's storage). */
      readonly token: string;
      /** Which run of the hub: a chain saved for another class is not restored into this one. */
      readonly classId: string;
      readonly settings: ClassSettings;
      readonly peers: readonly string[];
    }
  | ({ readonly v: 1; readonly type: 'inbound'; readonly id: number; readonly from: string } & WireRequest)
  | { readonly v: 1; readonly type: 'answer'; readonly id: number; readonly outcome: WireOutcome }
  | {
      readonly v: 1;
      readonly type: 'settings';
      readonly settings: ClassSettings;
      readonly group: number | null;
    }
  | {
      readonly v: 1;
      readonly type: 'roster';
      readonly nodes: readonly RosterEntry[];
      readonly settings: ClassSettings;
      readonly groups: readonly (readonly string[])[] | null;
      /** For the teacher only. */
      readonly refused?: readonly Refusal[];
    }
  | { readonly v: 1; readonly type: 'error'; readonly code: string; readonly message: string }
  | { readonly v: 1; readonly type: 'removed'; readonly message: string };

const METHODS = ['GET', 'POST'] as const;

export function wireRequest(f: Fields): WireRequest {
  return {
    method: f.oneOf('method', METHODS),
    path: f.text('path', LIMITS.path, 1),
    body: f.text('body', LIMITS.body),
  };
}

export function wireAnswer(f: Fields): WireAnswer {
  return {
    status: f.int('status', 100, 599),
    contentType: f.text('contentType', 100),
    body: f.text('body', LIMITS.body),
  };
}

export function status(f: Fields): NodeStatus {
  return {
    height: f.int('height', 1, 1e9),
    tip: f.text('tip', 64, 1),
    recent: f.texts('recent', LIMITS.recent, 64),
    mining: f.bool('mining'),
  };
}

function groupsOf(f: Fields): string[][] {
  const raw = f.list('groups', LIMITS.groups);
  const groups: string[][] = [];
  for (const g of raw) {
    if (
      !Array.isArray(g) ||
      g.length > LIMITS.nodes ||
      !g.every((n) => typeof n === 'string' && n.length <= LIMITS.name)
    ) {
      f.bad('groups', 'must be lists of node names');
      return [];
    }
    groups.push(g as string[]);
  }
  return groups;
}

/** A message a page sent the hub. */
export function parseClientMessage(text: unknown): Result<ClientMessage> {
  const e = envelope(text);
  if (!e.ok) return e;
  const { o, type } = e.value;
  const f = new Fields(o, type);
  const v = HUB_PROTOCOL_VERSION;
  switch (type) {
    case 'join':
      return done(f, {
        v,
        type,
        name: f.text('name', LIMITS.name * 4, 1),
        token: f.nullable('token', () => f.text('token', 64, 1)),
      });
    case 'request':
      return done(f, {
        v,
        type,
        id: f.int('id', 0, 2 ** 53 - 1),
        to: f.text('to', LIMITS.address, 1),
        ...wireRequest(f),
      });
    case 'reply':
      return done(f, { v, type, id: f.int('id', 0, 2 ** 53 - 1), ...wireAnswer(f) });
    case 'status':
      return done(f, { v, type, ...status(f) });
    case 'teach':
      return done(f, { v, type, key: f.text('key', LIMITS.key, 1) });
    case 'partition':
      return done(f, { v, type, groups: groupsOf(f) });
    case 'heal':
      return done(f, { v, type });
    case 'difficulty':
      return done(f, { v, type, difficulty: f.int('difficulty', 0, 64) });
    case 'pause':
      return done(f, { v, type, paused: f.bool('paused') });
    case 'remove':
      return done(f, { v, type, name: f.text('name', LIMITS.name, 1) });
    default:
      return refuse(`The hub has no message called "${type.slice(0, 40)}".`);
  }
}

function settingsOf(f: Fields): ClassSettings {
  const steps = f.list('steps', 1000).map((s) => {
    const g = new Fields(isObject(s) ? s : {}, 'settings');
    const step = { fromIndex: g.int('fromIndex', 2, 1e9), difficulty: g.int('difficulty', 0, 64) };
    f.merge(g);
    return step;
  });
  return {
    genesisTimestamp: f.num('genesisTimestamp', 0, 1e10),
    difficulty: f.int('difficulty', 0, 64),
    steps,
    paused: f.bool('paused'),
  };
}

export function outcomeOf(f: Fields): WireOutcome {
  const inner = f.object('outcome');
  let outcome: WireOutcome;
  if (inner.has('error')) {
    const e = inner.object('error');
    outcome = {
      error: { code: e.text('code', 40, 1), message: e.text('message', LIMITS.message * 4) } as Failure,
    };
    inner.merge(e);
  } else outcome = { answer: wireAnswer(inner.object('answer')) };
  f.merge(inner);
  return outcome;
}

function rosterEntry(x: unknown, f: Fields): RosterEntry {
  const g = new Fields(isObject(x) ? x : {}, 'roster');
  const entry = {
    name: g.text('name', LIMITS.name, 1),
    address: g.text('address', LIMITS.address, 1),
    online: g.bool('online'),
    group: g.nullable('group', () => g.int('group', 0, LIMITS.groups)),
    throttled: g.int('throttled', 0, 2 ** 53 - 1),
    ...status(g),
  };
  f.merge(g);
  return entry;
}

/** A message the hub sent a page. */
export function parseHubMessage(text: unknown): Result<HubMessage> {
  const e = envelope(text);
  if (!e.ok) return e;
  const { o, type } = e.value;
  const f = new Fields(o, type);
  const v = HUB_PROTOCOL_VERSION;
  switch (type) {
    case 'welcome': {
      const settings = f.object('settings');
      const value = {
        v,
        type,
        name: f.text('name', LIMITS.name, 1),
        address: f.text('address', LIMITS.address, 1),
        token: f.text('token', 64, 1),
        classId: f.text('classId', 64, 1),
        settings: settingsOf(settings),
        peers: f.texts('peers', LIMITS.nodes, LIMITS.address),
      } as const;
      f.merge(settings);
      return done(f, value);
    }
    case 'inbound':
      return done(f, {
        v,
        type,
        id: f.int('id', 0, 2 ** 53 - 1),
        from: f.text('from', LIMITS.address),
        ...wireRequest(f),
      });
    case 'answer':
      return done(f, { v, type, id: f.int('id', 0, 2 ** 53 - 1), outcome: outcomeOf(f) });
    case 'settings': {
      const settings = f.object('settings');
      const value = {
        v,
        type,
        settings: settingsOf(settings),
        group: f.nullable('group', () => f.int('group', 0, LIMITS.groups)),
      } as const;
      f.merge(settings);
      return done(f, value);
    }
    case 'roster': {
      const settings = f.object('settings');
      const nodes = f.list('nodes', LIMITS.nodes).map((x) => rosterEntry(x, f));
      const groups = f.nullable('groups', () => groupsOf(f));
      const refused =
        o.refused === undefined
          ? undefined
          : f.list('refused', 100).map((x) => {
              const g = new Fields(isObject(x) ? x : {}, 'roster');
              const r = {
                at: g.num('at', 0, 1e13),
                who: g.text('who', 200),
                code: g.text('code', 40),
                message: g.text('message', LIMITS.message * 4),
              };
              f.merge(g);
              return r;
            });
      const value = {
        v,
        type,
        nodes,
        settings: settingsOf(settings),
        groups,
        ...(refused ? { refused } : {}),
      } as const;
      f.merge(settings);
      return done(f, value);
    }
    case 'error':
      return done(f, {
        v,
        type,
        code: f.text('code', 40, 1),
        message: f.text('message', LIMITS.message * 4),
      });
    case 'removed':
      return done(f, { v, type, message: f.text('message', LIMITS.message * 4) });
    default:
      return refuse(
        `The hub sent a message called "${type.slice(0, 40)}", which this page does not know. Reload it.`,
      );
  }
}
