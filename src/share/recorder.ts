// Records a run's inputs as it happens, and plays them back (src/share/payload.ts explains the format).
//
// It sits between the simulation and its miner: the miner gets a scheduler whose events are marked as the
// miner's own (a Web Worker's found proof arrives as one; the in-process miner hashes in slices), so the count
// of *simulation* events is the same whether proofs are hashed, drawn or replayed. In replay mode the nodes'
// mining jobs are held, not hashed, and each recorded proof is delivered at its recorded point; `goLive` then
// hands the jobs that are still open to the real miner, and recording goes on from there.
import { hashBlock } from '../core/block';
import { proofHash, type Found } from '../core/pow';
import type { Block } from '../core/types';
import { createEventMiner } from '../sim/eventMiner';
import { createInProcessMiner, type MinerPort, type MiningJob } from '../sim/miner';
import type { SimParams } from '../sim/params';
import type { Rng } from '../math/rng';
import type { Scheduler } from '../sim/scheduler';
import type { Simulation } from '../sim/simulation';
import type { Command } from '../sim/commands';
import { SHARE_VERSION, type FoundEntry, type LogEntry, type SharePayload } from './payload';

export type MakeMiner = (scheduler: Scheduler, rng: Rng) => MinerPort;

/** The simulation's own choice when no miner is given (src/sim/simulation.ts). */
export function defaultMiner(params: SimParams): MakeMiner {
  return (s, rng) => (params.eventMode ? createEventMiner(s, rng) : createInProcessMiner(s));
}

interface Point {
  readonly at: number;
  readonly ran: number;
  readonly delay: number | null;
  /** Order of occurrence: a proof scheduled before a command is replayed before it. */
  readonly order: number;
}

interface Held {
  readonly job: MiningJob;
  readonly onFound: (found: Found) => void;
}

export interface Recorder {
  /** The `miner` option for createSimulation: the real miner, wrapped. */
  miner(make: MakeMiner): MakeMiner;
  /** Log a command about to be dispatched; call the returned function if the simulation refused it. */
  command(cmd: Command): () => void;
  /** Simulation events run so far (the `ran` of the next input). */
  ran(): number;
  /** Replay: deliver a recorded proof at this point (now, or after its recorded delay). */
  deliver(entry: FoundEntry): void;
  /** Replay is over: open jobs go to the real miner and new inputs are recorded. */
  goLive(): void;
  payload(sim: Simulation): SharePayload;
  /** Inputs recorded so far (for "has anything changed since the last save"). */
  size(): number;
}

export function createRecorder(params: SimParams, replaying: readonly LogEntry[] | null = null): Recorder {
  let live = replaying === null;
  let scheduler: Scheduler | null = null;
  let real: MinerPort | null = null;
  let minerEvents = 0;
  let delivered = 0;
  let order = 0;
  let current: Point | null = null;
  const held = new Map<string, Held>();
  const log: { order: number; entry: LogEntry }[] = (replaying ?? []).map((entry) => ({
    order: ++order,
    entry,
  }));
  const ran = () => (scheduler ? scheduler.executed() - minerEvents + delivered : 0);

  const insert = (item: { order: number; entry: LogEntry }) => {
    let i = log.length;
    while (i > 0 && (log[i - 1] as { order: number }).order > item.order) i--;
    log.splice(i, 0, item);
  };

  const minerScheduler = (s: Scheduler): Scheduler => ({
    ...s,
    after(delay, run) {
      const point: Point = { at: s.now(), ran: ran(), delay, order: ++order };
      return s.after(delay, () => {
        minerEvents++;
        const outer = current;
        current = point;
        try {
          run();
        } finally {
          current = outer;
        }
      });
    },
  });

  /** Every proof a miner reports passes here, live or replayed. */
  const reporting =
    (job: MiningJob, onFound: (found: Found) => void) =>
    (found: Found): void => {
      const s = scheduler as Scheduler;
      const point = current ?? { at: s.now(), ran: ran(), delay: null, order: ++order };
      delivered++;
      if (live) {
        const entry: FoundEntry = {
          kind: 'found',
          ran: point.ran,
          at: point.at,
          delay: point.delay,
          node: job.nodeId,
          job: job.jobId,
          proof: found.proof,
          attempts: found.attempts,
        };
        insert({ order: point.order, entry });
      }
      onFound(found);
    };

  return {
    miner(make) {
      return (s, rng) => {
        scheduler = s;
        const port = make(minerScheduler(s), rng);
        real = port;
        return {
          start(job, onFound) {
            const report = reporting(job, onFound);
            if (live) port.start(job, report);
            else held.set(job.nodeId, { job, onFound: report });
          },
          stop(nodeId) {
            held.delete(nodeId);
            if (live) port.stop(nodeId);
          },
          progress: (nodeId) => (live ? port.progress(nodeId) : null),
          setPaused: (paused) => port.setPaused?.(paused),
          dispose: () => port.dispose(),
        };
      };
    },
    command(cmd) {
      // Logged before it runs: a proof the command's own job schedules must come after it in the log.
      const item = {
        order: ++order,
        entry: { kind: 'command', ran: ran(), at: now(), cmd: copy(cmd) } as const,
      };
      if (live) log.push(item);
      return () => {
        const i = log.indexOf(item);
        if (i >= 0) log.splice(i, 1);
      };
    },
    ran,
    deliver(entry) {
      const s = scheduler as Scheduler;
      const go = () => {
        const h = held.get(entry.node);
        // Stale, as the live miner would have dropped it: the node moved on to another job.
        if (!h || h.job.jobId !== entry.job) return;
        held.delete(entry.node);
        h.onFound({
          proof: entry.proof,
          attempts: entry.attempts,
          hash: proofHash(h.job.input, entry.proof),
        });
      };
      if (entry.delay === null) go();
      else minerScheduler(s).after(entry.delay, go);
    },
    goLive() {
      live = true;
      for (const h of held.values()) real?.start(h.job, h.onFound);
      held.clear();
    },
    payload(sim) {
      return {
        v: SHARE_VERSION,
        params,
        log: log.map((l) => l.entry),
        check: {
          ran: ran(),
          at: sim.now(),
          heads: sim.nodes().map((n) => ({
            id: n.id,
            length: n.chain().length,
            tip: hashBlock(n.chain()[n.chain().length - 1] as Block),
            pending: n.mempool().length,
          })),
        },
      };
    },
    size: () => log.length,
  };

  function now(): number {
    return scheduler ? scheduler.now() : 0;
  }
}

/** Commands are plain data; a JSON copy is what a replay will see, so record exactly that. */
function copy(cmd: Command): Command {
  return JSON.parse(JSON.stringify(cmd)) as Command;
}
