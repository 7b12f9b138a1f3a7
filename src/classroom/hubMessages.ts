// What the classroom hub sends a page (docs/protocol.md "The classroom hub"): a student's welcome, requests to
// its node and the answers to its own, the class's settings and roster, errors, and its removal. Checked field
// by field on arrival, as the hub checks what pages send (clientMessages.ts; the shared pieces are messages.ts).
import type { Result } from '../core/errors';
import {
  groupsOf,
  LIMITS,
  outcomeOf,
  status,
  wireRequest,
  type ClassSettings,
  type Refusal,
  type RosterEntry,
  type WireOutcome,
  type WireRequest,
} from './messages';
import { done, envelope, Fields, HUB_PROTOCOL_VERSION, isObject, refuse } from './readFields';

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

function rosterEntry(x: unknown, f: Fields): RosterEntry {
  const g = new Fields(isObject(x) ? x : {}, 'roster');
  const entry = {
    name: g.text('name', LIMITS.name, 1),
    address: g.text('address', LIMITS.address, 1),
    online: g.bool('online'),
    group: g.nullable('group', () => g.int('group', 0, LIMITS.groups)),
    throttled: g.int('throttled', 0, 2 ** 53 - 1),
    // A node that joined but has not reported yet is listed with no tip (src/server/roster.ts): the roster
    // stays readable, or the teacher's page would drop every roster until it reports.
    ...status(g, 0),
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
                ...(g.has('name') ? { name: g.text('name', 200) } : {}),
                ...(g.has('remote') ? { remote: g.text('remote', 200) } : {}),
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
