// A page connected to the classroom hub — a student's node or the teacher's screen — and what the hub's parts
// share to speak to pages: hub.ts carries requests, roster.ts keeps who is in the class, teacher.ts takes the
// teacher's commands (docs/protocol.md "The classroom hub").
import type { Failure } from '../core/errors';
import type { HubMessage } from '../classroom/hubMessages';
import type { Class, Student } from './hubClass';
import type { Bucket } from './rateLimit';

/** One WebSocket, as the hub sees it. */
export interface Conn {
  /** Where it comes from, for the teacher's list of refusals. */
  readonly remote: string;
  send(text: string): void;
  close(code: number, reason: string): void;
  /** Bytes waiting to go out: a page that stopped reading is let go before it fills the hub's memory. */
  buffered(): number;
}

export interface Page {
  readonly conn: Conn;
  readonly bucket: Bucket;
  role: 'new' | 'student' | 'teacher';
  student: Student | null;
  joining: boolean;
  inFlight: number;
  noticeAt: number;
  open: boolean;
}

/** The class and its open pages, and how any part of the hub tells a page something. */
export interface Room {
  readonly klass: Class;
  /** Each student's open page, by name. */
  readonly pages: Map<string, Page>;
  readonly teachers: Set<Page>;
  send(p: Page, m: HubMessage): void;
  /** Said to the page only. */
  problem(p: Page, f: Failure): void;
  /** Refused, said to the page, and shown to the teacher. */
  refuse(p: Page, f: Failure): void;
  /** Something the roster shows changed: it goes out at the next tick (hub.ts). */
  changed(): void;
  /** The class's settings, and each page its group, to every student's page. */
  settingsToAll(): void;
}
