// The classroom hub (docs/architecture.md "A classroom network", docs/protocol.md "The classroom hub"): it
// carries the tutorial's requests between students' browser nodes, between them and real nodes over HTTP, and
// the teacher's commands to the class. It checks every message (src/classroom/clientMessages.ts), who may send
// it (only the teacher's key may command, teacher.ts; a page speaks only for its own node, roster.ts), and how
// fast (rateLimit.ts). It never looks inside a chain. Sockets and ports are given to it (hubServer.ts), so tests
// drive it directly.
import { randomBytes } from 'node:crypto';
import { failure, type Failure } from '../core/errors';
import { flaskJson, GETS, POSTS, bodyText, type HttpAnswer } from '../http/wire';
import type { Request } from '../sim/protocol';
import { parseClientMessage } from '../classroom/clientMessages';
import type { HubMessage } from '../classroom/hubMessages';
import type { WireOutcome, WireRequest } from '../classroom/messages';
import { HUB_PROTOCOL_VERSION as v } from '../classroom/readFields';
import { createClass, type Student } from './hubClass';
import type { Conn, Page, Room } from './hubPage';
import { bucket } from './rateLimit';
import { createRoster, rosterMessage, type NodePort } from './roster';
import { createTeacher } from './teacher';

export type { Conn } from './hubPage';

export interface HubLimits {
  /** Messages a second a page may send on average, and at once. */
  readonly perSecond: number;
  readonly burst: number;
  /** Requests of one page the hub carries at a time. */
  readonly inFlight: number;
  readonly students: number;
  /** How long a node is given to answer (GET /mine waits for a block: longer). */
  readonly answerMs: number;
  readonly mineMs: number;
  readonly bufferedBytes: number;
}

export const DEFAULT_LIMITS: HubLimits = {
  perSecond: 100,
  burst: 400,
  inFlight: 256,
  students: 500,
  answerMs: 10_000,
  mineMs: 120_000,
  bufferedBytes: 64 << 20,
};

export interface HubCoreOptions {
  readonly key: string;
  readonly difficulty: number;
  readonly genesisTimestamp: number;
  /** The host in node addresses ("192.168.0.5"), and every name that reaches this machine. */
  readonly publicHost: string;
  readonly localHosts: readonly string[];
  /** Bind a node's port; its requests come back through `http`. Null when no port is free. */
  openPort(name: string): Promise<NodePort | null>;
  /** A request to a real node (a Python one) on a student node's behalf. */
  outbound(to: string, req: WireRequest, timeoutMs: number): Promise<WireOutcome>;
  readonly limits?: Partial<HubLimits>;
  readonly now?: () => number;
}

interface Pending {
  readonly page: Page;
  readonly done: (o: WireOutcome) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

/** How often the roster goes out when something changed: the teacher's screen, and the students' lists. */
const TEACHER_ROSTER_MS = 250;
const STUDENT_ROSTER_MS = 1000;

export function createHub(o: HubCoreOptions) {
  const limits = { ...DEFAULT_LIMITS, ...o.limits };
  const now = o.now ?? Date.now;
  const classId = randomBytes(6).toString('hex');
  const klass = createClass(o.genesisTimestamp, o.difficulty);
  const pages = new Map<string, Page>(); // by student name
  const teachers = new Set<Page>();
  const pending = new Map<number, Pending>();
  let ids = 0;
  let dirty = true;
  let stopped = false;

  const send = (p: Page, m: HubMessage) => {
    if (!p.open) return;
    if (p.conn.buffered() > limits.bufferedBytes) {
      p.open = false;
      return p.conn.close(4008, 'This page stopped reading its messages.');
    }
    p.conn.send(JSON.stringify(m));
  };
  const problem = (p: Page, f: Failure) => send(p, { v, type: 'error', code: f.code, message: f.message });
  const who = (p: Page) => (p.student ? `${p.student.name}'s page` : `a page from ${p.conn.remote}`);

  /** Refused, said to the page, and shown to the teacher. */
  function refuse(p: Page, f: Failure): void {
    problem(p, f);
    klass.refuse({
      at: now(),
      who: who(p),
      // The facts of `who`, so the teacher's page can say it in the reader's language (TeacherPage.tsx).
      ...(p.student ? { name: p.student.name } : {}),
      remote: p.conn.remote,
      code: f.code,
      message: f.message,
    });
    dirty = true;
  }

  let ticks = 0;
  const timer = setInterval(() => {
    if (!dirty) return;
    ticks++;
    const everyone = ticks % (STUDENT_ROSTER_MS / TEACHER_ROSTER_MS) === 0;
    if (teachers.size > 0) {
      const text = rosterMessage(klass, true);
      for (const t of teachers) send(t, text);
    }
    if (everyone) {
      const text = rosterMessage(klass, false);
      for (const p of pages.values()) send(p, text);
      dirty = false;
    }
  }, TEACHER_ROSTER_MS);
  timer.unref?.();

  function settingsToAll(): void {
    for (const p of pages.values())
      send(p, {
        v,
        type: 'settings',
        settings: klass.settings(),
        group: klass.groupOf((p.student as Student).name),
      });
    dirty = true;
  }

  const room: Room = {
    klass,
    pages,
    teachers,
    send,
    problem,
    refuse,
    changed: () => {
      dirty = true;
    },
    settingsToAll,
  };
  const roster = createRoster(room, {
    classId,
    publicHost: o.publicHost,
    maxStudents: limits.students,
    openPort: (name) => o.openPort(name),
    stopped: () => stopped,
    dropRequests,
  });
  const teacher = createTeacher(room, o.key, roster.remove);

  // ---- requests between nodes ----

  function settle(id: number, outcome: WireOutcome): void {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p.timer);
    p.done(outcome);
  }

  /** The page closed: every request waiting on its node fails at once rather than at its timeout. */
  function dropRequests(p: Page): void {
    for (const [id, x] of pending)
      if (x.page === p)
        settle(id, { error: failure('E_UNREACHABLE', `${p.student?.name}'s page closed before answering.`) });
  }

  /** Hand a request to a student's page and wait for its reply. */
  function forward(to: Student, from: string, req: WireRequest): Promise<WireOutcome> {
    const page = pages.get(to.name);
    if (!page)
      return Promise.resolve({
        error: failure('E_UNREACHABLE', `${to.name}'s page is closed: nothing answers at ${to.address}.`),
      });
    const ms = req.path === '/mine' ? limits.mineMs : limits.answerMs;
    return new Promise((done) => {
      const id = ++ids;
      const timer = setTimeout(
        () =>
          settle(id, {
            error: failure(
              'E_TIMEOUT',
              `${to.name} did not answer ${req.method} ${req.path} within ${ms / 1000} s.`,
            ),
          }),
        ms,
      );
      pending.set(id, { page, done, timer });
      // Only the request's own fields: a spread message would carry its `type` and `id` along.
      send(page, { v, type: 'inbound', id, from, method: req.method, path: req.path, body: req.body });
    });
  }

  /** A student's node at `to` ("127.0.0.1:5101", "localhost:5101"), or null for an address elsewhere. */
  function studentAt(to: string): Student | null {
    const m = /^(.+):(\d{1,5})$/.exec(
      to
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/\/$/, ''),
    );
    if (!m || !o.localHosts.includes(m[1] as string)) return null;
    return klass.byPort.get(Number(m[2])) ?? null;
  }

  const tutorial = (req: WireRequest) =>
    (req.method === 'GET' ? GETS : POSTS).includes(req.path as Request['path']);

  async function route(from: Student, to: string, req: WireRequest): Promise<WireOutcome> {
    if (!tutorial(req))
      return {
        error: failure(
          'E_NOT_FOUND',
          `The hub carries only the tutorial's requests, not ${req.method} ${req.path}.`,
        ),
      };
    const target = studentAt(to);
    if (!target) return o.outbound(to, req, limits.answerMs);
    if (target === from) return { error: failure('E_SELF', 'A node does not send requests to itself.') };
    if (klass.separated(from.name, target.name))
      return {
        error: failure(
          'E_UNREACHABLE',
          `The teacher has split the class: ${from.name} cannot reach ${target.name}.`,
        ),
      };
    return forward(target, from.address, req);
  }

  /** A request that came over HTTP to a student's port (a Python node, curl): outside any partition. */
  async function http(name: string, req: Request): Promise<HttpAnswer> {
    const s = klass.students.get(name);
    const out: WireOutcome = s
      ? await forward(s, 'an HTTP client', { method: req.method, path: req.path, body: bodyText(req) })
      : { error: failure('E_UNREACHABLE', `${name} has left the class.`) };
    if ('answer' in out)
      return { status: out.answer.status, type: out.answer.contentType, body: out.answer.body };
    const status = out.error.code === 'E_TIMEOUT' ? 504 : 503;
    return {
      status,
      type: 'application/json',
      body: flaskJson({ code: out.error.code, message: out.error.message }),
    };
  }

  // ---- what pages send ----

  function receive(p: Page, data: unknown): void {
    const parsed = parseClientMessage(data);
    // A reply to a request this page was asked costs nothing: the hub asked for it.
    const asked = parsed.ok && parsed.value.type === 'reply' && pending.get(parsed.value.id)?.page === p;
    if (!asked && !p.bucket.take(now())) {
      if (p.student) p.student.throttled++;
      if (parsed.ok && parsed.value.type === 'request')
        send(p, {
          v,
          type: 'answer',
          id: parsed.value.id,
          outcome: {
            error: failure('E_RATE_LIMIT', `This page sent more than ${limits.perSecond} messages a second.`),
          },
        });
      if (now() - p.noticeAt > 1000) {
        p.noticeAt = now();
        problem(
          p,
          failure(
            'E_RATE_LIMIT',
            `Too many messages: at most ${limits.perSecond} a second. The hub is slowing this page down.`,
          ),
        );
      }
      dirty = true;
      return;
    }
    if (!parsed.ok) return problem(p, parsed.error);
    const m = parsed.value;
    switch (m.type) {
      case 'join':
        return void roster.join(p, m.name, m.token);
      case 'teach':
        return teacher.claim(p, m.key);
      case 'request': {
        const s = p.student;
        if (!s)
          return problem(p, failure('E_FORBIDDEN', 'Join the class first: only a node sends requests.'));
        const answer = (outcome: WireOutcome) => send(p, { v, type: 'answer', id: m.id, outcome });
        if (p.inFlight >= limits.inFlight)
          return answer({
            error: failure('E_RATE_LIMIT', `At most ${limits.inFlight} requests of one page at a time.`),
          });
        p.inFlight++;
        void route(s, m.to, { method: m.method, path: m.path, body: m.body }).then((outcome) => {
          p.inFlight--;
          answer(outcome);
        });
        return;
      }
      case 'reply': {
        const x = pending.get(m.id);
        if (!x) return; // it came too late: the request has timed out
        if (x.page !== p) return refuse(p, failure('E_FORBIDDEN', `${who(p)} answered for another node.`));
        return settle(m.id, { answer: { status: m.status, contentType: m.contentType, body: m.body } });
      }
      case 'status':
        if (!p.student) return problem(p, failure('E_FORBIDDEN', 'Join the class first.'));
        p.student.status = { height: m.height, tip: m.tip, recent: m.recent, mining: m.mining };
        dirty = true;
        return;
      default:
        return teacher.command(p, m);
    }
  }

  return {
    classId,
    http,
    connect(conn: Conn) {
      const p: Page = {
        conn,
        bucket: bucket(limits.perSecond, limits.burst),
        role: 'new',
        student: null,
        joining: false,
        inFlight: 0,
        noticeAt: 0,
        open: true,
      };
      return {
        receive: (data: unknown) => {
          if (p.open && !stopped) receive(p, data);
        },
        closed: () => {
          p.open = false;
          roster.left(p);
        },
      };
    },
    classList: () => ({
      nodes: klass
        .roster()
        .map(({ name, address, height, tip, online }) => ({ name, address, height, tip, online })),
    }),
    roster: () => klass.roster(),
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const id of [...pending.keys()])
        settle(id, { error: failure('E_UNREACHABLE', 'The hub is stopping.') });
      await roster.closePorts();
    },
  };
}

export type Hub = ReturnType<typeof createHub>;
