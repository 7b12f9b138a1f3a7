// The classroom's pace for real miners. At difficulty 5 one core finds a tutorial proof in about a third of a
// second (≈ 3 MH/s, `npm run bench:miner`), so three nodes hashing flat out would forge several blocks a second.
// Each node hashes a fixed fraction of one core instead: blocks arrive every few seconds, while a student's
// re-mine (src/worker/remine.ts) runs at full speed and redoes a 5-block chain in seconds.
import type { MinerPort } from '../sim/minerPort';

/**
 * The port with every job's hash-power share scaled by `fraction` (0 < fraction ≤ 1): a node of share 1 keeps
 * its miner busy that fraction of the time. Shares keep their ratios, so the set-share lessons still hold.
 */
export function paced(port: MinerPort, fraction: number): MinerPort {
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`pace fraction ${fraction} is not in (0, 1]`);
  return {
    ...port,
    start: (job) => port.start({ ...job, share: job.share * fraction }),
  };
}
