// Event mode's one draw (docs/architecture.md "Mining"): how long a miner waits for its proof. Attempts succeed
// independently with probability 1 / expected attempts, so at `hashRate` attempts per second the wait is
// exponential with rate hashRate / expected attempts of the block's target — under retargeting the target of
// that very block (src/sim/targets.ts). Its own module so a test can replace the draw (a miner that is too fast).
import { expectedAttempts, type PowParams } from '../core/pow';
import type { Rng } from '../math/rng';

export function waitingTime(rng: Rng, hashRate: number, pow: PowParams): number {
  return rng.exponential(hashRate / expectedAttempts(pow));
}
