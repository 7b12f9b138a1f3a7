// The facade (ARCHITECTURE.md): create, dispatch commands, step or advance the clock, subscribe to events.
// The same object runs headless (CLI, tests, experiments) and in the app; two simulations share nothing.
import { genesisBlock } from '../core/block';
import { fail, failure, ok, type Result } from '../core/errors';
import { DIFFICULTY_RANGE, isValidDifficulty } from '../core/pow';
import type { Chain } from '../core/types';
import type { ValidationOptions } from '../core/validate';
import { applyBugLabCommand } from './bugLab';
import type { Command } from './commands';
import { reminedChain, tamperedChain } from './edits';
import type { SimEvent } from './events';
import { createEventMiner } from './eventMiner';
import { createInProcessMiner, type MinerPort } from './miner';
import { CLIENT, createBus } from './network';
import { createNode, type SimNode } from './node';
import { DEFAULT_PARAMS, mergeParams, type SimParams } from './params';
import type { Request } from './protocol';
import { createRng, type Rng } from '../math/rng';
import { createScheduler, type Scheduler, type Timer } from './scheduler';

export const NODE_NAMES = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'grace',
  'heidi',
  'ivan',
  'judy',
];

export interface SimulationOptions {
  /**
   * How proofs are found; default: real hashing in-process with virtual time = attempts / hash rate, or drawn
   * block times when `params.eventMode` is set. `rng` is a seeded stream of the miner's own.
   */
  readonly miner?: (scheduler: Scheduler, rng: Rng) => MinerPort;
  /** Events kept in memory for `events()` (default 20 000; the oldest are dropped). */
  readonly eventCap?: number;
}

export function createSimulation(initial: Partial<SimParams> = {}, options: SimulationOptions = {}) {
  let params: SimParams = mergeParams(DEFAULT_PARAMS, initial);
  const scheduler = createScheduler();
  const rng = createRng(params.seed);
  const listeners = new Set<(ev: SimEvent) => void>();
  const events: SimEvent[] = [];
  const eventCap = options.eventCap ?? 20_000;
  const emit = (ev: SimEvent) => {
    events.push(ev);
    if (events.length > eventCap * 1.5) events.splice(0, events.length - eventCap);
    for (const l of listeners) l(ev);
  };
  const bus = createBus(
    scheduler,
    rng.fork(),
    () => params.net,
    (message) => emit({ type: 'message', at: message.sentAt, message }),
  );
  // Derived from the seed without drawing from `rng`, so runs that do not use it keep their exact streams.
  const minerRng = createRng((params.seed ^ 0x6d696e65) >>> 0);
  const miner = options.miner
    ? options.miner(scheduler, minerRng)
    : params.eventMode
      ? createEventMiner(scheduler, minerRng)
      : createInProcessMiner(scheduler);
  const genesis: Chain = [genesisBlock(params.genesisTimestamp)];
  // Difficulty by block index: a change applies from the block after the highest one mined so far.
  const schedule: { fromIndex: number; difficulty: number }[] = [
    { fromIndex: 2, difficulty: params.pow.difficulty },
  ];
  const difficultyAt = (index: number) => {
    let d = (schedule[0] as { difficulty: number }).difficulty;
    for (const s of schedule) if (index >= s.fromIndex) d = s.difficulty;
    return d;
  };
  const nodes = new Map<string, SimNode>();
  const periodic = new Map<string, Timer>();
  let jobIds = 0;
  let partitionIds: string[][] | null = null;
  let named = 0;

  const validation = (): ValidationOptions => ({
    pow: params.pow,
    strictness: params.strictness,
    difficultyAt,
    skipProof: params.eventMode,
  });
  const ctx = {
    scheduler,
    rng: rng.fork(),
    bus,
    miner,
    params: () => params,
    validation,
    difficultyAt,
    emit,
    timestamp: () => Math.round((params.genesisTimestamp + scheduler.now()) * 1e6) / 1e6,
    nextJobId: () => ++jobIds,
  };

  const schedulePeriodic = (node: SimNode) => {
    periodic.get(node.id)?.cancel();
    if (params.resolvePolicy !== 'periodic') return void periodic.delete(node.id);
    // Offset each node's first resolve so they do not all ask at the same instant.
    const first = params.resolveInterval * (0.5 + rng.next());
    const tick = (delay: number) =>
      periodic.set(
        node.id,
        scheduler.after(delay, () => {
          if (!nodes.has(node.id)) return;
          node.resolve('periodic');
          tick(params.resolveInterval);
        }),
      );
    tick(first);
  };

  const client = (node: SimNode, req: Request) => bus.request(CLIENT, node.netloc, req, null, () => {});

  const nodeOf = (id: string): Result<SimNode> => {
    const n = nodes.get(id);
    return n ? ok(n) : fail(failure('E_NO_SUCH_NODE', `There is no node called "${id}".`));
  };

  function addNode(share = 1): SimNode {
    const id = named < NODE_NAMES.length ? (NODE_NAMES[named] as string) : `node${named + 1}`;
    named++;
    const node = createNode(id, genesis, ctx);
    node.setShare(share);
    nodes.set(id, node);
    bus.attach(node.netloc, node.handle);
    emit({ type: 'node-added', at: scheduler.now(), node: id });
    schedulePeriodic(node);
    return node;
  }

  function setParams(next: SimParams): Result<void> {
    if (next.eventMode !== params.eventMode)
      return fail(
        failure('E_BAD_PARAM', 'Event mode is chosen when a simulation is created, not during a run.'),
      );
    if (!Object.hasOwn(DIFFICULTY_RANGE, next.pow.rule))
      return fail(failure('E_BAD_PARAM', `The proof rule must be tutorial, tutorial-original or header.`));
    if (!(next.hashRate > 0 && Number.isFinite(next.hashRate)))
      return fail(failure('E_BAD_PARAM', 'The hash rate must be a number above 0.'));
    if (!(next.resolveInterval > 0 && Number.isFinite(next.resolveInterval)))
      return fail(failure('E_BAD_PARAM', 'The resolve interval must be a number of seconds above 0.'));
    if (!(next.timeout >= 0 && Number.isFinite(next.timeout)))
      return fail(failure('E_BAD_PARAM', 'The timeout must be a number of seconds, 0 or more.'));
    if (!isValidDifficulty(next.pow)) {
      const r = DIFFICULTY_RANGE[next.pow.rule];
      return fail(
        failure(
          'E_BAD_PARAM',
          `Difficulty must be a whole number from ${r.min} to ${r.max} for the ${next.pow.rule} rule.`,
        ),
      );
    }
    if (!(next.net.loss >= 0 && next.net.loss <= 1) || !(next.net.latency >= 0) || !(next.net.jitter >= 0))
      return fail(failure('E_BAD_PARAM', 'Latency must be ≥ 0 and loss between 0 and 1.'));
    const before = params;
    params = next;
    if (before.pow.difficulty !== next.pow.difficulty || before.pow.rule !== next.pow.rule) {
      const height = Math.max(...[...nodes.values()].map((n) => n.chain().length));
      schedule.push({ fromIndex: height + 1, difficulty: next.pow.difficulty });
      for (const n of nodes.values()) n.restartMining();
    }
    if (before.resolvePolicy !== next.resolvePolicy || before.resolveInterval !== next.resolveInterval)
      for (const n of nodes.values()) schedulePeriodic(n);
    emit({ type: 'params', at: scheduler.now(), what: JSON.stringify(next) });
    return ok(undefined);
  }

  /** Apply a student's edit (edits.ts) to one node's copy of the chain. */
  function editChain(node: SimNode, edited: Result<Chain>, after?: () => void): Result<void> {
    if (!edited.ok) return edited;
    node.setChain(edited.value);
    after?.();
    return ok(undefined);
  }

  function dispatch(cmd: Command): Result<void> {
    switch (cmd.type) {
      case 'add-node':
        addNode(cmd.share);
        return ok(undefined);
      case 'remove-node':
        return withNode(cmd.node, (n) => {
          n.retire();
          miner.stop(n.id);
          periodic.get(n.id)?.cancel();
          bus.detach(n.netloc);
          nodes.delete(n.id);
          emit({ type: 'node-removed', at: scheduler.now(), node: n.id });
        });
      case 'register':
        return withNode(cmd.node, (n) =>
          client(n, { method: 'POST', path: '/nodes/register', body: { nodes: cmd.urls } }),
        );
      case 'register-all':
        for (const n of nodes.values()) {
          const urls = [...nodes.values()].filter((m) => m !== n).map((m) => m.url);
          client(n, { method: 'POST', path: '/nodes/register', body: { nodes: urls } });
        }
        return ok(undefined);
      case 'mine':
        return withNode(cmd.node, (n) => client(n, { method: 'GET', path: '/mine' }));
      case 'auto-mine':
        return withNode(cmd.node, (n) => n.setAutoMine(cmd.on));
      case 'transaction':
        return withNode(cmd.node, (n) =>
          client(n, { method: 'POST', path: '/transactions/new', body: cmd.body }),
        );
      case 'resolve':
        return withNode(cmd.node, (n) => client(n, { method: 'GET', path: '/nodes/resolve' }));
      case 'partition':
        partitionIds = cmd.groups.length > 1 ? cmd.groups.map((g) => [...g]) : null;
        // The bus routes by address (alice:5000); commands and the UI speak of node ids.
        bus.setPartition(cmd.groups.map((g) => g.map((id) => nodes.get(id)?.netloc ?? id)));
        emit({ type: 'params', at: scheduler.now(), what: `partition ${JSON.stringify(cmd.groups)}` });
        return ok(undefined);
      case 'heal':
        partitionIds = null;
        bus.setPartition(null);
        emit({ type: 'params', at: scheduler.now(), what: 'heal' });
        return ok(undefined);
      case 'set-share':
        if (!(cmd.share > 0 && cmd.share <= 1))
          return fail(failure('E_BAD_PARAM', 'Hash power must be between 0 and 100 %.'));
        return withNode(cmd.node, (n) => n.setShare(cmd.share));
      case 'set-params':
        return setParams(mergeParams(params, cmd.patch));
      case 'tamper':
        return onNode(cmd.node, (n) =>
          editChain(n, tamperedChain(n.chain(), cmd.blockNumber, cmd.txIndex, cmd.tx), () =>
            emit({ type: 'tampered', at: scheduler.now(), node: n.id, blockNumber: cmd.blockNumber }),
          ),
        );
      case 'remine':
        return onNode(cmd.node, (n) =>
          editChain(
            n,
            reminedChain(n.chain(), cmd.fromBlock, (index) => ({
              ...params.pow,
              difficulty: difficultyAt(index),
            })),
          ),
        );
      case 'set-reward':
      case 'claim-length':
      case 'copy-proof':
      case 'load-chain':
        return applyBugLabCommand(cmd, nodeOf, { validation, emit, now: () => scheduler.now() });
    }
  }

  function onNode(id: string, act: (n: SimNode) => Result<void>): Result<void> {
    const n = nodeOf(id);
    return n.ok ? act(n.value) : n;
  }

  function withNode(id: string, act: (n: SimNode) => void): Result<void> {
    const n = nodeOf(id);
    if (!n.ok) return n;
    act(n.value);
    return ok(undefined);
  }

  /** The best chain any node holds (longest, first node on ties). */
  function bestChain(): Chain {
    let best: Chain = genesis;
    for (const n of nodes.values()) if (n.chain().length > best.length) best = n.chain();
    return best;
  }

  return {
    params: () => params,
    now: () => scheduler.now(),
    nodes: (): readonly SimNode[] => [...nodes.values()],
    node: (id: string) => nodes.get(id),
    dispatch,
    step: () => scheduler.step(),
    advanceTo: (t: number) => scheduler.advanceTo(t),
    peek: () => scheduler.peek(),
    /** Run events until `done()` holds or virtual time passes `maxTime`; true if `done()` held. */
    runUntil(done: () => boolean, maxTime = Number.POSITIVE_INFINITY): boolean {
      while (!done()) {
        const t = scheduler.peek();
        if (t === null || t > maxTime) return false;
        scheduler.step();
      }
      return true;
    },
    subscribe(listener: (ev: SimEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    events: (): readonly SimEvent[] => events,
    messages: () => bus.log(),
    messageCount: () => bus.count(),
    /** The partition as node ids (null when the network is whole). */
    partition: (): readonly (readonly string[])[] | null => partitionIds,
    difficultyAt,
    validation,
    bestChain,
    miner,
    dispose() {
      miner.dispose();
      for (const t of periodic.values()) t.cancel();
      listeners.clear();
    },
  };
}

export type Simulation = ReturnType<typeof createSimulation>;
