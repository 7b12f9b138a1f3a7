// The thin shell between the simulation and the UI (xyflow style: a framework-free controller, thin hooks).
// It owns the live clock (virtual time = wall time × speed; pause holds it; step runs one event) and batches
// simulation events into at most one store update per animation frame.
import { failure, ok, type Failure, type Result } from '../core/errors';
import type { SharePayload } from '../share/payload';
import { createRecorder, defaultMiner, type MakeMiner, type Recorder } from '../share/recorder';
import { replayRun } from '../share/replay';
import type { Command } from '../sim/commands';
import type { SimEvent } from '../sim/events';
import type { MinerPort, MiningProgress } from '../sim/miner';
import { DEFAULT_PARAMS, mergeParams, type SimParams } from '../sim/params';
import type { Scheduler } from '../sim/scheduler';
import { createSimulation, type Simulation } from '../sim/simulation';
import {
  appendCapped,
  createAppStore,
  LIMITS,
  type AppStore,
  type MinedEvent,
  type NodeView,
  type ResolveEvent,
  type TxEvent,
} from './appStore';
import type { MessageRecord } from '../sim/network';

export interface ControllerOptions {
  readonly params?: Partial<SimParams>;
  /** How proofs are found (default: in-process); `report` shows a miner's failure as a notice. */
  readonly miner?: (scheduler: Scheduler, report: (nodeId: string, error: Failure) => void) => MinerPort;
  /** Longest virtual step per frame, so a hidden tab does not jump ahead minutes when it comes back. */
  readonly maxFrameSeconds?: number;
}

const sameView = (a: NodeView, b: NodeView) =>
  (Object.keys(a) as (keyof NodeView)[]).every((k) => a[k] === b[k]);

export function createController(options: ControllerOptions = {}) {
  let noticeId = 0;
  const report = (node: string, error: Failure) =>
    store.setState((s) => ({ notices: appendCapped(s.notices, [{ id: ++noticeId, error, node }], 5) }));
  const makeMiner = (params: SimParams): MakeMiner => {
    const make = options.miner;
    return make ? (s: Scheduler) => make(s, report) : defaultMiner(params);
  };
  // Every command and every found proof is recorded, so the run can be shared and replayed (src/share).
  let recorder: Recorder;
  const startSim = (initial: Partial<SimParams>) => {
    const params = mergeParams(DEFAULT_PARAMS, initial);
    recorder = createRecorder(params);
    return createSimulation(params, { miner: recorder.miner(makeMiner(params)) });
  };
  let sim: Simulation = startSim(options.params ?? {});
  const store: AppStore = createAppStore({ params: sim.params() });
  let pending: SimEvent[] = [];
  let unsubscribe = sim.subscribe((ev) => pending.push(ev));
  let lastWall: number | null = null;
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

  /** Push everything that happened since the last flush into the store, in one update. */
  function flush() {
    const events = pending;
    pending = [];
    const s = store.getState();
    const nodes = nodeViews(s.nodes);
    const resolves = events.filter((e): e is ResolveEvent => e.type === 'resolve');
    const mined = events.filter((e): e is MinedEvent => e.type === 'block-mined');
    const txEvents = events.filter(
      (e): e is TxEvent => e.type === 'transaction' || e.type === 'chain-replaced',
    );
    const messages = events.flatMap((e): MessageRecord[] => (e.type === 'message' ? [e.message] : []));
    const errors = events.flatMap((e) =>
      e.type === 'error' ? [{ id: ++noticeId, error: e.error, ...(e.node ? { node: e.node } : {}) }] : [],
    );
    const progress: Record<string, MiningProgress | undefined> = {};
    for (const n of nodes) progress[n.id] = n.mining ? (sim.miner.progress(n.id) ?? undefined) : undefined;
    const heightChanged = events.some(
      (e) => e.type === 'block-mined' || e.type === 'chain-replaced' || e.type === 'node-added',
    );
    const point = Object.fromEntries(nodes.map((n) => [n.id, n.chain.length - 1]));
    const selected =
      s.selected && nodes.some((n) => n.id === s.selected) ? s.selected : (nodes[0]?.id ?? null);
    store.setState({
      now: sim.now(),
      params: sim.params(),
      nodes,
      selected,
      partitioned: sim.partition() !== null,
      progress,
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

  function notify(r: Result<void>): Result<void> {
    if (!r.ok)
      store.setState((s) => ({ notices: appendCapped(s.notices, [{ id: ++noticeId, error: r.error }], 5) }));
    return r;
  }

  const clearLists = () =>
    store.setState({
      resolves: [],
      mined: [],
      txEvents: [],
      messages: [],
      heights: [],
      notices: [],
      nodes: [],
    });

  return {
    store,
    sim: () => sim,
    dispatch(cmd: Command): Result<void> {
      let r: Result<void>;
      try {
        const undo = recorder.command(cmd);
        r = sim.dispatch(cmd);
        if (!r.ok) undo();
      } catch (e) {
        // A programmer error must not take the page down: show it, keep the simulation.
        r = { ok: false, error: failure('E_SCHEMA', `Something went wrong: ${(e as Error).message}`) };
      }
      flush();
      return notify(r);
    },
    /** Called once per animation frame with the wall clock in milliseconds. */
    tick(wallMs: number) {
      const dt = lastWall === null ? 0 : Math.min((wallMs - lastWall) / 1000, maxFrame);
      lastWall = wallMs;
      const s = store.getState();
      if (s.playing && dt > 0) sim.advanceTo(sim.now() + dt * s.speed);
      if (pending.length > 0 || s.playing) flush();
    },
    play() {
      sim.miner.setPaused?.(false);
      store.setState({ playing: true });
    },
    pause() {
      sim.miner.setPaused?.(true);
      store.setState({ playing: false });
    },
    /** Run exactly one pending event (pauses first), so a class can follow a resolve message by message. */
    step() {
      sim.miner.setPaused?.(true);
      store.setState({ playing: false });
      sim.step();
      flush();
    },
    setSpeed: (speed: number) => store.setState({ speed }),
    select: (id: string) => store.setState({ selected: id }),
    togglePresenter: () => store.setState((s) => ({ presenter: !s.presenter })),
    dismissNotice: (id: number) => store.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    /** Start over with new parameters (e.g. a new seed); the old simulation is disposed. */
    reset(params: Partial<SimParams>) {
      unsubscribe();
      sim.dispose();
      sim = startSim(params);
      unsubscribe = sim.subscribe((ev) => pending.push(ev));
      pending = [];
      clearLists();
      flush();
    },
    /**
     * Replace the simulation by a recorded run (a share link, an autosave, a run file). The new one is built and
     * checked first: on any error the current simulation is untouched and the error is returned.
     */
    load(payload: SharePayload): Result<void> {
      const replayed = replayRun(payload, { miner: makeMiner(payload.params) });
      if (!replayed.ok) return replayed;
      unsubscribe();
      sim.dispose();
      sim = replayed.value.sim;
      recorder = replayed.value.recorder;
      unsubscribe = sim.subscribe((ev) => pending.push(ev));
      // The panels show the replayed history as if it had just happened.
      pending = [...sim.events()];
      sim.miner.setPaused?.(!store.getState().playing);
      clearLists();
      flush();
      return ok(undefined);
    },
    /** The run so far, as data: settings, seed, every input with its time, and a check of the state. */
    runPayload: (): SharePayload => recorder.payload(sim),
    /** How many inputs are recorded (changes whenever the run does something worth saving). */
    recordedInputs: () => recorder.size(),
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
