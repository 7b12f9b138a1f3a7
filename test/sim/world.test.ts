// The engine as a value: step never changes the world it is given; a snapshot restored and continued gives the
// very same run as one never interrupted; any moment can be revisited, and continuing there starts a branch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashBlock } from '../../src/core/block';
import { entries } from '../../src/sim/heap';
import type { Command } from '../../src/sim/commands';
import { createSimulation, type Simulation } from '../../src/sim/simulation';
import { next, step } from '../../src/sim/step';
import { createWorld, type World } from '../../src/sim/world';
import { DEFAULT_PARAMS, mergeParams } from '../../src/sim/params';
import { LOW } from './helpers';

/** Everything about a world that a run could show, as comparable data (chains by their hashes). */
function digest(w: World) {
  return JSON.stringify({
    time: w.time,
    n: w.n,
    seq: w.seq,
    ids: w.ids,
    rng: w.rng,
    params: w.params,
    partition: w.partition,
    schedule: w.schedule,
    queue: entries(w.queue).map((e) => [e.time, e.seq, e.item.type]),
    nodes: w.nodes.map((n) => ({
      ...n,
      chain: [n.chain.length, hashBlock(n.chain.block)],
      abandoned: n.abandoned.map(hashBlock),
      job: n.job && { ...n.job, tip: hashBlock(n.job.tip.block) },
      resolving: n.resolving && { ...n.resolving, answers: n.resolving.answers.map((a) => !!a) },
    })),
  });
}

/** Freeze every object reachable from `v` that is not frozen yet (blocks already are). */
function deepFreeze(v: unknown, seen = new Set<unknown>()): void {
  if (typeof v !== 'object' || v === null || seen.has(v)) return;
  seen.add(v);
  for (const x of Object.values(v)) deepFreeze(x, seen);
  Object.freeze(v);
}

type Action =
  | { readonly kind: 'command'; readonly cmd: Command }
  | { readonly kind: 'run'; readonly inputs: number }
  /** The live clock moves on by `seconds` (running whatever is due), as between two frames. */
  | { readonly kind: 'advance'; readonly seconds: number };

const NAMES = ['alice', 'bob', 'carol', 'dave'];

/** Random classroom sessions: nodes join, register, mine, pay, resolve, split and heal, change settings. */
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.integer({ min: 1, max: 40 }).map((inputs) => ({ kind: 'run' as const, inputs })),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(0.01, 0.1, 0.25, 1).map((seconds) => ({ kind: 'advance' as const, seconds })),
  },
  {
    weight: 4,
    arbitrary: fc
      .oneof(
        fc.constant<Command>({ type: 'add-node' }),
        fc.constant<Command>({ type: 'register-all' }),
        fc.constant<Command>({ type: 'heal' }),
        fc.constantFrom(...NAMES).map((node): Command => ({ type: 'mine', node })),
        fc.constantFrom(...NAMES).map((node): Command => ({ type: 'resolve', node })),
        fc
          .tuple(fc.constantFrom(...NAMES), fc.boolean())
          .map(([node, on]): Command => ({ type: 'auto-mine', node, on })),
        fc
          .tuple(fc.constantFrom(...NAMES), fc.integer({ min: 1, max: 9 }))
          .map(([node, amount]): Command => ({
            type: 'transaction',
            node,
            body: { sender: 'x', recipient: 'y', amount },
          })),
        fc.constant<Command>({
          type: 'partition',
          groups: [
            ['alice', 'bob'],
            ['carol', 'dave'],
          ],
        }),
        fc
          .tuple(fc.constantFrom(...NAMES), fc.constantFrom(0.25, 0.5, 1))
          .map(([node, share]): Command => ({ type: 'set-share', node, share })),
        fc
          .tuple(fc.integer({ min: 1, max: 2 }), fc.constantFrom(0.01, 0.05, 0.2))
          .map(([difficulty, latency]): Command => ({
            type: 'set-params',
            patch: { pow: { difficulty }, net: { latency } },
          })),
      )
      .map((cmd) => ({ kind: 'command' as const, cmd })),
  },
);

/** Three registered nodes, then anything. */
const START: readonly Action[] = [
  ...Array.from({ length: 3 }, () => ({ kind: 'command' as const, cmd: { type: 'add-node' } as Command })),
  { kind: 'command', cmd: { type: 'register-all' } },
];
const session = fc.array(action, { minLength: 5, maxLength: 40 }).map((a) => [...START, ...a]);
const detours = fc.array(action, { minLength: 1, maxLength: 20 });

/** Apply actions to a facade; the events they produced, in order. */
function play(sim: Simulation, actions: readonly Action[]): string[] {
  const out: string[] = [];
  const off = sim.subscribe((ev) => out.push(JSON.stringify(ev)));
  for (const a of actions) {
    if (a.kind === 'command') sim.dispatch(a.cmd);
    else if (a.kind === 'advance') sim.advanceTo(sim.now() + a.seconds);
    else for (let i = 0; i < a.inputs && sim.step(); i++);
  }
  off();
  return out;
}

const newSim = () => createSimulation({ ...LOW, seed: 21, resolvePolicy: 'on-announce' });

describe('step, the pure function', () => {
  it('never changes the world it is given, whatever the input', () => {
    let w = createWorld(mergeParams(DEFAULT_PARAMS, { ...LOW, resolvePolicy: 'on-announce' }), 'hash');
    const cmds: Command[] = [
      { type: 'add-node' },
      { type: 'add-node' },
      { type: 'add-node' },
      { type: 'register-all' },
      { type: 'transaction', node: 'bob', body: { sender: 'a', recipient: 'b', amount: 3 } },
      { type: 'auto-mine', node: 'alice', on: true },
      { type: 'auto-mine', node: 'carol', on: true },
      { type: 'partition', groups: [['alice'], ['bob', 'carol']] },
    ];
    const before: string[] = [];
    const apply = (r: ReturnType<typeof step> | null) => {
      if (!r) return false;
      w = r.world;
      return true;
    };
    for (const command of cmds) {
      deepFreeze(w);
      before.push(digest(w));
      apply(step(w, { type: 'command', command }));
    }
    for (let i = 0; i < 2000; i++) {
      deepFreeze(w);
      const d = digest(w);
      if (!apply(next(w))) break;
      expect(digest(w)).not.toBe(d);
    }
    for (const command of [
      { type: 'heal' },
      { type: 'resolve-all' },
      { type: 'remine', node: 'alice', fromBlock: 2 },
    ] as Command[]) {
      deepFreeze(w);
      apply(step(w, { type: 'command', command }));
    }
    expect(w.nodes.map((n) => n.chain.length > 1)).toEqual([true, true, true]);
    expect(w.n).toBeGreaterThan(300);
  });

  it('a refused command returns the very same world, with the reason', () => {
    const w = createWorld(mergeParams(DEFAULT_PARAMS, LOW), 'hash');
    const r = step(w, { type: 'command', command: { type: 'mine', node: 'mallory' } });
    expect(r.world).toBe(w);
    expect(r.error?.code).toBe('E_NO_SUCH_NODE');
  });
});

describe('snapshots and the timeline', () => {
  it('snapshot → restore → continue is byte-identical to a run never interrupted (random sessions)', () => {
    fc.assert(
      fc.property(session, detours, fc.nat(), (actions, detour, cut) => {
        const k = cut % (actions.length + 1);
        const whole = play(newSim(), actions);
        const sim = newSim();
        const head = play(sim, actions.slice(0, k));
        const snap = sim.snapshot();
        play(sim, detour); // something else happens in between…
        sim.restore(snap); // …and is undone
        const tail = play(sim, actions.slice(k));
        expect([...head, ...tail]).toEqual(whole);
        expect(whole.length).toBeGreaterThan(10);
        // The detour is kept as a branch, and the restored run's record replays to where it is now.
        expect(sim.branches()).toHaveLength(2);
        const now = digest(sim.world());
        expect(sim.seek(0).ok && sim.seek(sim.end()).ok).toBe(true);
        expect(digest(sim.world())).toBe(now);
        expect(digest(sim.world())).toBe(digest(playWorld(actions)));
      }),
      { seed: 20261207, numRuns: 40 },
    );
  });

  it('seek shows any moment exactly as it was, from checkpoints and the recorded inputs', () => {
    fc.assert(
      fc.property(session, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (actions, picks) => {
        const sim = createSimulation(
          { ...LOW, seed: 5, resolvePolicy: 'on-announce' },
          { checkpointEvery: 8 },
        );
        // A moment is the world right after an input; the clock running on between inputs is not one.
        const seen: string[] = [digest(sim.world())];
        const look = (before: number) => {
          if (sim.moment() > before) seen[sim.moment()] = digest(sim.world());
        };
        for (const a of actions) {
          const before = sim.moment();
          if (a.kind === 'command') sim.dispatch(a.cmd);
          else if (a.kind === 'advance')
            sim.advanceTo(sim.now() + a.seconds); // its inputs are not seen one by one
          else
            for (let i = 0; i < a.inputs; i++) {
              const m = sim.moment();
              if (!sim.step()) break;
              look(m);
            }
          if (a.kind === 'command') look(before);
        }
        const end = sim.moment();
        // The present may be later in time than its last input (the clock ran on): it is the end itself.
        seen[end] = digest(sim.world());
        for (const p of picks) {
          const m = p % (end + 1);
          if (seen[m] === undefined) continue;
          expect(sim.seek(m).ok).toBe(true);
          expect(sim.moment()).toBe(m);
          expect(digest(sim.world())).toBe(seen[m]);
        }
        expect(sim.seek(end).ok).toBe(true);
        expect(digest(sim.world())).toBe(seen[end]);
      }),
      { seed: 77, numRuns: 30 },
    );
  });

  it('continuing from an earlier moment starts a branch; the future left behind stays and can be gone back to', () => {
    const sim = newSim();
    play(sim, [
      ...['add-node', 'add-node', 'add-node', 'register-all'].map((type) => ({
        kind: 'command' as const,
        cmd: { type } as Command,
      })),
      { kind: 'command', cmd: { type: 'auto-mine', node: 'alice', on: true } },
      { kind: 'run', inputs: 300 },
    ]);
    const end = sim.moment();
    const tip = hashBlock(sim.node('alice')!.link().block);
    const height = sim.node('alice')!.link().length;
    expect(height).toBeGreaterThan(3);
    const back = Math.floor(end / 3);
    expect(sim.seek(back).ok).toBe(true);
    expect(sim.node('alice')!.link().length).toBeLessThan(height);
    expect(sim.events().length).toBeLessThan(sim.endWorld().n + 1000); // only the events up to here
    // Doing something here is a new branch: bob mines instead.
    sim.dispatch({ type: 'auto-mine', node: 'bob', on: true });
    for (let i = 0; i < 200; i++) sim.step();
    expect(sim.branches()).toHaveLength(2);
    expect(sim.branches().filter((b) => b.current)).toEqual([expect.objectContaining({ from: back })]);
    const old = sim.branches().find((b) => !b.current)!;
    expect(old.end).toBe(end);
    expect(sim.switchBranch(old.index).ok).toBe(true);
    expect(sim.moment()).toBe(end);
    expect(hashBlock(sim.node('alice')!.link().block)).toBe(tip);
  });

  it('step back is the moment before; seeking outside the run is refused with a code', () => {
    const sim = newSim();
    play(sim, [
      { kind: 'command', cmd: { type: 'add-node' } },
      { kind: 'command', cmd: { type: 'mine', node: 'alice' } },
      { kind: 'run', inputs: 20 },
    ]);
    const m = sim.moment();
    expect(sim.stepBack().ok).toBe(true);
    expect(sim.moment()).toBe(m - 1);
    expect(sim.seek(m + 1)).toMatchObject({ ok: false, error: { code: 'E_BAD_PARAM' } });
    expect(sim.seek(-1)).toMatchObject({ ok: false, error: { code: 'E_BAD_PARAM' } });
    expect(sim.moment()).toBe(m - 1);
  });
});

/** The world after `actions` on a fresh simulation. */
function playWorld(actions: readonly Action[]): World {
  const sim = newSim();
  play(sim, actions);
  return sim.world();
}
