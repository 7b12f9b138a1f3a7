// The whole simulation as one immutable value (docs/architecture.md "The world and step"): time, every node's
// chain, mempool, peers, mining job and resolve in flight, the messages and timers still to come, the
// partition, the settings and the random streams. `step` (step.ts) maps a world and an input to the next world;
// nothing else changes it, so any world can be kept, restored and continued, and the same inputs give the same
// worlds byte for byte.
import { genesisBlock } from '../core/block';
import { genesisLink, type Link } from '../core/chain';
import type { Failure } from '../core/errors';
import type { PowParams, ProofInput } from '../core/pow';
import type { RetargetRule } from '../core/retarget';
import type { Transaction, Block } from '../core/types';
import { forkState, rngState, type RngState } from '../math/rng';
import type { Command } from './commands';
import type { Heap } from './heap';
import type { SimParams } from './params';
import type { Policy } from './policy';
import type { Request, Response } from './protocol';

declare const brand: unique symbol;
/** A node's name, as commands and panels speak of it: "alice". */
export type NodeId = string & { readonly [brand]: 'NodeId' };
/** A node's network address, as peers register and the bus routes it: "alice:5000". */
export type Address = string & { readonly [brand]: 'Address' };

/** The teacher's browser (or a curl): always connected, no latency. Its requests are the tutorial's curls. */
export const CLIENT = 'client' as Address;

export const addressOf = (id: NodeId): Address => `${id}:5000` as Address;

/**
 * How proofs are found (docs/architecture.md "Mining"): `hash` hashes for real inside the step, with virtual
 * time = attempts / hash rate; `event` draws the waiting time from the exponential distribution; `external`
 * asks a miner outside the world (Web Workers) through effects, and its proofs come back as inputs.
 */
export type MinerKind = 'hash' | 'event' | 'external';

export type ResolveTrigger = 'manual' | 'periodic' | 'announce' | 'final';

/** Where the answer to a request goes. */
export type ReplyTo =
  | { readonly kind: 'none' }
  /** A request from outside the world (an HTTP client): its answer leaves as a `reply` effect. */
  | { readonly kind: 'client'; readonly id: number }
  /** One peer's GET /chain in a node's resolve. */
  | { readonly kind: 'resolve'; readonly node: NodeId; readonly resolveId: number; readonly slot: number }
  /** A look at a real node's chain (connect or refresh): the answer only updates what the world knows of it. */
  | { readonly kind: 'host'; readonly address: Address };

/**
 * A real node this world is connected to (the app's "Connect a real node"): not simulated, reached over HTTP by
 * `send` effects, and only with GET /chain — the world reads real nodes, it never writes to them. What it last
 * answered is part of the world, so a replay shows the same.
 */
export interface Host {
  readonly address: Address;
  /** Where its requests go: "http://127.0.0.1:5000", or a Chainlab node's relay to it. */
  readonly url: string;
  /** Its chain as last seen (null until it answered one). */
  readonly chain: Link | null;
  /** When it last answered, and the problem if it did not. */
  readonly checkedAt: number | null;
  readonly error: Failure | null;
}

/** A request a node has received and will answer later (GET /mine, GET /nodes/resolve). */
export interface Held {
  readonly from: Address;
  readonly label: string;
  readonly replyTo: ReplyTo;
}

export interface Slice {
  readonly startedAt: number;
  /** Attempts of the job before this slice. */
  readonly attemptsBefore: number;
  /** Attempts this slice makes (up to and including the proof, if it finds one). */
  readonly attempts: number;
  readonly found: { readonly proof: number; readonly hash: string } | null;
  /** The last and lowest hashes once this slice is done (shown from then on). */
  readonly lastHash: string;
  readonly bestHash: string;
}

export interface Job {
  readonly jobId: number;
  /** The chain the block will extend. */
  readonly tip: Link;
  readonly pow: PowParams;
  readonly startedAt: number;
  /** The header rule binds the block's contents, so they are fixed when the job starts. */
  readonly pending: readonly Transaction[];
  readonly timestamp: number;
  readonly input: ProofInput;
  readonly startNonce: number;
  /** Attempts per virtual second (base rate × share). */
  readonly hashRate: number;
  readonly share: number;
  /** `hash` miner: the slice being hashed now (null for the other miners). */
  readonly slice: Slice | null;
  /** `hash` miner: what the slices before this one showed. */
  readonly lastHash: string;
  readonly bestHash: string;
}

export type PeerAnswer =
  { readonly chain: Link; readonly claimedLength: number } | { readonly error: Failure };

export interface Resolving {
  readonly id: number;
  readonly trigger: ResolveTrigger;
  readonly asked: readonly Address[];
  /** One slot per peer asked, in registration order; null until it answers or times out. */
  readonly answers: readonly (PeerAnswer | null)[];
  readonly waiting: number;
  /** The GET /nodes/resolve request to answer when done (none for announce, periodic, final). */
  readonly reply: Held | null;
}

export interface NodeState {
  readonly id: NodeId;
  readonly address: Address;
  readonly chain: Link;
  readonly mempool: readonly Transaction[];
  readonly peers: readonly Address[];
  /** Blocks this node dropped when it adopted another chain (the last 500). */
  readonly abandoned: readonly Block[];
  readonly share: number;
  readonly autoMine: boolean;
  readonly job: Job | null;
  /** GET /mine requests waiting for the next block. */
  readonly mineWaiting: readonly Held[];
  readonly resolving: Resolving | null;
  /** A resolve asked for while one was running: it runs next. */
  readonly resolveAgain: ResolveTrigger | null;
  /** What this node pays itself per block: 1, unless the bug lab makes it greedy. */
  readonly reward: number;
  /** The `length` its GET /chain claims; null = the truth (a liar shows flaw #50). */
  readonly claimedLength: number | null;
  /** The periodic resolve timer that is current (older ones are stale when they fire). */
  readonly periodic: number;
  /** Its own one-way latency on every link that touches it (`set-latency`, src/sim/bus.ts); none: the network's. */
  readonly latency?: number;
  /** How it departs from the honest node (`set-policy`, src/sim/policy.ts); none: honest. */
  readonly policy?: Policy;
}

/** Things that happen at a time: delivered messages, timers, found proofs. */
export type Scheduled =
  | {
      readonly type: 'request';
      readonly from: Address;
      readonly to: Address;
      readonly request: Request;
      readonly replyTo: ReplyTo;
      /** No answer goes back (a relayed block). */
      readonly oneWay?: true;
    }
  | {
      readonly type: 'response';
      readonly to: Address;
      readonly response: Response;
      readonly replyTo: ReplyTo;
    }
  | {
      readonly type: 'timeout';
      readonly node: NodeId;
      readonly resolveId: number;
      readonly slot: number;
      readonly peer: Address;
      readonly after: number;
    }
  /** The `hash` miner's slice is over: report its proof or hash the next slice. */
  | { readonly type: 'slice'; readonly node: NodeId; readonly jobId: number }
  /** A proof from the `event` miner, or from an external miner once it is due. */
  | {
      readonly type: 'proof';
      readonly node: NodeId;
      readonly jobId: number;
      readonly proof: number;
      readonly hash: string;
      readonly attempts: number;
    }
  | { readonly type: 'periodic'; readonly node: NodeId; readonly timer: number };

/** What can be given to `step`: a command, a proof from an external miner, or a scheduled thing that is due. */
export type Input =
  | { readonly type: 'command'; readonly command: Command }
  /** An external miner found a proof: it takes effect on the world's clock, not before (so not while paused). */
  | {
      readonly type: 'found';
      readonly node: NodeId;
      readonly jobId: number;
      readonly proof: number;
      readonly hash: string;
      readonly attempts: number;
    }
  | { readonly type: 'due'; readonly what: Scheduled }
  /** A request from outside the world (an HTTP client) to node `to`; its answer leaves as a `reply` effect. */
  | { readonly type: 'inbound'; readonly id: number; readonly to: Address; readonly request: Request }
  /** The answer a real host gave (or why it gave none) to a request this world sent it. */
  | {
      readonly type: 'answer';
      readonly from: Address;
      readonly replyTo: ReplyTo;
      readonly outcome: { readonly response: Response } | { readonly error: Failure };
    };

export interface DifficultyStep {
  readonly fromIndex: number;
  /** The slider's difficulty; under retargeting, the target the rule starts from. */
  readonly difficulty: number;
  /** The header rule's retargeting from this index on (docs/architecture.md "Retargeting"). */
  readonly retarget?: RetargetRule;
}

export interface World {
  readonly params: SimParams;
  readonly miner: MinerKind;
  /**
   * Addresses that are not nodes of this world are real hosts (an HTTP node, src/server): a message to one
   * leaves as a `send` effect and its answer comes back as an input. Otherwise such an address is unreachable.
   */
  readonly remote: boolean;
  /** Real nodes this world reads (a world without `remote`); a request to one other than GET /chain is not sent. */
  readonly hosts: readonly Host[];
  /** Virtual seconds since the start. */
  readonly time: number;
  /** Inputs applied so far: a moment of the run is named by this count. */
  readonly n: number;
  /** The next scheduling number (ties in time run in this order). */
  readonly seq: number;
  readonly queue: Heap<Scheduled> | null;
  /** In the order they joined. */
  readonly nodes: readonly NodeState[];
  /** Nodes ever added: names are never reused. */
  readonly named: number;
  readonly partition: readonly (readonly NodeId[])[] | null;
  readonly genesis: Link;
  /** Difficulty by block index: a change applies from the block after the highest one mined so far. */
  readonly schedule: readonly DifficultyStep[];
  readonly rng: {
    /** Periodic resolve offsets. */
    readonly root: RngState;
    readonly bus: RngState;
    /** Random start nonces. */
    readonly node: RngState;
    /** The event miner's waiting times. */
    readonly miner: RngState;
  };
  /** Counters for messages (their total is the message count), jobs, resolves and periodic timers. */
  readonly ids: {
    readonly message: number;
    readonly job: number;
    readonly resolve: number;
    readonly timer: number;
  };
}

/** A new world with no nodes. The random streams are derived from the seed exactly as before snapshots existed. */
export function createWorld(params: SimParams, miner: MinerKind, remote = false): World {
  const bus = forkState(rngState(params.seed));
  const node = forkState(bus.parent);
  return {
    params,
    miner,
    remote,
    hosts: [],
    time: 0,
    n: 0,
    seq: 0,
    queue: null,
    nodes: [],
    named: 0,
    partition: null,
    genesis: genesisLink(genesisBlock(params.genesisTimestamp)),
    schedule: [difficultyStep(2, params)],
    rng: {
      root: node.parent,
      bus: bus.child,
      node: node.child,
      // Derived from the seed without drawing from the root, so runs that do not use it keep their streams.
      miner: rngState((params.seed ^ 0x6d696e65) >>> 0),
    },
    ids: { message: 0, job: 0, resolve: 0, timer: 0 },
  };
}

/** The schedule's step from `fromIndex` on under settings `p`: the slider's difficulty, and its retarget rule. */
export function difficultyStep(fromIndex: number, p: SimParams): DifficultyStep {
  const { algorithm, interval, windowBlocks, halfLife } = p.retarget;
  return algorithm === 'none' || p.pow.rule !== 'header'
    ? { fromIndex, difficulty: p.pow.difficulty }
    : { fromIndex, difficulty: p.pow.difficulty, retarget: { algorithm, interval, windowBlocks, halfLife } };
}

export function difficultyAt(schedule: readonly DifficultyStep[], index: number): number {
  let d = (schedule[0] as DifficultyStep).difficulty;
  for (const s of schedule) if (index >= s.fromIndex) d = s.difficulty;
  return d;
}

export const nodeById = (w: World, id: string): NodeState | undefined => w.nodes.find((n) => n.id === id);

export const nodeByAddress = (w: World, address: string): NodeState | undefined =>
  w.nodes.find((n) => n.address === address);
