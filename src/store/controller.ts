// The thin shell between the simulation and the UI (a framework-free controller, thin hooks over it).
// It owns the live clock (virtual time = wall time × speed; pause holds it; step runs one input), the timeline
// (drag back to any moment, step back, branches, watching a recorded run), and batches simulation events into
// store updates: at most 10 a second while the clock runs, 4 when only the clock and the miners' progress moved.
import { failure, ok, type Failure, type Result } from '../core/errors';
import type { SharePayload } from '../share/payload';
import { runPayload } from '../share/recorder';
import { asRecorded } from '../share/wire';
import { replayRun } from '../share/replay';
import type { MessageRecord } from '../sim/bus';
import type { Command } from '../sim/commands';
import type { SimEvent } from '../sim/events';
import type { FoundProof, MakeMiner, MinerPort, MiningProgress } from '../sim/minerPort';
import { DEFAULT_PARAMS, mergeParams, type SimParams } from '../sim/params';
import { createSimulation, type AskHost, type Simulation } from '../sim/simulation';
import {
  appendCapped,
  createAppStore,
  LIMITS,
  type AppStore,
  type MinedEvent,
  type NodeView,
  type ResolveEvent,
  type TimelineView,
  type TxEvent,
} from './appStore';
import { listsOf } from './history';
import type { EngineChoice } from '../worker/engineChoice';

export interface ControllerOptions {
  readonly params?: Partial<SimParams>;
  /** How proofs are found (default: in the world); `report` shows a miner's failure as a notice. */
  readonly miner?: (
    found: (proof: FoundProof) => void,
    report: (nodeId: string, error: Failure) => void,
  ) => MinerPort;
  /** Longest virtual step per frame, so a hidden tab does not jump ahead minutes when it comes back. */
  readonly maxFrameSeconds?: number;
  /** How real nodes are asked (the app: fetch, src/http/askPeer.ts); without it they are unreachable. */
  readonly net?: AskHost;
  /** Which engine mines each node, for the proof-of-work panel's switch (the app: CPU pool or WebGPU). */
  readonly engines?: EngineChoice;
}

export interface LoadOptions {
  /** Show this moment of the loaded run instead of its end (a link with "&t=…", a lesson from its start). */
  readonly moment?: number;
  /** Play the recorded run forward from there (a lesson being watched) instead of continuing it live. */
  readonly watch?: boolean;
}

/**
 * Events the app keeps for the timeline (the panels show the last few hundred of each kind at any moment). With
 * every node mining they come at about 150 a second, 0.5–1 kB each (a resolve with its nine peers' lines is 4 kB):
 * 100 000 made the heap climb 7–8 MB a minute for a quarter of an hour (issue 17). 20 000, trimmed in steps of a
 * sixteenth (src/sim/timeline.ts), holds 20 000–21 250 of them, ~10 MB: a few minutes of logs for 10 nodes, most
 * of a lesson for 3. Seeking further back still restores every node exactly (checkpoints and inputs are kept);
 * only the logs start later.
 */
const EVENT_CAP = 20_000;

/**
 * Wall milliseconds between store updates while playing. Each update re-renders the clock, every mining node's
 * row and the lists that grew; with 10 nodes at 10× one per frame kept the main thread 67 % busy (issue 17), and
 * neither a clock nor a hash counter is read faster than a few times a second. Commands, Step and seeking still
 * update at once.
 */
const EVENT_FLUSH_MS = 100;
const CLOCK_FLUSH_MS = 250;

/** The previous list while its items are the same objects (views are cached per value), so panels skip a render. */
const sameList = <T>(prev: readonly T[], next: readonly T[]): readonly T[] =>
  prev.length === next.length && next.every((x, i) => x === prev[i]) ? prev : next;

const sameView = (a: NodeView, b: NodeView) =>
  (Object.keys(a) as (keyof NodeView)[]).every((k) => a[k] === b[k]);

export function createController(options: ControllerOptions = {}) {
  let noticeId = 0;
  const report = (node: string, error: Failure) =>
    store.setState((s) => ({ notices: appendCapped(s.notices, [{ id: ++noticeId, error, node }], 5) }));
  const makeMiner: MakeMiner | undefined = options.miner
    ? (found) => (options.miner as NonNullable<ControllerOptions['miner']>)(found, report)
    : undefined;
  const startSim = (initial: Partial<SimParams>) =>
    createSimulation(mergeParams(DEFAULT_PARAMS, initial), {
      ...(makeMiner ? { miner: makeMiner } : {}),
      ...(options.net ? { net: options.net } : {}),
      eventCap: EVENT_CAP,
    });
  let sim: Simulation = startSim(options.params ?? {});
  const store: AppStore = createAppStore({ params: sim.params() });
  let pending: SimEvent[] = [];
  let unsubscribe = sim.subscribe((ev) => pending.push(ev));
  let lastWall: number | null = null;
  let lastLiveFlush = -Infinity;
  const maxFrame = options.maxFrameSeconds ?? 0.25;

  function nodeViews(prev: readonly NodeView[]): readonly NodeView[] {
    const groups = sim.partition();
    const views = sim.nodes().map((n): NodeView => {
      const group = groups ? groups.findIndex((g) => g.includes(n.id)) + 1 : 0;
      const view: NodeView = {
        id: n.id,
        url: n.url,
        chain: n.chain(),
        mempool: n.mempool(),
        peers: n.peers(),
        abandoned: n.abandoned(),
        share: n.share(),
        autoMine: n.autoMine(),
        mining: n.mining(),
        resolving: n.resolving(),
        group,
      };
      const old = prev.find((p) => p.id === n.id);
      return old && sameView(old, view) ? old : view;
    });
    return views.length === prev.length && views.every((v, i) => v === prev[i]) ? prev : views;
  }

  /** The timeline's state; the same object while nothing about it changed. */
  function timelineView(prev: TimelineView): TimelineView {
    const branches = sim.branches();
    const same =
      prev.moment === sim.moment() &&
      prev.end === sim.end() &&
      prev.endTime === sim.endTime() &&
      prev.branches.length === branches.length &&
      prev.branches.every((b, i) => JSON.stringify(b) === JSON.stringify(branches[i]));
    return same ? prev : { moment: sim.moment(), end: sim.end(), endTime: sim.endTime(), branches };
  }

  /** What every panel shows that is read from the simulation now (not from events). */
  function present(prev: readonly NodeView[]) {
    const nodes = nodeViews(prev);
    const progress: Record<string, MiningProgress | undefined> = {};
    for (const n of nodes) progress[n.id] = n.mining ? (sim.miner.progress(n.id) ?? undefined) : undefined;
    const s = store.getState();
    const hosts = sameList(s.hosts, sim.hosts());
    // A real node's address may be selected too: the Chain panel shows its chain, read-only.
    const known = (id: string) => nodes.some((n) => n.id === id) || hosts.some((h) => h.address === id);
    const selected = s.selected && known(s.selected) ? s.selected : (nodes[0]?.id ?? null);
    return {
      now: sim.now(),
      params: sim.params(),
      nodes,
      hosts,
      selected,
      partitioned: sim.partition() !== null,
      progress,
      timeline: timelineView(s.timeline),
    };
  }

  /** Push everything that happened since the last flush into the store, in one update. */
  function flush() {
    const events = pending;
    pending = [];
    const s = store.getState();
    const now = present(s.nodes);
    const resolves = events.filter((e): e is ResolveEvent => e.type === 'resolve');
    const mined = events.filter((e): e is MinedEvent => e.type === 'block-mined');
    const txEvents = events.filter(
      (e): e is TxEvent => e.type === 'transaction' || e.type === 'chain-replaced',
    );
    const messages = events.flatMap((e): MessageRecord[] => (e.type === 'message' ? [e.message] : []));
    const errors = events.flatMap((e) =>
      e.type === 'error' ? [{ id: ++noticeId, error: e.error, ...(e.node ? { node: e.node } : {}) }] : [],
    );
    const heightChanged = events.some(
      (e) => e.type === 'block-mined' || e.type === 'chain-replaced' || e.type === 'node-added',
    );
    const point = Object.fromEntries(now.nodes.map((n) => [n.id, n.chain.length - 1]));
    store.setState({
      ...now,
      resolves: appendCapped(s.resolves, resolves, LIMITS.resolves),
      mined: appendCapped(s.mined, mined, LIMITS.mined),
      txEvents: appendCapped(s.txEvents, txEvents, LIMITS.txEvents),
      messages: appendCapped(s.messages, messages, LIMITS.messages),
      notices: appendCapped(s.notices, errors, 5),
      heights: heightChanged
        ? appendCapped(s.heights, [{ t: sim.now(), ...point }], LIMITS.heights)
        : s.heights,
    });
  }

  /** The moment shown changed (seek, step back, another branch, a loaded run): rebuild the lists from events. */
  function rebuild() {
    pending = [];
    store.setState((s) => ({ ...present(s.nodes), ...listsOf(sim.events()) }));
  }

  function notify<T>(r: Result<T>): Result<T> {
    if (!r.ok)
      store.setState((s) => ({ notices: appendCapped(s.notices, [{ id: ++noticeId, error: r.error }], 5) }));
    return r;
  }

  function replace(next: Simulation) {
    unsubscribe();
    sim.dispose();
    sim = next;
    unsubscribe = sim.subscribe((ev) => pending.push(ev));
    sim.miner.setPaused(!store.getState().playing);
    store.setState({ notices: [], nodes: [], watching: false, crash: null });
    rebuild();
  }

  /** Pause the clock (and the miners): the moment shown stays until the user plays or steps. */
  function hold() {
    sim.miner.setPaused(true);
    store.setState({ playing: false, watching: false });
  }

  return {
    store,
    sim: () => sim,
    /** The per-node CPU/GPU choice when the miner offers one (its port is `options.miner`'s business). */
    engines: options.engines ?? null,
    dispatch(cmd: Command): Result<void> {
      let r: Result<void>;
      try {
        // What a replay will see of the command is what runs now (share/wire.ts), so the two cannot differ.
        const recorded = asRecorded(cmd);
        r = recorded.ok ? sim.dispatch(recorded.value) : recorded;
      } catch (e) {
        // A programmer error must not take the page down: show it, keep the simulation.
        r = { ok: false, error: failure('E_SCHEMA', `Something went wrong: ${(e as Error).message}`) };
      }
      store.setState({ watching: false });
      flush();
      return notify(r);
    },
    /** Called once per animation frame with the wall clock in milliseconds. Never throws: a bug stops the clock. */
    tick(wallMs: number) {
      const dt = lastWall === null ? 0 : Math.min((wallMs - lastWall) / 1000, maxFrame);
      lastWall = wallMs;
      const s = store.getState();
      if (s.crash) return;
      try {
        if (s.playing && dt > 0) {
          const t = sim.now() + dt * s.speed;
          if (s.watching) {
            if (!sim.follow(t)) store.setState({ watching: false, playing: false });
          } else sim.advanceTo(t);
        }
        const since = wallMs - lastLiveFlush;
        if ((pending.length > 0 && since >= EVENT_FLUSH_MS) || (s.playing && since >= CLOCK_FLUSH_MS)) {
          lastLiveFlush = wallMs;
          flush();
        }
      } catch (e) {
        hold();
        store.setState({ crash: (e as Error)?.message ?? String(e) });
      }
    },
    /** After the clock stopped on a bug: back to the moment before, paused, to carry on from there. */
    undoLastStep(): Result<void> {
      const r = sim.seek(Math.max(0, sim.moment() - 1));
      store.setState({ crash: null });
      rebuild();
      return notify(r);
    },
    play() {
      sim.miner.setPaused(false);
      store.setState({ playing: true });
    },
    /** Pause, and show the present at once: what happened since the last live flush is not left out. */
    pause() {
      hold();
      flush();
    },
    /** Run exactly one pending input (pauses first), so a class can follow a resolve message by message. */
    step() {
      hold();
      sim.step();
      flush();
    },
    /** One input back on the timeline (pauses first). */
    stepBack(): Result<void> {
      hold();
      const r = notify(sim.stepBack());
      rebuild();
      return r;
    },
    /** Show moment `n` of the current branch (pauses first); play from there continues as a new branch. */
    seek(n: number): Result<void> {
      hold();
      const r = notify(sim.seek(n));
      rebuild();
      return r;
    },
    /** Go to the end of another branch of this run. */
    switchBranch(index: number): Result<void> {
      hold();
      const r = notify(sim.switchBranch(index));
      rebuild();
      return r;
    },
    setSpeed: (speed: number) => store.setState({ speed }),
    select: (id: string) => store.setState({ selected: id }),
    togglePresenter: () => store.setState((s) => ({ presenter: !s.presenter })),
    dismissNotice: (id: number) => store.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    /** Start over with new parameters (e.g. a new seed); the old simulation is disposed. */
    reset(params: Partial<SimParams>) {
      replace(startSim(params));
      flush();
    },
    /**
     * Replace the simulation by a recorded run (a share link, an autosave, a run file, a lesson). The new one is
     * built and checked first: on any error the current simulation is untouched and the error is returned.
     */
    load(payload: SharePayload, how: LoadOptions = {}): Result<void> {
      const replayed = replayRun(payload, {
        ...(makeMiner ? { miner: makeMiner } : {}),
        ...(options.net ? { net: options.net } : {}),
        eventCap: EVENT_CAP,
      });
      if (!replayed.ok) return replayed;
      replace(replayed.value);
      if (how.moment !== undefined && how.moment < sim.end()) {
        // Opened at an earlier moment: it stays on screen until someone presses Play (or it is watched).
        hold();
        const r = sim.seek(how.moment);
        if (!r.ok) return r;
        rebuild();
      }
      if (how.watch && sim.moment() < sim.end()) {
        sim.miner.setPaused(true);
        store.setState({ watching: true, playing: true });
      }
      return ok(undefined);
    },
    /** The run so far, as data: settings, seed, every input with its moment, and a check of the state. */
    runPayload: (): SharePayload => runPayload(sim),
    /** How many inputs are recorded (changes whenever the run does something worth saving). */
    recordedInputs: () => sim.log().length,
    /** Show an error that did not come from a command (e.g. a link that could not be opened). */
    notice: (error: Failure) => void notify({ ok: false, error }),
    flush,
    dispose() {
      unsubscribe();
      sim.dispose();
    },
  };
}

export type Controller = ReturnType<typeof createController>;
