// A student's browser as a node of the class (docs/architecture.md "A classroom network"): the HTTP node's
// engine shell (src/http/nodeEngine.ts) — one node's world with `remote` set, against the wall clock — with the
// class link (link.ts) as its way out instead of fetch. Its requests to peers leave as the tutorial's HTTP
// requests and their answers are read as the HTTP node reads a peer's (src/http/askPeer.ts outcomeOf); requests
// to it arrive through the hub and are answered byte for byte as over HTTP (src/http/wire.ts).
import { hashBlock } from '../core/block';
import type { Failure } from '../core/errors';
import { outcomeOf, type PeerOutcome } from '../http/askPeer';
import { createNodeEngine, type NodeEngine } from '../http/nodeEngine';
import { dataText, restoreNode, type Saved } from '../http/nodeData';
import { bodyText, flaskJson, httpAnswer, requestOf } from '../http/wire';
import type { MakeMiner, MiningProgress } from '../sim/minerPort';
import type { Request, Response } from '../sim/protocol';
import type { StepResult } from '../sim/step';
import type { Address, NodeState } from '../sim/world';
import { classParams, PEER_TIMEOUT_S, stepsDue } from './classParams';
import type { ClassLink, Welcome } from './link';
import { LIMITS, type ClassSettings, type NodeStatus, type WireAnswer, type WireRequest } from './messages';
import { lineOf, notRestoredLine, type LogLine } from './nodeLog';

export interface ClassNodeOptions {
  readonly welcome: Welcome;
  readonly link: Pick<ClassLink, 'ask' | 'status'>;
  readonly miner: MakeMiner;
  /** What this page kept of the node the last time (null: a new node). */
  readonly saved: Saved | null;
  /** Keep the node's text (src/http/nodeData.ts) where the page will find it when it comes back. */
  readonly save: (text: string) => void;
  /** A peer's name for the log, from its address. */
  readonly nameOf?: (address: string) => string;
  readonly now?: () => number;
}

export interface ClassNodeView {
  readonly node: NodeState;
  readonly log: readonly LogLine[];
  readonly difficulty: number;
  readonly paused: boolean;
  readonly progress: MiningProgress | null;
}

export interface ClassNode {
  readonly name: string;
  readonly address: string;
  /** Restore, register with the class, catch up: once, after the welcome. */
  start(): Promise<void>;
  /** A request from the class to this node, answered as over HTTP. */
  answer(req: WireRequest): Promise<WireAnswer>;
  /** The student's own requests to their node, as the tutorial's curl would make them. */
  request(req: Request): Promise<Response>;
  autoMine(on: boolean): void;
  /** The class's settings changed: the difficulty (taken when due, classParams.ts stepsDue), pause. */
  settings(s: ClassSettings): void;
  /** Register nodes that joined the class since (the hub's welcome on a reconnect). */
  meet(peers: readonly string[]): Promise<void>;
  view(): ClassNodeView;
  /** Keep the node in the page's storage now (the page is going away). */
  flush(): void;
  /** Read the miner's progress again (the page asks a few times a second). */
  touch(): void;
  subscribe(listener: () => void): () => void;
  stop(): void;
}

const LOG_KEPT = 60;
/** Redraws and saves are gathered: a resolve of 30 peers is one redraw, not 30. */
const REDRAW_MS = 100;
const SAVE_MS = 500;
const STATUS_MS = 200;

export function createClassNode(o: ClassNodeOptions): ClassNode {
  const { welcome } = o;
  const me = welcome.name;
  const nameOf = o.nameOf ?? ((a: string) => a);
  let settings = welcome.settings;
  /** Difficulty steps taken: the first is the class's difficulty at the start. */
  let taken = 1;
  let log: LogLine[] = [];
  let lines = 0;
  let view: ClassNodeView | null = null;
  let engine: NodeEngine | null = null;
  let stopped = false;
  const listeners = new Set<() => void>();
  const timers: Record<'redraw' | 'save' | 'status', ReturnType<typeof setTimeout> | null> = {
    redraw: null,
    save: null,
    status: null,
  };
  let lastSaved: NodeState | null = null;
  let lastStatus = '';

  function later(which: 'redraw' | 'save' | 'status', ms: number, fn: () => void): void {
    if (timers[which] || stopped) return;
    timers[which] = setTimeout(() => {
      timers[which] = null;
      if (!stopped) fn();
    }, ms);
  }

  function stepped(r: StepResult): void {
    for (const ev of r.events) {
      const line = lineOf(ev, me, nameOf);
      if (line) log = [...log, { id: ++lines, ...line }].slice(-LOG_KEPT);
    }
    view = null;
    later('redraw', REDRAW_MS, tell);
    later('save', SAVE_MS, save);
    later('status', STATUS_MS, report);
    // A step that moved the tip may make a raised difficulty due; not from inside the step that is running.
    queueMicrotask(takeSteps);
  }

  function tell(): void {
    for (const l of listeners) l();
  }

  function save(): void {
    const n = engine?.node();
    if (!n) return;
    if (
      lastSaved &&
      lastSaved.chain === n.chain &&
      lastSaved.mempool === n.mempool &&
      lastSaved.peers === n.peers
    )
      return;
    lastSaved = n;
    o.save(dataText(n));
  }

  function status(): NodeStatus {
    const n = (engine as NodeEngine).node();
    const recent: string[] = [];
    for (let l: typeof n.chain | null = n.chain; l && recent.length < LIMITS.recent; l = l.parent)
      recent.push(hashBlock(l.block));
    return {
      height: n.chain.length,
      tip: recent[0] as string,
      recent,
      mining: n.autoMine || n.job !== null,
    };
  }

  function report(): void {
    if (!engine) return;
    const s = status();
    const key = `${s.tip} ${s.mining}`;
    if (key === lastStatus) return;
    lastStatus = key;
    o.link.status(s);
  }

  function takeSteps(): void {
    if (!engine || stopped) return;
    const w = engine.world();
    const due = stepsDue(settings.steps, taken, engine.node().chain.length, w.params.pow.difficulty);
    for (const s of due) {
      taken++;
      if (s.difficulty !== engine.world().params.pow.difficulty)
        engine.command({ type: 'set-params', patch: { pow: { difficulty: s.difficulty } } });
    }
  }

  async function ask(to: Address, req: Request): Promise<PeerOutcome> {
    const wire: WireRequest = { method: req.method, path: req.path, body: bodyText(req) };
    // The world times the peer out itself (classParams.ts); this only frees the link's record a little later.
    const out = await o.link.ask(to, wire, PEER_TIMEOUT_S * 1000 + 1000);
    if ('error' in out) return out;
    return outcomeOf(to, req, out.answer.status, out.answer.body);
  }

  engine = createNodeEngine({
    name: me,
    address: welcome.address,
    params: classParams(settings),
    miner: o.miner,
    ask,
    // Every node of the class counts time from the class's genesis, so their blocks carry the wall clock.
    epochMs: settings.genesisTimestamp * 1000,
    onStep: stepped,
    ...(o.now ? { now: o.now } : {}),
  });
  const node = engine;
  node.setPaused(settings.paused);

  const problem = (f: Failure): WireAnswer => ({
    status: f.code === 'E_NOT_FOUND' ? 404 : 400,
    contentType: 'application/json',
    body: flaskJson({ code: f.code, message: f.message }),
  });

  async function meet(peers: readonly string[]): Promise<void> {
    const known = new Set<string>(node.node().peers);
    const fresh = peers.filter((p) => p !== welcome.address && !known.has(p));
    if (fresh.length === 0) return;
    await node.request({ method: 'POST', path: '/nodes/register', body: { nodes: fresh } });
    // The tutorial's way to join: ask each node to register this one.
    const hello = {
      method: 'POST',
      path: '/nodes/register',
      body: flaskJson({ nodes: [welcome.address] }),
    } as const;
    await Promise.all(fresh.map((p) => o.link.ask(p, hello, PEER_TIMEOUT_S * 1000)));
  }

  return {
    name: me,
    address: welcome.address,
    async start() {
      if (o.saved) {
        const restored = await restoreNode(node, o.saved);
        if (restored) log = [...log, { id: ++lines, ...notRestoredLine(restored) }];
      }
      takeSteps();
      await meet(welcome.peers);
      await node.request({ method: 'GET', path: '/nodes/resolve' });
      report();
    },
    async answer(req) {
      const r = requestOf(req.method, req.path, req.body, LIMITS.body);
      if (!r.ok) return problem(r.error);
      const a = httpAnswer(await node.request(r.value));
      return { status: a.status, contentType: a.type, body: a.body };
    },
    request: (req) => node.request(req),
    autoMine(on) {
      node.command({ type: 'auto-mine', node: me, on });
    },
    settings(s) {
      settings = s;
      node.setPaused(s.paused);
      takeSteps();
      view = null;
      tell();
    },
    meet,
    view() {
      if (view) return view;
      view = {
        node: node.node(),
        log,
        difficulty: node.world().params.pow.difficulty,
        paused: settings.paused,
        progress: node.progress(),
      };
      return view;
    },
    flush: () => {
      if (!stopped) save();
    },
    touch() {
      view = null;
      tell();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      if (stopped) return;
      save();
      stopped = true;
      for (const t of Object.values(timers)) if (t) clearTimeout(t);
      node.stop();
      listeners.clear();
    },
  };
}
