// The working copy one step writes to. It starts from a world, copies only what the step changes (the node
// list on first write, a node by spreading it), and closes into a new world; the world it started from is never
// touched, so `step` is a pure function even though it is written as a sequence of small updates.
import { rngFrom, type RngCursor, type RngState } from '../math/rng';
import type { SimEvent } from './events';
import { push, type Heap } from './heap';
import type { SimParams } from './params';
import type {
  Address,
  DifficultyStep,
  Host,
  MinerKind,
  NodeId,
  NodeState,
  ReplyTo,
  Scheduled,
  World,
} from './world';
import type { MiningJob } from './minerPort';
import type { Request, Response } from './protocol';

/** What a step asks of the world outside it: an external miner to start or stop, an answer for a client. */
export type Effect =
  | { readonly type: 'mine'; readonly job: MiningJob }
  /** A request for a real host (a world with `remote`): send it, and give its answer back as an input. */
  | {
      readonly type: 'send';
      readonly from: Address;
      readonly to: Address;
      readonly request: Request;
      readonly replyTo: ReplyTo;
      /** Where to send it, when not http://<to> (a real node reached through a relay). */
      readonly base?: string;
    }
  | { readonly type: 'stop-mining'; readonly node: NodeId }
  | { readonly type: 'reply'; readonly id: number; readonly response: Response };

type Streams = World['rng'];

/** The shared empty list of a step that emitted nothing (never written to). */
const NONE: never[] = Object.freeze([]) as unknown as never[];

export class Draft {
  miner: MinerKind;
  readonly remote: boolean;
  hosts: World['hosts'];
  readonly genesis: World['genesis'];
  params: SimParams;
  time: number;
  n: number;
  seq: number;
  queue: Heap<Scheduled> | null;
  nodes: readonly NodeState[];
  named: number;
  partition: World['partition'];
  schedule: readonly DifficultyStep[];
  private counters: World['ids'];
  private ownCounters = false;
  // Allocated on first use: most steps emit one or two events and no effect.
  events: SimEvent[] = NONE;
  effects: Effect[] = NONE;
  private streams: Streams;
  private cursors: Partial<Record<keyof Streams, RngCursor>> | null = null;
  private ownNodes = false;
  /** Node states made by this step: further updates change them in place (nobody else holds them yet). */
  private fresh: NodeState[] = NONE;

  constructor(w: World) {
    this.miner = w.miner;
    this.remote = w.remote;
    this.hosts = w.hosts;
    this.genesis = w.genesis;
    this.params = w.params;
    this.time = w.time;
    this.n = w.n;
    this.seq = w.seq;
    this.queue = w.queue;
    this.nodes = w.nodes;
    this.named = w.named;
    this.partition = w.partition;
    this.schedule = w.schedule;
    this.counters = w.ids;
    this.streams = w.rng;
  }

  /** A random stream of the world, drawn from in this step and written back when the step closes. */
  rng(name: keyof Streams): RngCursor {
    const cursors = (this.cursors ??= {});
    let c = cursors[name];
    if (!c) cursors[name] = c = rngFrom(this.streams[name]);
    return c;
  }

  node(id: string): NodeState | undefined {
    return this.nodes.find((n) => n.id === id);
  }

  nodeAt(address: string): NodeState | undefined {
    return this.nodes.find((n) => n.address === address);
  }

  /** The next number of a world counter (messages, jobs, resolves, timers). */
  nextId(name: keyof World['ids']): number {
    if (!this.ownCounters) {
      this.counters = { ...this.counters };
      this.ownCounters = true;
    }
    const ids = this.counters as { -readonly [K in keyof World['ids']]: number };
    return ++ids[name];
  }

  get ids(): World['ids'] {
    return this.counters;
  }

  /** Replace node `id` by `patch` applied to it; returns the new node state. */
  update(id: NodeId, patch: Partial<NodeState>): NodeState {
    const nodes = this.nodes;
    let i = 0;
    while (i < nodes.length && (nodes[i] as NodeState).id !== id) i++;
    const old = nodes[i];
    if (!old) throw new Error(`no node ${id}`);
    if (this.fresh.includes(old)) return Object.assign(old as NodeState, patch);
    const next = { ...old, ...patch };
    if (this.fresh === NONE) this.fresh = [];
    this.fresh.push(next);
    this.writableNodes()[i] = next;
    return next;
  }

  addNode(node: NodeState): void {
    this.writableNodes().push(node);
  }

  removeNode(id: NodeId): void {
    const nodes = this.writableNodes();
    nodes.splice(
      nodes.findIndex((n) => n.id === id),
      1,
    );
  }

  private writableNodes(): NodeState[] {
    if (!this.ownNodes) {
      this.nodes = [...this.nodes];
      this.ownNodes = true;
    }
    return this.nodes as NodeState[];
  }

  /** Schedule `what` after `delay` virtual seconds (never in the past). */
  after(delay: number, what: Scheduled): void {
    this.queue = push(this.queue, { time: this.time + Math.max(0, delay), seq: this.seq++, item: what });
  }

  emit(ev: SimEvent): void {
    if (this.events === NONE) this.events = [];
    this.events.push(ev);
  }

  effect(e: Effect): void {
    if (this.effects === NONE) this.effects = [];
    this.effects.push(e);
  }

  isAddress(a: string): a is Address {
    return this.nodes.some((n) => n.address === a);
  }

  host(address: string): Host | undefined {
    return this.hosts.find((h) => h.address === address);
  }

  close(): World {
    let rng = this.streams;
    if (this.cursors)
      for (const [name, c] of Object.entries(this.cursors) as [keyof Streams, RngCursor][])
        rng = { ...rng, [name]: c.state() as RngState };
    return {
      params: this.params,
      miner: this.miner,
      remote: this.remote,
      hosts: this.hosts,
      time: this.time,
      n: this.n,
      seq: this.seq,
      queue: this.queue,
      nodes: this.nodes,
      named: this.named,
      partition: this.partition,
      genesis: this.genesis,
      schedule: this.schedule,
      rng,
      ids: this.counters,
    };
  }
}
