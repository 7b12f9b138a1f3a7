// Who is in the class (docs/protocol.md "The classroom hub"): a page joins under a sanitised name and gets a node
// port, comes back with its token after a reload, leaves, or is removed by the teacher; and the roster message
// that shows the class. hub.ts wires it to the pages; hubClass.ts remembers the students.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { failure } from '../core/errors';
import type { HubMessage } from '../classroom/hubMessages';
import { sanitizeName } from '../classroom/names';
import { HUB_PROTOCOL_VERSION as v } from '../classroom/readFields';
import type { Class } from './hubClass';
import type { Page, Room } from './hubPage';

/** A student node's port on the hub's machine: its HTTP requests come back through hub.ts `http`. */
export interface NodePort {
  port: number;
  close(): Promise<void>;
}

export interface RosterOptions {
  readonly classId: string;
  /** The host in node addresses ("192.168.0.5"). */
  readonly publicHost: string;
  readonly maxStudents: number;
  /** Null when no port is free. */
  openPort(name: string): Promise<NodePort | null>;
  stopped(): boolean;
  /** Every request waiting on a page that went away is told so at once (hub.ts). */
  dropRequests(p: Page): void;
}

/** The class as it is shown: the refusals only on the teacher's screen. */
export function rosterMessage(klass: Class, forTeacher: boolean): HubMessage {
  return {
    v,
    type: 'roster',
    nodes: klass.roster(),
    settings: klass.settings(),
    groups: klass.partition(),
    ...(forTeacher ? { refused: klass.refusals() } : {}),
  };
}

export function createRoster(room: Room, o: RosterOptions) {
  const { klass, pages, teachers, send, problem, refuse } = room;
  const ports = new Map<string, NodePort>();

  async function join(p: Page, name: string, token: string | null): Promise<void> {
    if (p.role === 'teacher') return refuse(p, failure('E_FORBIDDEN', "The teacher's page is not a node."));
    const clean = sanitizeName(name);
    if (!clean.ok) return problem(p, clean.error);
    if (p.role === 'student') {
      if (clean.value !== p.student?.name)
        refuse(
          p,
          failure(
            'E_FORBIDDEN',
            `This page is ${p.student?.name}'s node: it cannot speak for ${clean.value}.`,
          ),
        );
      return;
    }
    if (p.joining) return;
    let s = klass.students.get(clean.value);
    if (s) {
      const same =
        token !== null &&
        token.length === s.token.length &&
        timingSafeEqual(Buffer.from(token), Buffer.from(s.token));
      if (!same)
        return refuse(
          p,
          failure('E_NAME_TAKEN', `${clean.value} is already in the class. Pick another name.`),
        );
      const before = pages.get(s.name);
      if (before) {
        problem(before, failure('E_NAME_TAKEN', `${s.name} was opened again in another page.`));
        before.open = false;
        before.conn.close(4001, 'Opened again in another page.');
        left(before);
      }
    } else {
      if (klass.students.size >= o.maxStudents)
        return problem(p, failure('E_CLASS_FULL', `The class is full: ${o.maxStudents} nodes.`));
      p.joining = true;
      const port = await o.openPort(clean.value);
      p.joining = false;
      if (!port)
        return problem(p, failure('E_CLASS_FULL', 'Every node port of the hub is taken: the class is full.'));
      if (!p.open || o.stopped() || klass.students.has(clean.value)) {
        await port.close();
        return p.open
          ? problem(p, failure('E_NAME_TAKEN', `${clean.value} is already in the class.`))
          : undefined;
      }
      s = {
        name: clean.value,
        token: randomBytes(16).toString('hex'),
        address: `${o.publicHost}:${port.port}`,
        port: port.port,
        status: { height: 1, tip: '', recent: [], mining: false },
        online: false,
        throttled: 0,
      };
      klass.add(s);
      ports.set(s.name, port);
    }
    s.online = true;
    p.role = 'student';
    p.student = s;
    pages.set(s.name, p);
    const peers = [...klass.students.values()].filter((x) => x !== s).map((x) => x.address);
    const { name: n, token: t, address } = s;
    send(p, {
      v,
      type: 'welcome',
      name: n,
      address,
      token: t,
      classId: o.classId,
      settings: klass.settings(),
      peers,
    });
    send(p, { v, type: 'settings', settings: klass.settings(), group: klass.groupOf(n) });
    room.changed();
  }

  /** A page went away: its node stops answering, and every request waiting on it is told so at once. */
  function left(p: Page): void {
    o.dropRequests(p);
    const s = p.student;
    if (s && pages.get(s.name) === p) {
      pages.delete(s.name);
      s.online = false;
    }
    teachers.delete(p);
    room.changed();
  }

  /** The teacher took a node out of the class: its page is told and closed, and its port freed. */
  function remove(name: string): void {
    const page = pages.get(name);
    if (page) {
      send(page, { v, type: 'removed', message: 'The teacher removed your node from the class.' });
      page.open = false;
      page.conn.close(4003, 'Removed by the teacher.');
      left(page);
    }
    const s = klass.remove(name);
    if (s) void ports.get(s.name)?.close();
    ports.delete(name);
  }

  async function closePorts(): Promise<void> {
    await Promise.all([...ports.values()].map((p) => p.close()));
    ports.clear();
  }

  return { join, left, remove, closePorts };
}
