// Replays a recorded run into a new simulation: the same settings and seed, each input applied at its recorded
// moment, and at the end the state compared with the recorded check. Bounded work, so a hostile run cannot hang
// the page; any difference is an error and the new simulation is thrown away.
import { hashBlock } from '../core/block';
import { fail, failure, ok, type Failure, type Result } from '../core/errors';
import { expectedAttempts } from '../core/pow';
import type { Command } from '../sim/commands';
import type { MakeMiner } from '../sim/minerPort';
import { checkParams } from '../sim/settings';
import { createSimulation, type AskHost, type Simulation } from '../sim/simulation';
import type { Recorded } from '../sim/timeline';
import { fromBlocks } from '../core/chain';
import type { Address, NodeId } from '../sim/world';
import type { AnswerEntry, LogEntry, SharePayload } from './payload';

export interface ReplayLimits {
  /** Inputs (moments) a replay may run. */
  readonly inputs: number;
  /** Expected hashes for re-mine commands (they hash for real, synchronously). */
  readonly work: number;
  /** Nodes alive at once (the app's Add node stops at 10). */
  readonly nodes: number;
}

export const REPLAY_LIMITS: ReplayLimits = { inputs: 2_000_000, work: 2 ** 25, nodes: 10 };

export interface ReplayOptions {
  /** The miner that takes over once the recording is replayed, for runs mined outside the world. */
  readonly miner?: MakeMiner;
  readonly eventCap?: number;
  readonly limits?: Partial<ReplayLimits>;
  /** How real nodes are asked once the recording is replayed (their recorded answers are replayed first). */
  readonly net?: AskHost;
}

const tooLarge = (message: string): Failure => failure('E_TOO_LARGE', message);
const diverged = (where: string): Failure =>
  failure(
    'E_SHARE_DECODE',
    `Replaying this run went differently from the recording (${where}): it was edited or made by another version.`,
  );

function recordedOf(e: LogEntry): Recorded {
  if (e.kind === 'command') return { n: e.n, at: e.at, input: { type: 'command', command: e.cmd } };
  if (e.kind === 'answer') return { n: e.n, at: e.at, input: answerInput(e) };
  const input = {
    type: 'found' as const,
    node: e.node as NodeId,
    jobId: e.job,
    proof: e.proof,
    hash: '',
    attempts: e.attempts,
  };
  return { n: e.n, at: e.at, input };
}

function answerInput(e: AnswerEntry): Extract<Recorded['input'], { type: 'answer' }> {
  const replyTo =
    e.to.kind === 'host'
      ? { kind: 'host' as const, address: e.to.address as Address }
      : { kind: 'resolve' as const, node: e.to.node as NodeId, resolveId: e.to.resolveId, slot: e.to.slot };
  const outcome = e.error
    ? { error: failure(e.error.code, e.error.message) }
    : { response: { status: 200, body: { chain: fromBlocks(e.chain ?? []), length: e.length ?? 0 } } };
  return { type: 'answer', from: e.from as Address, replyTo, outcome };
}

export function replayRun(p: SharePayload, options: ReplayOptions = {}): Result<Simulation> {
  const limits = { ...REPLAY_LIMITS, ...options.limits };
  // The settings go through the simulation's own range checks before anything runs.
  const checked = checkParams(p.params);
  if (!checked.ok)
    return fail(failure('E_SHARE_DECODE', `This run's settings are not valid: ${checked.error.message}`));
  if (p.check.n > limits.inputs)
    return fail(tooLarge(`Replaying this run needs more than ${limits.inputs} steps.`));
  const sim = createSimulation(p.params, {
    minedBy: p.miner,
    replaying: true,
    ...(options.miner ? { miner: options.miner } : {}),
    ...(options.net ? { net: options.net } : {}),
    ...(options.eventCap ? { eventCap: options.eventCap } : {}),
  });
  let work = 0;

  const guard = (cmd: Command): Failure | null => {
    if (cmd.type === 'add-node' && sim.nodes().length >= limits.nodes)
      return tooLarge(`This run has more than ${limits.nodes} nodes at once.`);
    // Proofs a worker found are only checked on replay: no search, no work to bound.
    if (cmd.type === 'remine' && !cmd.proofs) {
      const node = sim.node(cmd.node);
      const rule = sim.params().pow.rule;
      for (let b = Math.max(cmd.fromBlock, 2); node && b <= node.link().length; b++)
        work += expectedAttempts({ rule, difficulty: sim.difficultyAt(b) });
      if (work > limits.work) return tooLarge('Replaying this run would re-mine too many blocks.');
    }
    return null;
  };

  const run = (): Failure | null => {
    for (let i = 0; i < p.log.length; i++) {
      const entry = p.log[i] as LogEntry;
      const where = `input ${i + 1} of ${p.log.length}`;
      const reached = sim.reach(entry.n, entry.at);
      if (!reached.ok) return diverged(where);
      const limit = entry.kind === 'command' ? guard(entry.cmd) : null;
      if (limit) return limit;
      const r = sim.apply(recordedOf(entry));
      if (!r.ok) return diverged(`${where}: ${r.error.message}`);
    }
    const end = sim.reach(p.check.n, p.check.at);
    if (!end.ok) return diverged('at the end');
    const heads = sim.nodes();
    if (heads.length !== p.check.heads.length) return diverged('a different number of nodes');
    for (let i = 0; i < heads.length; i++) {
      const n = heads[i] as (typeof heads)[number];
      const want = p.check.heads[i] as SharePayload['check']['heads'][number];
      const chain = n.link();
      if (n.id !== want.id || chain.length !== want.length || hashBlock(chain.block) !== want.tip)
        return diverged(`${want.id}'s chain`);
      if (n.mempool().length !== want.pending) return diverged(`${want.id}'s pending transactions`);
    }
    return null;
  };

  let problem: Failure | null;
  try {
    problem = run();
  } catch (e) {
    // A programmer error must not leave a half-built simulation running.
    problem = failure('E_SHARE_DECODE', `Replaying this run failed: ${(e as Error).message}`);
  }
  if (problem) {
    sim.dispose();
    return fail(problem);
  }
  sim.goLive();
  return ok(sim);
}
