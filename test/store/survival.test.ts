// The live clock survives anything: a bug inside one input becomes an error event and the run goes on; a bug
// outside the engine stops the clock with a readable message and a way back; random commands and settings at
// random moments never make an exception escape, and the clock keeps advancing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/sim/commands';
import { createController } from '../../src/store/controller';

const LOW = { seed: 3, pow: { rule: 'tutorial' as const, difficulty: 2 }, hashRate: 500 };

function classroom() {
  const c = createController({ params: LOW });
  for (let i = 0; i < 3; i++) c.dispatch({ type: 'add-node' });
  c.dispatch({ type: 'register-all' });
  for (const id of ['alice', 'bob', 'carol']) c.dispatch({ type: 'auto-mine', node: id, on: true });
  return c;
}

describe('a bug inside the engine', () => {
  it('drops that one input with an error event people can read; the clock and the other nodes go on', () => {
    const c = classroom();
    // A request body whose field throws when the node reads it: a stand-in for any bug in a handler.
    const body = {
      recipient: 'b',
      amount: 1,
      get sender(): string {
        throw new Error('boom');
      },
    };
    c.sim().dispatch({ type: 'transaction', node: 'bob', body });
    let t = 0;
    for (let k = 0; k < 40; k++) c.tick((t += 100));
    const errors = c
      .sim()
      .events()
      .filter((e) => e.type === 'error');
    expect(errors.map((e) => e.type === 'error' && e.error)).toContainEqual({
      code: 'E_INTERNAL',
      message: 'A scheduled request failed: boom',
    });
    expect(c.store.getState().crash).toBeNull();
    expect(c.store.getState().now).toBeCloseTo(3.9, 5);
    expect(c.sim().height()).toBeGreaterThan(0);
  });
});

describe('a bug around the engine', () => {
  it('stops the clock with the reason; Undo last step goes back one moment and the run can go on', () => {
    const c = classroom();
    let t = 0;
    c.tick(t);
    c.tick((t += 250));
    let armed = true;
    c.sim().subscribe(() => {
      if (armed) throw new Error('a listener failed');
    });
    expect(() => c.tick((t += 250))).not.toThrow();
    expect(c.store.getState()).toMatchObject({ crash: 'a listener failed', playing: false });
    const at = c.sim().moment();
    c.tick((t += 250)); // stopped: nothing happens, nothing throws
    expect(c.sim().moment()).toBe(at);
    armed = false;
    expect(c.undoLastStep().ok).toBe(true);
    expect(c.store.getState().crash).toBeNull();
    expect(c.sim().moment()).toBe(at - 1);
    c.play();
    const now = c.store.getState().now;
    for (let k = 0; k < 4; k++) c.tick((t += 250));
    expect(c.store.getState().now).toBeGreaterThan(now);
  });
});

const NODES = ['alice', 'bob', 'carol', 'dave', 'mallory'];

/** Anything a class (or a cat on the keyboard) might send, valid or not. */
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.constant<Command>({ type: 'add-node' }),
  fc.constantFrom(...NODES).map((node): Command => ({ type: 'remove-node', node })),
  fc.constant<Command>({ type: 'register-all' }),
  fc.constantFrom(...NODES).map((node): Command => ({ type: 'mine', node })),
  fc
    .tuple(fc.constantFrom(...NODES), fc.boolean())
    .map(([node, on]): Command => ({ type: 'auto-mine', node, on })),
  fc
    .tuple(fc.constantFrom(...NODES), fc.anything())
    .map(([node, body]): Command => ({ type: 'transaction', node, body })),
  fc
    .tuple(fc.constantFrom(...NODES), fc.oneof(fc.integer(), fc.bigInt(), fc.double()))
    .map(([node, amount]): Command => ({
      type: 'transaction',
      node,
      body: { sender: 'x', recipient: 'y', amount },
    })),
  fc.constantFrom(...NODES).map((node): Command => ({ type: 'resolve', node })),
  fc.constant<Command>({ type: 'partition', groups: [['alice'], ['bob', 'carol']] }),
  fc.constant<Command>({ type: 'heal' }),
  fc
    .tuple(fc.constantFrom(...NODES), fc.double())
    .map(([node, share]): Command => ({ type: 'set-share', node, share })),
  fc
    .record({
      pow: fc.record({ difficulty: fc.integer({ min: -2, max: 12 }) }),
      net: fc.record({ latency: fc.double(), loss: fc.double({ min: -1, max: 2 }) }),
      resolveInterval: fc.double(),
      resolvePolicy: fc.constantFrom('manual', 'periodic', 'on-announce', 'relay', 'nonsense'),
    })
    .map((patch): Command => ({ type: 'set-params', patch: patch as never })),
  fc
    .tuple(fc.constantFrom(...NODES), fc.integer({ min: 0, max: 6 }), fc.anything())
    .map(([node, blockNumber, amount]): Command => ({
      type: 'tamper',
      node,
      blockNumber,
      txIndex: 0,
      tx: { amount: amount as number },
    })),
  fc
    .tuple(fc.constantFrom(...NODES), fc.integer({ min: 0, max: 4 }))
    .map(([node, fromBlock]): Command => ({ type: 'remine', node, fromBlock })),
  fc
    .tuple(fc.constantFrom(...NODES), fc.double())
    .map(([node, amount]): Command => ({ type: 'set-reward', node, amount })),
);

type Act =
  | { readonly kind: 'command'; readonly cmd: Command }
  | { readonly kind: 'frames'; readonly n: number }
  | {
      readonly kind: 'clock';
      readonly what: 'pause' | 'play' | 'step' | 'back' | 'seek';
      readonly x: number;
    };

const act: fc.Arbitrary<Act> = fc.oneof(
  { weight: 3, arbitrary: command.map((cmd) => ({ kind: 'command' as const, cmd })) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 10 }).map((n) => ({ kind: 'frames' as const, n })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('pause', 'play', 'step', 'back', 'seek') as fc.Arbitrary<'pause'>, fc.nat())
      .map(([what, x]) => ({ kind: 'clock' as const, what, x })),
  },
);

describe('chaos at the controls', () => {
  it('random commands and settings at random moments: no exception escapes, the clock keeps advancing', () => {
    let tried = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(act, { minLength: 10, maxLength: 60 }), (acts) => {
        const c = classroom();
        let t = 0;
        for (const a of acts) {
          if (a.kind === 'command') {
            tried++;
            if (!c.dispatch(a.cmd).ok) refused++;
          } else if (a.kind === 'frames') for (let k = 0; k < a.n; k++) c.tick((t += 100));
          else if (a.what === 'pause') c.pause();
          else if (a.what === 'play') c.play();
          else if (a.what === 'step') c.step();
          else if (a.what === 'back') c.stepBack();
          else c.seek(a.x % (c.sim().end() + 1));
        }
        expect(c.store.getState().crash).toBeNull();
        // Whatever happened, the clock still moves when played.
        c.play();
        const before = c.store.getState().now;
        for (let k = 0; k < 3; k++) c.tick((t += 100));
        expect(c.store.getState().now).toBeGreaterThan(before);
      }),
      { seed: 1207, numRuns: 60 },
    );
    expect(tried).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(50); // many of them were nonsense, refused with a code
    console.log(JSON.stringify({ chaos: { commands: tried, refusedWithCode: refused, crashes: 0 } }));
  });
});
