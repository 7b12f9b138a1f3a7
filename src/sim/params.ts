// Everything a run depends on, in one plain object (docs/architecture.md "The world and step": set once, read by nodes and miners).
import type { ForkChoice } from '../core/consensus';
import type { PowParams } from '../core/pow';
import type { RetargetAlgorithm } from '../core/retarget';
import type { Strictness } from '../core/validate';
import type { NetParams } from './bus';

/**
 * When nodes compare chains. `manual` is the tutorial's (only when someone calls GET /nodes/resolve); `periodic`
 * every `resolveInterval`; `on-announce`: a miner announces each block ({index, hash}) and every peer runs a full
 * resolve; `relay`: the announce carries the block itself, a peer whose tip it extends checks that one block and
 * appends it, and only a peer on another branch asks the sender for its chain (as real networks relay blocks).
 */
export type ResolvePolicy = 'manual' | 'periodic' | 'on-announce' | 'relay';

/** The tutorial's flaws as switches (docs/protocol.md "Known flaws of the tutorial node"); all on in tutorial-faithful mode. */
export interface Flaws {
  /** #50: compare the peer's claimed `length` instead of counting blocks. */
  readonly trustClaimedLength: boolean;
  /** #119: wait for an offline peer forever (resolve hangs; nothing else does). */
  readonly noTimeout: boolean;
  /** #23: leave pending transactions as they are after a chain swap. */
  readonly noMempoolReconcile: boolean;
}

/**
 * The header rule's retargeting (docs/architecture.md "Retargeting"): `none` keeps the difficulty slider's; the
 * others make every block's target follow from the blocks before it (src/core/retarget.ts).
 */
export interface RetargetParams {
  readonly algorithm: 'none' | RetargetAlgorithm;
  /** Target seconds between blocks. */
  readonly interval: number;
  /** Blocks per period (Bitcoin) or solvetimes averaged (LWMA). */
  readonly windowBlocks: number;
  /** ASERT: seconds of delay that halve the difficulty. */
  readonly halfLife: number;
}

/** Every node's hash rate × `factor` on chains of `at` blocks or more (0: never). For retarget experiments. */
export interface HashRateStep {
  readonly at: number;
  readonly factor: number;
}

export interface SimParams {
  readonly seed: number;
  readonly pow: PowParams;
  readonly forkChoice: ForkChoice;
  readonly strictness: Strictness;
  readonly net: NetParams;
  readonly resolvePolicy: ResolvePolicy;
  /** Virtual seconds between resolves under the periodic policy. */
  readonly resolveInterval: number;
  /** Virtual seconds a node waits for a peer's answer. */
  readonly timeout: number;
  /** Attempts per virtual second of a node with hash-power share 1. */
  readonly hashRate: number;
  /** Start each search at a random nonce (the tutorial starts at 0, so equal miners find the same proof). */
  readonly randomStart: boolean;
  readonly maxPeers: number;
  /** Unix seconds of the shared genesis block (the tutorial uses time() per node; a shared one lets nodes agree). */
  readonly genesisTimestamp: number;
  readonly flaws: Flaws;
  /**
   * Event mode: block times drawn from the exponential distribution instead of hashing (src/sim/eventMiner.ts).
   * Proofs are placeholders, so nodes skip the proof check and mark their blocks `noProof`. Fixed at creation.
   */
  readonly eventMode: boolean;
  readonly retarget: RetargetParams;
  readonly hashRateStep: HashRateStep;
}

export const NO_FLAWS: Flaws = { trustClaimedLength: false, noTimeout: false, noMempoolReconcile: false };

export const DEFAULT_PARAMS: SimParams = {
  seed: 1,
  pow: { rule: 'tutorial', difficulty: 3 },
  forkChoice: 'longest',
  strictness: 'strict',
  net: { latency: 0.05, jitter: 0.05, loss: 0 },
  resolvePolicy: 'on-announce',
  resolveInterval: 5,
  timeout: 2,
  hashRate: 2000,
  randomStart: true,
  maxPeers: 16,
  genesisTimestamp: 1700000000,
  flaws: NO_FLAWS,
  eventMode: false,
  // Classroom chains are short: a window of 10 blocks, a half-life of 10 target intervals.
  retarget: { algorithm: 'none', interval: 10, windowBlocks: 10, halfLife: 100 },
  hashRateStep: { at: 0, factor: 1 },
};

/** The tutorial exactly: links-and-proofs validation, manual resolve, searches from 0, every flaw present. */
export function tutorialFaithful(p: SimParams): SimParams {
  return {
    ...p,
    pow: { rule: 'tutorial', difficulty: p.pow.rule === 'tutorial' ? p.pow.difficulty : 4 },
    forkChoice: 'longest',
    strictness: 'tutorial',
    resolvePolicy: 'manual',
    randomStart: false,
    flaws: { trustClaimedLength: true, noTimeout: true, noMempoolReconcile: true },
    // The tutorial's difficulty is fixed; retargeting needs the header rule anyway.
    retarget: { ...p.retarget, algorithm: 'none' },
  };
}

export interface ParamsPatch extends Partial<
  Omit<SimParams, 'net' | 'flaws' | 'pow' | 'seed' | 'retarget' | 'hashRateStep'>
> {
  readonly net?: Partial<NetParams>;
  readonly flaws?: Partial<Flaws>;
  readonly pow?: Partial<PowParams>;
  readonly retarget?: Partial<RetargetParams>;
  readonly hashRateStep?: Partial<HashRateStep>;
}

export function mergeParams(p: SimParams, patch: ParamsPatch): SimParams {
  return {
    ...p,
    ...patch,
    net: { ...p.net, ...patch.net },
    flaws: { ...p.flaws, ...patch.flaws },
    pow: { ...p.pow, ...patch.pow },
    retarget: { ...p.retarget, ...patch.retarget },
    hashRateStep: { ...p.hashRateStep, ...patch.hashRateStep },
  };
}
