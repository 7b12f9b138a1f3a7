// What a page sends the classroom hub (docs/protocol.md "The classroom hub"): a student's node joins, asks its
// peers, replies to what it was asked and reports its chain; the teacher's page claims the key and commands the
// class. Checked field by field on arrival (messages.ts has the pieces both directions share).
import type { Result } from '../core/errors';
import {
  groupsOf,
  LIMITS,
  status,
  wireAnswer,
  wireRequest,
  type NodeStatus,
  type WireAnswer,
  type WireRequest,
} from './messages';
import { done, envelope, Fields, HUB_PROTOCOL_VERSION, refuse } from './readFields';

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
