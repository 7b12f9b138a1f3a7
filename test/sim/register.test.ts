// POST /nodes/register with what a class (or a script) might send: ports past 65535, host names past DNS's
// limits, a 1 MB string, a BigInt, objects whose toString throws. Every entry gets its own named error, the
// good entries around it are still registered, and describing a hostile entry never throws and stays short.
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/sim/events';
import { describeEntry, planRegister } from '../../src/sim/peers';
import { netlocOf } from '../../src/sim/protocol';
import { createSimulation } from '../../src/sim/simulation';
import { LOW, settle } from './helpers';

type Peers = Extract<SimEvent, { type: 'peers' }>;

const label = (n: number, c = 'a') => c.repeat(n);
const throwing = {
  toString() {
    throw new Error('toString');
  },
  toJSON() {
    throw new Error('toJSON');
  },
  valueOf() {
    throw new Error('valueOf');
  },
};
const revoked = (() => {
  const p = Proxy.revocable({}, {});
  p.revoke();
  return p.proxy;
})();

/** [what it is, the entry, the code it gets, what the message says]. */
const HOSTILE: readonly (readonly [string, unknown, string, RegExp])[] = [
  [
    'a port above 65535',
    'http://bob:70000',
    'E_BAD_URL',
    /Port 70000 does not exist: ports go from 1 to 65535/,
  ],
  ['the largest 5-digit port', 'bob:99999', 'E_BAD_URL', /Port 99999/],
  ['port 0', 'http://bob:0', 'E_BAD_URL', /Port 0 does not exist/],
  ['a 6-digit port', 'http://bob:500000', 'E_BAD_URL', /is not a node address/],
  [
    'a host name of 254 characters',
    `http://${[label(63), label(63, 'b'), label(63, 'c'), label(62, 'd')].join('.')}:5000`,
    'E_BAD_URL',
    /host name has 254 characters; a host name has at most 253/,
  ],
  [
    'a label of 64 characters',
    `http://${label(64)}.example:5000`,
    'E_BAD_URL',
    /has 64 characters; .* at most 63/,
  ],
  ['an empty label', 'http://bob..example:5000', 'E_BAD_URL', /is not a host name/],
  ['a label starting with a hyphen', 'http://-bob:5000', 'E_BAD_URL', /is not a host name/],
  ['a 1 MB string', 'x'.repeat(1 << 20), 'E_BAD_URL', /1048576 characters is too long/],
  [
    'a 1 MB string of spaces before an address',
    ' '.repeat(1 << 20) + 'http://bob:5000',
    'E_BAD_URL',
    /too long/,
  ],
  ['a path after the address', 'http://bob:5000/chain', 'E_BAD_URL', /is not a node address/],
  ['a BigInt', 10n ** 400n, 'E_BAD_URL', /^1000.*… \(402 characters\) is not a node address/],
  ['a number', 7, 'E_BAD_URL', /^7 is not a node address: give a text/],
  ['NaN', NaN, 'E_BAD_URL', /^NaN is not/],
  ['true', true, 'E_BAD_URL', /^True is not/],
  ['null', null, 'E_BAD_URL', /^Null is not/],
  ['undefined', undefined, 'E_BAD_URL', /^Undefined is not/],
  ['a symbol', Symbol('bob'), 'E_BAD_URL', /^Symbol\(bob\) is not/],
  ['a function', () => 'http://bob:5000', 'E_BAD_URL', /^A function is not/],
  ['a list holding an address', ['http://bob:5000'], 'E_BAD_URL', /^A list of 1 items is not/],
  ['an object whose toString, toJSON and valueOf throw', throwing, 'E_BAD_URL', /^An object is not/],
  ['a JSON object {"toString": 1}', JSON.parse('{"toString": 1}'), 'E_BAD_URL', /^An object is not/],
  ['a revoked Proxy', revoked, 'E_BAD_URL', /^A value that cannot be read is not/],
];

const GOOD = ['http://bob:5000', 'carol:5000'];

/** The hostile entries with a good address before the first and after the last. */
const body = () => [GOOD[0], ...HOSTILE.map(([, entry]) => entry), GOOD[1]];

function registered(urls: readonly unknown[]): Peers {
  const sim = createSimulation(LOW);
  for (let i = 0; i < 3; i++) sim.dispatch({ type: 'add-node' });
  sim.dispatch({ type: 'register', node: 'alice', urls: urls as string[] });
  settle(sim);
  const peers = sim.events().filter((e): e is Peers => e.type === 'peers');
  expect(peers).toHaveLength(1);
  return peers[0] as Peers;
}

describe('POST /nodes/register with hostile entries, through the simulation', () => {
  const ev = registered(body());

  it('registers the good addresses around them', () => {
    expect(ev.added).toEqual(['bob:5000', 'carol:5000']);
  });

  it(`rejects each of the ${HOSTILE.length} hostile entries with its own named error`, () => {
    expect(ev.rejected).toHaveLength(HOSTILE.length);
    HOSTILE.forEach(([what, , code, message], i) => {
      const r = ev.rejected[i];
      expect({ what, code: r?.error.code }).toEqual({ what, code });
      expect(r?.error.message, what).toMatch(message);
    });
  });

  it('keeps every description and message short, even of a 1 MB entry', () => {
    for (const r of ev.rejected) {
      expect(r.url.length).toBeLessThanOrEqual(130);
      expect(r.error.message.length).toBeLessThanOrEqual(250);
    }
    expect(ev.rejected[8]?.url).toBe(`${'x'.repeat(100)}… (1048576 characters)`);
  });

  it('an element that is a throwing getter is rejected too, and the rest goes on', () => {
    const urls: unknown[] = ['http://bob:5000', 'placeholder', 'carol:5000'];
    Object.defineProperty(urls, 1, {
      get() {
        throw new Error('getter');
      },
    });
    const e = registered(urls);
    expect(e.added).toEqual(['bob:5000', 'carol:5000']);
    expect(e.rejected.map((r) => [r.url, r.error.code])).toEqual([
      ['an entry that cannot be read', 'E_BAD_URL'],
    ]);
  });
});

describe('planRegister and netlocOf directly', () => {
  it('plans the same: the good ones added, one rejection per hostile entry', () => {
    const plan = planRegister('alice:5000', [], { nodes: body() }, 50);
    expect(plan?.added).toEqual(['bob:5000', 'carol:5000']);
    expect(plan?.rejected.map((r) => r.error.code)).toEqual(HOSTILE.map(([, , code]) => code));
  });

  it('a body that is not an object with a list is the tutorial 400 (null), even when reading it throws', () => {
    const getter = Object.defineProperty({}, 'nodes', {
      get() {
        throw new Error('nodes');
      },
    });
    for (const b of [undefined, null, 7, 'nodes', { nodes: 'http://bob:5000' }, getter, revoked])
      expect(planRegister('alice:5000', [], b, 50)).toBeNull();
  });

  it('keeps the limits exactly: 253 characters, labels of 63, port 65535 are fine', () => {
    const host = [label(63), label(63, 'b'), label(63, 'c'), label(61, 'd')].join('.');
    expect(host).toHaveLength(253);
    expect(netlocOf(`http://${host}:65535`)).toEqual({ ok: true, value: `${host}:65535` });
    expect(netlocOf('HTTP://Bob:1/')).toEqual({ ok: true, value: 'bob:1' });
    expect(netlocOf('  192.168.0.5:5000 ')).toEqual({ ok: true, value: '192.168.0.5:5000' });
  });

  it('describeEntry never throws and never returns more than 130 characters', () => {
    for (const [, entry] of HOSTILE) {
      expect(() => describeEntry(entry)).not.toThrow();
      expect(describeEntry(entry).length).toBeLessThanOrEqual(130);
    }
    expect(describeEntry(Symbol('s'.repeat(1000))).length).toBeLessThanOrEqual(130);
  });
});

describe('a register list of a million entries', () => {
  it('is judged only as far as it can matter, and says how much was left unread', () => {
    const sim = createSimulation({ seed: 1, resolvePolicy: 'manual' });
    sim.dispatch({ type: 'add-node' });
    const urls = Array.from({ length: 1_000_000 }, (_, i) => `http://peer${i}:5000`);
    const t0 = performance.now();
    sim.dispatch({ type: 'register', node: 'alice', urls });
    sim.runUntil(() => sim.peek() === null);
    expect(performance.now() - t0).toBeLessThan(5000);
    const ev = sim.events().find((e) => e.type === 'peers');
    expect(ev?.type === 'peers' && ev.added.length).toBe(16);
    expect(ev?.type === 'peers' && ev.rejected.length).toBeLessThanOrEqual(65);
    expect(ev?.type === 'peers' && ev.rejected.at(-1)).toMatchObject({
      url: '999920 more entries',
      error: { code: 'E_TOO_LARGE' },
    });
  });
});
