// The facade (docs/architecture.md "The world and step"): it holds the current world, runs the pure step,
// interprets its effects (an external miner's jobs) and keeps the run's history, so the same object runs
// headless (CLI, tests, experiments) and in the app, and any moment of a run can be revisited and continued as
// a new branch. Two simulations share nothing.
import { hashBlock } from '../core/block';
import { fail, failure, ok, type Failure, type Result } from '../core/errors';
import type { Block, Chain } from '../core/types';
import type { ValidationOptions } from '../core/validate';
import type { MessageRecord } from './bus';
import type { Command } from './commands';
import type { Effect } from './draft';
import type { SimEvent } from './events';
import type { FoundProof, MakeMiner, MinerPort, MiningProgress } from './minerPort';
import { portJob, progressOf } from './mining';
import { createNodeView, listCache, type SimNode } from './nodeView';
import { DEFAULT_PARAMS, mergeParams, type SimParams } from './params';
import { next, nextTime, setTime, step, type StepResult } from './step';
import { Branch, overCap, type Recorded } from './timeline';
import { validationOf } from './validation';
import { toBlocks, type Link } from '../core/chain';
import type { Request } from './protocol';
import {
  createWorld,
  difficultyAt,
  type Address,
  type Host,
  type Input,
  type MinerKind,
  type NodeId,
  type World,
} from './world';

export { NODE_NAMES } from './apply';
export type { SimNode } from './nodeView';

export interface SimulationOptions {
  /** A miner outside the world (the app's Web Workers); default: hashing in the step, or drawn in event mode. */
  readonly miner?: MakeMiner;
  /** Who finds proofs (default: `external` when a miner is given, else `hash`); event mode always draws them. */
  readonly minedBy?: 'hash' | 'external';
  /** The run is being rebuilt from a recording: no miner is asked until `goLive()`. */
  readonly replaying?: boolean;
  /** Start from this world instead of a new one (a run file, a lesson's moment). */
  readonly world?: World;
  /** Events and messages kept in memory for `events()` and `messages()` (default 20 000 each; oldest dropped). */
  readonly eventCap?: number;
  /** Inputs between checkpoints at first (default 64; it doubles as a run grows). */
  readonly checkpointEvery?: number;
  /**
   * How real nodes are asked (the app: fetch). Without it a request to one is answered at once with
   * E_UNREACHABLE, so a headless run that reaches a real node stays deterministic.
   */
  readonly net?: AskHost;
}

/** Ask the real node at `to` (through `base` when given); the answer, or why there is none. */
export type AskHost = (to: Address, request: Request, base?: string) => Promise<HostOutcome>;
export type HostOutcome = Extract<Input, { type: 'answer' }>['outcome'];

export interface BranchInfo {
  readonly index: number;
  /** The moment the branch left the one before it. */
  readonly from: number;
  /** Its last moment and time. */
  readonly end: number;
  readonly endTime: number;
  readonly current: boolean;
}

export function createSimulation(initial: Partial<SimParams> = {}, options: SimulationOptions = {}) {
  const params = mergeParams(DEFAULT_PARAMS, initial);
  const kind: MinerKind = params.eventMode
    ? 'event'
    : (options.minedBy ?? (options.miner ? 'external' : 'hash'));
  let world: World = options.world ?? createWorld(params, kind);
  const eventCap = options.eventCap ?? 20_000;
  let branch = new Branch(world, options.checkpointEvery ?? 64);
  const others: Branch[] = [];
  const listeners = new Set<(ev: SimEvent) => void>();
  let messages: MessageRecord[] = [];
  const views = new Map<string, SimNode>();
  const lists = listCache();
  const port: MinerPort | null =
    world.miner === 'external' && options.miner ? options.miner((f) => found(f)) : null;
  let live = !options.replaying;

  /** Make `r` the present: record, keep its events, tell listeners, run its effects. */
  function commit(r: StepResult, recorded: Recorded | null): void {
    world = r.world;
    if (recorded) branch.log.push(recorded);
    branch.end = world;
    branch.checkpoint(world);
    branch.addEvents(r.events, world.n, eventCap);
    tell(r.events);
    if (live) for (const e of r.effects) run(e);
  }

  function run(e: Effect): void {
    if (e.type !== 'send') return port ? runEffect(port, e) : undefined;
    const { to, request, replyTo, base } = e;
    const answered = (outcome: HostOutcome) =>
      answer({ type: 'answer', from: to, replyTo, outcome: chainOutcome(to, outcome) });
    if (!options.net)
      return answered({
        error: failure('E_UNREACHABLE', `${to} is a real node, and this run has no network.`),
      });
    options
      .net(to, request, base)
      .then(answered, (err: unknown) =>
        answered({ error: failure('E_UNREACHABLE', `${to} cannot be reached (${String(err)}).`) }),
      );
  }

  /** A real node's answer: like a found proof, it belongs to the present of this branch only. */
  function answer(a: Extract<Input, { type: 'answer' }>): void {
    if (!live || world !== branch.end) return;
    input(a);
  }

  function tell(events: readonly SimEvent[]): void {
    for (const ev of events) {
      if (ev.type === 'message') {
        messages.push(ev.message);
        const drop = overCap(messages.length, eventCap);
        if (drop > 0) messages = messages.slice(drop);
      }
      for (const l of listeners) l(ev);
    }
  }

  /**
   * Move along this branch's recorded future up to time `t` (a lesson being watched): the same inputs as
   * recorded, their events told again, nothing new recorded. False once the branch's end is reached.
   */
  function follow(t: number): boolean {
    const end = branch.end;
    while (world.n < end.n) {
      const rec = branch.log[branch.logIndex(world.n)];
      let r: StepResult | null;
      if (rec && rec.n === world.n) {
        if (rec.at > t) break;
        r = step(setTime(world, rec.at), rec.input);
      } else {
        const due = nextTime(world);
        if (due === null || due > t) break;
        r = next(world);
      }
      if (!r || r.error) break;
      world = r.world;
      tell(r.events);
    }
    if (world.n >= end.n && t >= end.time) {
      world = end;
      syncMiner();
      return false;
    }
    world = setTime(world, Math.min(t, world.n >= end.n ? end.time : t));
    return true;
  }

  /**
   * A run whose proofs came from miners outside the world, continued where there is none (a link opened in a
   * test or on the command line): from here on the world hashes them itself. Recorded, so replays do the same.
   */
  function ensureMiner(): void {
    if (!live || port || world.miner !== 'external' || world !== branch.end) return;
    const r = step(world, { type: 'command', command: { type: 'set-miner', miner: 'hash' } });
    commit(r, {
      n: world.n,
      at: world.time,
      input: { type: 'command', command: { type: 'set-miner', miner: 'hash' } },
    });
  }

  /** A new input while an earlier moment is shown: the future stays as a branch, this one goes on from here. */
  function branchOff(): void {
    if (world.n >= branch.end.n && world === branch.end) return;
    others.push(branch);
    branch = branch.forkAt(world);
    messages = messages.filter((m) => m.sentAt <= world.time);
  }

  function input(rec: Recorded['input']): StepResult {
    branchOff();
    if (rec.type !== 'command' || rec.command.type !== 'set-miner') ensureMiner();
    const r = step(world, rec);
    if (!r.error) commit(r, { n: world.n, at: world.time, input: rec });
    return r;
  }

  function found(f: FoundProof): void {
    // A proof that arrives while an earlier moment is shown belongs to a future that is not running.
    if (!live || world !== branch.end) return;
    const n = world.nodes.find((x) => x.id === f.nodeId);
    if (!n?.job || n.job.jobId !== f.jobId) return; // stale: the node moved on
    const { jobId, proof, hash, attempts } = f;
    input({ type: 'found', node: n.id, jobId, proof, hash, attempts });
  }

  function runNext(): boolean {
    branchOff();
    ensureMiner();
    const r = next(world);
    if (!r) return false;
    commit(r, null);
    return true;
  }

  function advanceTo(t: number): void {
    for (;;) {
      const due = nextTime(world);
      if (due === null || due > t) break;
      runNext();
    }
    if (t > world.time) {
      branchOff();
      world = setTime(world, t);
      branch.end = world;
    }
  }

  /** Replay the branch's recorded inputs from checkpoint `from` up to moment `n` (events are not repeated). */
  function replay(from: World, n: number, b: Branch): World {
    let w = from;
    let i = b.logIndex(w.n);
    while (w.n < n) {
      const rec = b.log[i];
      if (rec && rec.n === w.n) {
        const r = step(setTime(w, rec.at), rec.input);
        if (r.error) throw new Error(`replay diverged at moment ${w.n}: ${r.error.message}`);
        w = r.world;
        i++;
        continue;
      }
      const r = next(w);
      if (!r) throw new Error(`replay ran out of inputs at moment ${w.n} of ${n}`);
      w = r.world;
    }
    return w;
  }

  /** Show moment `n` of the current branch (0 … its end): every node, message and event as it was then. */
  function seek(n: number): Result<void> {
    const end = branch.end;
    if (!Number.isInteger(n) || n < 0 || n > end.n)
      return fail(failure('E_BAD_PARAM', `The timeline runs from moment 0 to ${end.n}, not ${n}.`));
    const start = branch.checkpointAt(n);
    const target = n === end.n ? end : replay(world.n <= n && world.n >= start.n ? world : start, n, branch);
    show(target);
    return ok(undefined);
  }

  /** Make `w` the world shown, and hand its jobs to the external miner. */
  function show(w: World): void {
    world = w;
    messages = messagesUpTo(w.time);
    syncMiner();
  }

  function messagesUpTo(t: number): MessageRecord[] {
    const out: MessageRecord[] = [];
    for (let i = branch.eventCount(world.n) - 1; i >= 0 && out.length < eventCap; i--) {
      const ev = branch.events[i] as SimEvent;
      if (ev.type === 'message' && ev.message.sentAt <= t) out.push(ev.message);
    }
    return out.reverse();
  }

  function syncMiner(): void {
    if (!port || !live) return;
    for (const n of world.nodes) {
      if (n.job) port.start(portJob(n, n.job));
      else port.stop(n.id);
    }
  }

  function switchBranch(index: number): Result<void> {
    const target = others[index];
    if (!target) return fail(failure('E_BAD_PARAM', `There is no branch ${index + 1}.`));
    others[index] = branch;
    branch = target;
    show(branch.end);
    return ok(undefined);
  }

  function view(id: string): SimNode | undefined {
    if (!world.nodes.some((n) => n.id === id)) return views.get(id);
    let v = views.get(id);
    if (!v) views.set(id, (v = createNodeView(id as NodeId, () => world, lists)));
    return v;
  }

  const miner = {
    progress(nodeId: string): MiningProgress | null {
      if (port) return port.progress(nodeId);
      const n = world.nodes.find((x) => x.id === nodeId);
      return n ? progressOf(world, n) : null;
    },
    setPaused(paused: boolean): void {
      port?.setPaused?.(paused);
    },
  };

  return {
    params: () => world.params,
    now: () => world.time,
    /** The world as it is now: an immutable value (snapshot() is the same thing under its usual name). */
    world: () => world,
    snapshot: () => world,
    nodes: (): readonly SimNode[] => world.nodes.map((n) => view(n.id) as SimNode),
    /** The real nodes this world reads, with their chains as last seen. */
    hosts: (): readonly HostView[] => world.hosts.map(hostView),
    node: (id: string): SimNode | undefined => (world.nodes.some((n) => n.id === id) ? view(id) : undefined),
    dispatch(cmd: Command): Result<void> {
      const r = input({ type: 'command', command: cmd });
      return r.error ? fail(r.error) : ok(undefined);
    },
    /** Run the next scheduled input; false when nothing is scheduled. */
    step: runNext,
    advanceTo,
    peek: () => nextTime(world),
    /** Run inputs until `done()` holds or virtual time passes `maxTime`; true if `done()` held. */
    runUntil(done: () => boolean, maxTime = Number.POSITIVE_INFINITY): boolean {
      while (!done()) {
        const t = nextTime(world);
        if (t === null || t > maxTime) return false;
        runNext();
      }
      return true;
    },
    /**
     * Continue from `w`, a snapshot taken earlier in this run, as if the run had been there all along; what came
     * after it stays as a branch.
     */
    restore(w: World): void {
      others.push(branch);
      branch = branch.forkAt(w);
      show(w);
    },
    seek,
    follow,
    /** One input back: the moment before the current one. */
    stepBack: (): Result<void> => (world.n > 0 ? seek(world.n - 1) : ok(undefined)),
    /** The current moment (inputs so far) and the branch's last one. */
    moment: () => world.n,
    end: () => branch.end.n,
    endTime: () => branch.end.time,
    /** The time at moment `n` of this branch (for the timeline's labels). */
    timeAt: (n: number): number => (n >= branch.end.n ? branch.end.time : replayTime(n)),
    branches: (): BranchInfo[] =>
      [...others, branch].map((b, index) => ({
        index,
        from: b.from,
        end: b.end.n,
        endTime: b.end.time,
        current: b === branch,
      })),
    switchBranch: (index: number) => switchBranch(index),
    /** Inputs from outside the world on this branch, to its end: what a share link or run file records. */
    log: (): readonly Recorded[] => branch.log,
    /** The last world of this branch (the present, unless an earlier moment is shown). */
    endWorld: () => branch.end,
    /** The world the run started from (its settings are a recording's starting point). */
    startWorld: () => branch.checkpoints[0] as World,
    /** Apply a recorded input at its moment (a share link being opened): run the world up to it first. */
    apply(rec: Recorded): Result<void> {
      const reached = reach(rec.n, rec.at);
      if (!reached.ok) return reached;
      const r = input(rec.input);
      return r.error ? fail(r.error) : ok(undefined);
    },
    reach,
    /** The recording is replayed: from now on the miner outside the world takes the open jobs. */
    goLive(): void {
      live = true;
      syncMiner();
    },
    subscribe(listener: (ev: SimEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Events up to the current moment (the oldest are dropped past the cap). */
    events: (): readonly SimEvent[] => {
      const k = branch.eventCount(world.n);
      return k === branch.events.length ? branch.events : branch.events.slice(0, k);
    },
    messages: (): readonly MessageRecord[] => messages,
    messageCount: () => world.ids.message,
    /** The partition as node ids (null when the network is whole). */
    partition: (): readonly (readonly string[])[] | null => world.partition,
    difficultyAt: (index: number) => difficultyAt(world.schedule, index),
    validation: (): ValidationOptions => validationOf(world),
    /** Blocks on top of genesis in the longest chain any node holds: O(nodes), for loops that wait on it. */
    height: (): number => Math.max(0, ...world.nodes.map((n) => n.chain.length - 1)),
    /** The best chain any node holds (longest, first node on ties). */
    bestChain(): Chain {
      let best = world.nodes[0];
      for (const n of world.nodes) if (best && n.chain.length > best.chain.length) best = n;
      return best ? (view(best.id) as SimNode).chain() : [world.genesis.block];
    },
    miner,
    dispose() {
      port?.dispose();
      listeners.clear();
    },
  };

  /** Run scheduled inputs until moment `n`, then the clock to `at` (a recorded input's position). */
  function reach(n: number, at: number): Result<void> {
    const diverged = (why: string): Result<void> =>
      fail(
        failure(
          'E_SHARE_DECODE',
          `Replaying this run went differently from the recording (${why}): it was edited or made by another version.`,
        ),
      );
    while (world.n < n) if (!runNext()) return diverged(`nothing left to run before moment ${n}`);
    if (world.n !== n) return diverged(`moment ${world.n} is past ${n}`);
    if (at > world.time) {
      // Live, the clock moved on to `at` by running everything due by then: so nothing may be due by then.
      const due = nextTime(world);
      if (due !== null && due <= at) return diverged(`inputs due before ${at} s at moment ${n}`);
      world = setTime(world, at);
      branch.end = world;
    }
    return ok(undefined);
  }

  function replayTime(n: number): number {
    return replay(branch.checkpointAt(n), n, branch).time;
  }
}

function runEffect(port: MinerPort, e: Effect): void {
  switch (e.type) {
    case 'mine':
      return port.start(e.job);
    case 'stop-mining':
      return port.stop(e.node);
    case 'reply':
      return;
  }
}

/**
 * Only GET /chain goes to real nodes, and the world takes its answer as a chain or as a reason: anything else
 * becomes a reason here, so what is recorded (src/share/recorder.ts) is always one of the two.
 */
function chainOutcome(to: Address, o: HostOutcome): HostOutcome {
  if ('error' in o) return o;
  const { status, body } = o.response;
  const chain = body.chain;
  if (
    status === 200 &&
    typeof chain === 'object' &&
    chain !== null &&
    'block' in chain &&
    typeof body.length === 'number'
  )
    return { response: { status, body: { chain, length: body.length } } };
  return { error: failure('E_SCHEMA', `${to} answered GET /chain with status ${status} and no chain.`) };
}

export type Simulation = ReturnType<typeof createSimulation>;

export interface HostView extends Omit<Host, 'chain'> {
  readonly chain: Chain | null;
}

/** Chains as block lists, once per chain value (a real node's chain is shown every frame). */
const hostChains = new WeakMap<Link, Chain>();
const hostViews = new WeakMap<Host, HostView>();

function hostView(h: Host): HostView {
  let v = hostViews.get(h);
  if (!v) {
    const link = h.chain;
    let chain: Chain | null = null;
    if (link) {
      chain = hostChains.get(link) ?? null;
      if (!chain) hostChains.set(link, (chain = toBlocks(link)));
    }
    hostViews.set(h, (v = { ...h, chain }));
  }
  return v;
}

/** The tip hash of a node's chain (for summaries and checks). */
export const tipOf = (chain: Chain): string => hashBlock(chain[chain.length - 1] as Block);

export type { Failure };
