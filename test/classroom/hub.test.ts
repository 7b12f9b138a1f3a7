// The classroom hub's core (src/server/hub.ts) driven through fake connections: it carries requests between
// pages, and refuses — saying so to the sender and to the teacher — what a page may not do: speak for another
// node, command the class, flood it, or send garbage. No sockets: pages are plain objects recording what they got.
import { afterEach, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../src/server/hub';
import type { HubMessage } from '../../src/classroom/hubMessages';

interface FakePage {
  readonly got: HubMessage[];
  closed: string | null;
  say(m: unknown): void;
  leave(): void;
}

const KEY = 'teacher-key-0123456789';
let hub: Hub;
let clock = 1_000_000;
const tick = () => new Promise((r) => setTimeout(r, 0));

function makeHub(limits = {}) {
  let port = 6000;
  hub = createHub({
    key: KEY,
    difficulty: 3,
    genesisTimestamp: 1_700_000_000,
    publicHost: '127.0.0.1',
    localHosts: ['127.0.0.1', 'localhost'],
    openPort: async () => ({ port: ++port, close: async () => undefined }),
    outbound: async (to) => ({ error: { code: 'E_UNREACHABLE', message: `no ${to}` } as never }),
    limits,
    now: () => clock,
  });
  return hub;
}

function connect(remote = '10.0.0.9'): FakePage {
  const got: HubMessage[] = [];
  const page: FakePage = {
    got,
    closed: null,
    say: (m) => conn.receive(typeof m === 'string' ? m : JSON.stringify(m)),
    leave: () => conn.closed(),
  };
  const conn = hub.connect({
    remote,
    send: (text) => got.push(JSON.parse(text) as HubMessage),
    close: (_code, reason) => {
      page.closed = reason;
    },
    buffered: () => 0,
  });
  return page;
}

async function student(name: string): Promise<FakePage & { address: string }> {
  const p = connect();
  p.say({ v: 1, type: 'join', name, token: null });
  await tick();
  const w = p.got.find((m) => m.type === 'welcome');
  if (!w || w.type !== 'welcome') throw new Error(`no welcome: ${JSON.stringify(p.got)}`);
  return Object.assign(p, { address: w.address });
}

const last = <T extends HubMessage['type']>(p: FakePage, type: T) =>
  p.got.filter((m): m is Extract<HubMessage, { type: T }> => m.type === type).at(-1);

afterEach(async () => {
  await hub?.stop();
});

describe('the classroom hub', () => {
  it('carries a request to the node it names and its reply back, field for field', async () => {
    makeHub();
    const ann = await student('Ann');
    const bob = await student('  Bób  the   builder!! ');
    expect(last(bob, 'welcome')).toMatchObject({ name: 'Bob-the-builder', peers: [ann.address] });
    ann.say({ v: 1, type: 'request', id: 7, to: bob.address, method: 'GET', path: '/chain', body: '' });
    const inbound = last(bob, 'inbound');
    expect(inbound).toEqual({
      v: 1,
      type: 'inbound',
      id: inbound?.id,
      from: ann.address,
      method: 'GET',
      path: '/chain',
      body: '',
    });
    bob.say({
      v: 1,
      type: 'reply',
      id: inbound?.id,
      status: 200,
      contentType: 'application/json',
      body: '{"length":1}',
    });
    await tick();
    expect(last(ann, 'answer')).toEqual({
      v: 1,
      type: 'answer',
      id: 7,
      outcome: { answer: { status: 200, contentType: 'application/json', body: '{"length":1}' } },
    });
  });

  it("refuses a page answering for another node, and a student's command, and shows both to the teacher", async () => {
    makeHub();
    const ann = await student('Ann');
    const bob = await student('Bob');
    const eve = await student('Eve');
    const teacher = connect();
    teacher.say({ v: 1, type: 'teach', key: KEY });
    ann.say({ v: 1, type: 'request', id: 1, to: bob.address, method: 'GET', path: '/chain', body: '' });
    const id = last(bob, 'inbound')?.id;
    eve.say({
      v: 1,
      type: 'reply',
      id,
      status: 200,
      contentType: 'application/json',
      body: '{"chain":[],"length":99}',
    });
    eve.say({ v: 1, type: 'heal' });
    eve.say({ v: 1, type: 'join', name: 'Bob', token: null });
    await tick();
    expect(last(ann, 'answer')).toBeUndefined(); // the forged answer went nowhere
    expect(eve.got.filter((m) => m.type === 'error').map((m) => (m as { code: string }).code)).toEqual([
      'E_FORBIDDEN',
      'E_FORBIDDEN',
      'E_FORBIDDEN',
    ]);
    await new Promise((r) => setTimeout(r, 300));
    const refused = last(teacher, 'roster')?.refused ?? [];
    expect(refused.map((r) => r.message)).toEqual([
      "Eve's page answered for another node.",
      'Only the teacher can heal the class.',
      "This page is Eve's node: it cannot speak for Bob.",
    ]);
    const intruder = connect();
    intruder.say({ v: 1, type: 'teach', key: 'guess' });
    expect(intruder.closed).toBe('Not the teacher key.');
  });

  it('survives garbage and answers each piece with E_HUB_MESSAGE, changing nothing', async () => {
    makeHub();
    const ann = await student('Ann');
    const bob = await student('Bob');
    const junk = [
      '',
      'null',
      '{',
      '[1,2]',
      '{"v":2,"type":"join"}',
      '{"v":1,"type":"nope"}',
      null,
      'x'.repeat(10_000),
      JSON.stringify({
        v: 1,
        type: 'request',
        id: -1,
        to: bob.address,
        method: 'DELETE',
        path: '/chain',
        body: 3,
      }),
      JSON.stringify({ v: 1, type: 'status', height: 'tall', tip: '', recent: 'no', mining: 1 }),
    ];
    for (const j of junk) ann.say(j);
    const errors = ann.got.filter((m) => m.type === 'error');
    expect(errors).toHaveLength(junk.length);
    expect(new Set(errors.map((m) => (m as { code: string }).code))).toEqual(new Set(['E_HUB_MESSAGE']));
    expect(hub.classList().nodes.map((n) => n.height)).toEqual([1, 1]);
    ann.say({ v: 1, type: 'request', id: 2, to: bob.address, method: 'GET', path: '/chain', body: '' });
    expect(last(bob, 'inbound')?.path).toBe('/chain');
  });

  it('throttles a flooding page and not the class', async () => {
    makeHub({ perSecond: 10, burst: 20 });
    const ann = await student('Ann');
    const bob = await student('Bob');
    for (let i = 0; i < 100; i++)
      ann.say({ v: 1, type: 'request', id: i, to: bob.address, method: 'GET', path: '/chain', body: '' });
    const limited = ann.got.filter(
      (m) => m.type === 'answer' && 'error' in m.outcome && m.outcome.error.code === 'E_RATE_LIMIT',
    );
    expect(bob.got.filter((m) => m.type === 'inbound')).toHaveLength(19); // the join took one of 20
    expect(limited).toHaveLength(81);
    expect(hub.roster().find((n) => n.name === 'Ann')?.throttled).toBe(81);
    // Bob, and Ann a second later, are carried again.
    bob.say({ v: 1, type: 'request', id: 1, to: ann.address, method: 'GET', path: '/chain', body: '' });
    expect(last(ann, 'inbound')?.from).toBe(bob.address);
    clock += 1000;
    ann.say({ v: 1, type: 'request', id: 500, to: bob.address, method: 'GET', path: '/chain', body: '' });
    expect(bob.got.filter((m) => m.type === 'inbound')).toHaveLength(20);
  });

  it("keeps the teacher's groups apart until healed, and answers at once for a page that closed", async () => {
    makeHub();
    const ann = await student('Ann');
    const bob = await student('Bob');
    const teacher = connect();
    teacher.say({ v: 1, type: 'teach', key: KEY });
    teacher.say({ v: 1, type: 'partition', groups: [['Ann'], ['Bob']] });
    expect(last(ann, 'settings')?.group).toBe(0);
    expect(last(bob, 'settings')?.group).toBe(1);
    ann.say({ v: 1, type: 'request', id: 1, to: bob.address, method: 'GET', path: '/chain', body: '' });
    await tick();
    expect(last(ann, 'answer')?.outcome).toMatchObject({
      error: { code: 'E_UNREACHABLE', message: 'The teacher has split the class: Ann cannot reach Bob.' },
    });
    teacher.say({ v: 1, type: 'heal' });
    ann.say({
      v: 1,
      type: 'request',
      id: 2,
      to: bob.address,
      method: 'GET',
      path: '/nodes/resolve',
      body: '',
    });
    expect(last(bob, 'inbound')?.path).toBe('/nodes/resolve');
    bob.leave();
    await tick();
    expect(last(ann, 'answer')).toMatchObject({
      id: 2,
      outcome: { error: { code: 'E_UNREACHABLE', message: "Bob's page closed before answering." } },
    });
    expect(hub.classList().nodes.find((n) => n.name === 'Bob')?.online).toBe(false);
  });

  it('gives a name back only to the page holding its token', async () => {
    makeHub();
    const ann = await student('Ann');
    const token = last(ann, 'welcome')?.token;
    ann.leave();
    const thief = connect();
    thief.say({ v: 1, type: 'join', name: 'Ann', token: 'f'.repeat(32) });
    await tick();
    expect(last(thief, 'error')?.code).toBe('E_NAME_TAKEN');
    const back = connect();
    back.say({ v: 1, type: 'join', name: 'Ann', token });
    await tick();
    expect(last(back, 'welcome')).toMatchObject({ name: 'Ann', address: ann.address });
  });
  it("sends the teacher's difficulty, pause and removal to the class", async () => {
    makeHub();
    const ann = await student('Ann');
    const bob = await student('Bob');
    const teacher = connect();
    teacher.say({ v: 1, type: 'teach', key: KEY });
    ann.say({ v: 1, type: 'status', height: 7, tip: 'ab'.repeat(32), recent: [], mining: true });
    teacher.say({ v: 1, type: 'difficulty', difficulty: 5 });
    expect(last(bob, 'settings')?.settings).toMatchObject({
      difficulty: 5,
      steps: [
        { fromIndex: 2, difficulty: 3 },
        { fromIndex: 9, difficulty: 5 },
      ],
    });
    teacher.say({ v: 1, type: 'difficulty', difficulty: 99 });
    expect(last(teacher, 'error')?.code).toBe('E_HUB_MESSAGE');
    teacher.say({ v: 1, type: 'pause', paused: true });
    expect(last(ann, 'settings')?.settings.paused).toBe(true);
    teacher.say({ v: 1, type: 'remove', name: 'Bob' });
    expect(last(bob, 'removed')?.message).toBe('The teacher removed your node from the class.');
    expect(bob.closed).toBe('Removed by the teacher.');
    expect(hub.classList().nodes.map((n) => n.name)).toEqual(['Ann']);
  });
});
