// The Miner port (docs/architecture.md "Mining"): the core says what a valid proof is, a miner decides how it is
// found. The `hash` and `event` miners live inside the world (mining.ts); a miner outside it — one Web Worker
// per node in the app (src/worker) — implements this port: the simulation starts and stops its jobs from the
// step's effects, and it hands found proofs back, which enter the world as inputs.
import type { PowParams, ProofInput } from '../core/pow';

export interface MiningJob {
  readonly jobId: number;
  readonly nodeId: string;
  readonly pow: PowParams;
  readonly input: ProofInput;
  readonly startNonce: number;
  /** Attempts per virtual second for this node (base rate × its hash-power share). */
  readonly hashRate: number;
  /** The node's hash-power share in (0, 1]: real miners turn it into a duty cycle. */
  readonly share: number;
}

export interface MiningProgress {
  readonly jobId: number;
  readonly attempts: number;
  readonly nonce: number;
  readonly rate: number;
  readonly lastHash?: string;
  readonly bestHash?: string;
}

export interface FoundProof {
  readonly nodeId: string;
  readonly jobId: number;
  readonly proof: number;
  readonly hash: string;
  /** Attempts the job took, including the successful one. */
  readonly attempts: number;
}

export interface MinerPort {
  /** Start (or replace) the node's job. */
  start(job: MiningJob): void;
  stop(nodeId: string): void;
  /** What the node's current job has done so far, for the proof-of-work panel. */
  progress(nodeId: string): MiningProgress | null;
  /** Hold or resume every job with the simulation clock (real miners stop hashing while paused). */
  setPaused?(paused: boolean): void;
  dispose(): void;
}

/** Makes the port; `found` hands a proof back to the simulation (at most once per job). */
export type MakeMiner = (found: (proof: FoundProof) => void) => MinerPort;
