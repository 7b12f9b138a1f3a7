// A real node's engine shell: the very world and step the simulation runs (docs/architecture.md "The world and
// step", "Real nodes"), interpreted against the wall clock and a real transport. A request to the node is an
// input whose answer is a `reply` effect; a request to a peer is a `send` effect whose answer comes back as an
// input; proofs come from a miner outside the world. Nothing about the node's behaviour lives here: only time
// and the ways out. The HTTP node (src/server/start.ts: fetch, a worker thread) and a classroom browser node
// (src/classroom/classNode.ts: the hub's WebSocket, a Web Worker) run this same shell.
import type { Failure } from '../core/errors';
import type { Effect } from '../sim/draft';
import type { MakeMiner, MinerPort, MiningProgress } from '../sim/minerPort';
import type { SimParams } from '../sim/params';
import type { Request, Response } from '../sim/protocol';
import { next, nextTime, setTime, step, type StepResult } from '../sim/step';
import { createWorld, type Address, type Input, type NodeState, type World } from '../sim/world';
import type { PeerOutcome } from '../http/askPeer';

export interface NodeEngineOptions {
  readonly name: string;
  readonly address: string;
  readonly params: SimParams;
  readonly miner: MakeMiner;
  /** Send a request to a real host; the answer, or why there is none. */
  readonly ask: (to: Address, request: Request) => Promise<PeerOutcome>;
  /** Called with the node before any 2xx answer leaves (the data file), so nothing answered is lost. */
  readonly persist?: (node: NodeState) => void;
  /** Milliseconds since the epoch (tests pass their own clock). */
  readonly now?: () => number;
  /**
   * The wall-clock moment (ms) the world's time 0 and the genesis timestamp stand for. Default: when the engine
   * starts, as each Python node stamps its own genesis. Nodes of one class share it, so they share a genesis.
   */
  readonly epochMs?: number;
  readonly onError?: (error: Failure) => void;
  /** Told after every step that changed the world (a page redraws, saves). */
  readonly onStep?: (result: StepResult) => void;
}

export interface NodeEngine {
  /** The node's answer to a tutorial request, once the node gives it (GET /mine waits for its block). */
  request(request: Request): Promise<Response>;
  /** Apply a command to the node's world (loading a saved chain, registering saved peers). */
  command(input: Extract<Input, { type: 'command' }>['command']): Failure | null;
  node(): NodeState;
  world(): World;
  /** What the miner's current job has done so far. */
  progress(): MiningProgress | null;
  /** Hold or resume the miner (a teacher's "pause all"); the node goes on answering. */
  setPaused(paused: boolean): void;
  stop(): void;
}

export function createNodeEngine(o: NodeEngineOptions): NodeEngine {
  const clock = o.now ?? Date.now;
  const start = o.epochMs ?? clock();
  // Python's time() at start is the genesis timestamp, as in the tutorial (each node has its own genesis).
  const params: SimParams = { ...o.params, genesisTimestamp: Math.round(start) / 1000 };
  let world = createWorld(params, 'external', true);
  const pending = new Map<number, (res: Response) => void>();
  let ids = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let persisted: NodeState | null = null;
  const port: MinerPort = o.miner((f) =>
    apply({
      type: 'found',
      node: self().id,
      jobId: f.jobId,
      proof: f.proof,
      hash: f.hash,
      attempts: f.attempts,
    }),
  );

  const seconds = () => (clock() - start) / 1000;
  const self = () => world.nodes[0] as NodeState;

  /** Run everything due by now, then the input; then the effects. */
  function apply(input: Input): Failure | null {
    if (stopped) return null;
    catchUp();
    const r = step(world, input);
    if (r.error) return r.error;
    commit(r);
    arm();
    return null;
  }

  function catchUp(): void {
    const t = seconds();
    for (;;) {
      const due = nextTime(world);
      if (due === null || due > t) break;
      const r = next(world);
      if (!r) break;
      commit(r);
    }
    world = setTime(world, t);
  }

  function commit(r: StepResult): void {
    world = r.world;
    for (const ev of r.events) if (ev.type === 'error') o.onError?.(ev.error);
    o.onStep?.(r);
    const replies = r.effects.filter((e): e is Extract<Effect, { type: 'reply' }> => e.type === 'reply');
    if (replies.length > 0) save();
    for (const e of r.effects) run(e);
  }

  /** The data file is written before any answer leaves: a kill -9 after a 2xx loses nothing. */
  function save(): void {
    const n = world.nodes[0];
    if (!n || !o.persist) return;
    if (
      persisted &&
      persisted.chain === n.chain &&
      persisted.mempool === n.mempool &&
      persisted.peers === n.peers
    )
      return;
    o.persist(n);
    persisted = n;
  }

  function run(e: Effect): void {
    switch (e.type) {
      case 'mine':
        return port.start(e.job);
      case 'stop-mining':
        return port.stop(e.node);
      case 'reply': {
        const done = pending.get(e.id);
        pending.delete(e.id);
        return done?.(e.response);
      }
      case 'send':
        void o
          .ask(e.to, e.request)
          .then((outcome) => apply({ type: 'answer', from: e.to, replyTo: e.replyTo, outcome }));
        return;
    }
  }

  /** Wake up when the next scheduled input is due (a resolve's timeout, a found proof queued for now). */
  function arm(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    const due = nextTime(world);
    if (due === null || stopped) return;
    timer = setTimeout(
      () => {
        timer = null;
        catchUp();
        arm();
      },
      Math.max(0, (due - seconds()) * 1000),
    );
  }

  const added = apply({ type: 'command', command: { type: 'add-node', name: o.name, address: o.address } });
  if (added) throw new Error(added.message);

  return {
    request(request) {
      return new Promise((resolve) => {
        const id = ++ids;
        pending.set(id, resolve);
        const refused = apply({ type: 'inbound', id, to: self().address, request });
        if (refused) {
          pending.delete(id);
          resolve({ status: 500, body: { message: refused.message, code: refused.code } });
        }
      });
    },
    command: (command) => apply({ type: 'command', command }),
    node: () => {
      catchUp();
      return self();
    },
    world: () => world,
    progress: () => port.progress(self().id),
    setPaused: (paused) => port.setPaused?.(paused),
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      port.dispose();
      for (const done of pending.values()) done({ status: 503, body: { message: 'The node is stopping.' } });
      pending.clear();
    },
  };
}
