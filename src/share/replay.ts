// Replays a recorded run into a new simulation: the same settings and seed, each input applied at its recorded
// point, and at the end the state compared with the recorded check. Bounded work, so a hostile run cannot hang
// the page; any difference is an error and the new simulation is thrown away.
import { hashBlock } from '../core/block';
import { fail, failure, ok, type Failure, type Result } from '../core/errors';
import { expectedAttempts } from '../core/pow';
import type { Block } from '../core/types';
import { createSimulation, type Simulation } from '../sim/simulation';
import { createRecorder, defaultMiner, type MakeMiner, type Recorder } from './recorder';
import type { SharePayload } from './payload';

export interface ReplayLimits {
  /** Simulation events a replay may run. */
  readonly events: number;
  /** Expected hashes for re-mine commands (they hash for real, synchronously). */
  readonly work: number;
  /** Nodes alive at once (the app's Add node stops at 10). */
  readonly nodes: number;
}

export const REPLAY_LIMITS: ReplayLimits = { events: 1_000_000, work: 2 ** 25, nodes: 10 };

export interface ReplayOptions {
  /** The miner that takes over once the recording is replayed (default: the simulation's own). */
  readonly miner?: MakeMiner;
  readonly eventCap?: number;
  readonly limits?: Partial<ReplayLimits>;
}

export interface Replayed {
  readonly sim: Simulation;
  readonly recorder: Recorder;
}

const tooLarge = (message: string): Failure => failure('E_TOO_LARGE', message);
const diverged = (where: string): Failure =>
  failure(
    'E_SHARE_DECODE',
    `Replaying this run went differently from the recording (${where}): it was edited or made by another version.`,
  );

export function replayRun(p: SharePayload, options: ReplayOptions = {}): Result<Replayed> {
  const limits = { ...REPLAY_LIMITS, ...options.limits };
  // The settings go through the simulation's own range checks before anything runs.
  const probe = createSimulation(p.params);
  const { seed: _seed, ...rest } = p.params;
  const checked = probe.dispatch({ type: 'set-params', patch: rest });
  probe.dispose();
  if (!checked.ok)
    return fail(failure('E_SHARE_DECODE', `This run's settings are not valid: ${checked.error.message}`));

  const recorder = createRecorder(p.params, p.log);
  const sim = createSimulation(p.params, {
    miner: recorder.miner(options.miner ?? defaultMiner(p.params)),
    ...(options.eventCap ? { eventCap: options.eventCap } : {}),
  });
  let steps = 0;
  let work = 0;

  /** Run events until `ran` of them have happened, then set the clock to `at`. */
  const reach = (ran: number, at: number, where: string): Failure | null => {
    while (recorder.ran() < ran) {
      if (++steps > limits.events)
        return tooLarge(`Replaying this run needs more than ${limits.events} events.`);
      if (!sim.step()) return diverged(where);
    }
    if (recorder.ran() !== ran) return diverged(where);
    if (sim.now() < at) {
      sim.runUntil(() => ++steps > limits.events, at);
      if (steps > limits.events)
        return tooLarge(`Replaying this run needs more than ${limits.events} events.`);
      sim.advanceTo(at);
      if (recorder.ran() !== ran) return diverged(where);
    }
    return null;
  };

  const run = (): Failure | null => {
    for (let i = 0; i < p.log.length; i++) {
      const entry = p.log[i] as SharePayload['log'][number];
      const where = `input ${i + 1} of ${p.log.length}`;
      const late = reach(entry.ran, entry.at, where);
      if (late) return late;
      if (entry.kind === 'found') {
        recorder.deliver(entry);
        continue;
      }
      const cmd = entry.cmd;
      if (cmd.type === 'add-node' && sim.nodes().length >= limits.nodes)
        return tooLarge(`This run has more than ${limits.nodes} nodes at once.`);
      if (cmd.type === 'remine') {
        const node = sim.node(cmd.node);
        const rule = sim.params().pow.rule;
        for (let b = Math.max(cmd.fromBlock, 2); node && b <= node.chain().length; b++)
          work += expectedAttempts({ rule, difficulty: sim.difficultyAt(b) });
        if (work > limits.work) return tooLarge('Replaying this run would re-mine too many blocks.');
      }
      const r = sim.dispatch(cmd);
      if (!r.ok) return diverged(`${where}, ${cmd.type}: ${r.error.message}`);
    }
    const end = reach(p.check.ran, p.check.at, 'at the end');
    if (end) return end;
    const heads = sim.nodes();
    if (heads.length !== p.check.heads.length) return diverged('a different number of nodes');
    for (let i = 0; i < heads.length; i++) {
      const n = heads[i] as (typeof heads)[number];
      const want = p.check.heads[i] as SharePayload['check']['heads'][number];
      const chain = n.chain();
      if (n.id !== want.id || chain.length !== want.length || hashBlock(chain.at(-1) as Block) !== want.tip)
        return diverged(`${want.id}'s chain`);
      if (n.mempool().length !== want.pending) return diverged(`${want.id}'s pending transactions`);
    }
    return null;
  };

  let problem: Failure | null;
  try {
    problem = run();
  } catch (e) {
    // A programmer error must not leave a half-built simulation running (STYLE.md habit 3 keeps it visible).
    problem = failure('E_SHARE_DECODE', `Replaying this run failed: ${(e as Error).message}`);
  }
  if (problem) {
    sim.dispose();
    return fail(problem);
  }
  recorder.goLive();
  return ok({ sim, recorder });
}
