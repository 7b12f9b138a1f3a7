// selfish-mining: Eyal & Sirer's selfish strategy (FC 2014, arXiv:1311.0243, §3 Algorithm 1) played block by
// block. Only the order of finds matters, so each next block is the pool's with probability α (two competing
// exponential clocks, rates α and 1 − α). The pool's relative revenue is its share of the blocks that end up on
// the final chain; the closed form and the profitability threshold are in theory.ts.
import type { Rng } from '../math/rng';
import { estimate, trialRng } from '../math/stats';
import { selfishRevenue, selfishThreshold } from '../math/theory';
import type { Experiment, Progress, Row } from './types';

export const ALPHAS = [0.1, 0.2, 0.25, 0.3, 1 / 3, 0.4, 0.45] as const;
export const GAMMAS = [0, 0.5, 1] as const;

export interface Revenue {
  readonly pool: number;
  readonly honest: number;
}

/**
 * `blocks` finds under the selfish strategy. State = the pool's private lead; `tie` is the paper's state 0′ (two
 * public branches of length one, the pool's and the honest one). Rewards are booked as in the paper's §4.2: a
 * block counts once it can no longer be orphaned.
 */
export function simulateSelfish(alpha: number, gamma: number, blocks: number, rng: Rng): Revenue {
  let lead = 0;
  let tie = false;
  let pool = 0;
  let honest = 0;
  for (let i = 0; i < blocks; i++) {
    const poolFinds = rng.next() < alpha;
    if (tie) {
      tie = false;
      if (poolFinds)
        pool += 2; // the pool extends its branch and publishes: both blocks are its
      else if (rng.next() < gamma) {
        pool += 1; // an honest miner extended the pool's branch
        honest += 1;
      } else honest += 2; // an honest miner extended the honest branch
    } else if (poolFinds) {
      lead++; // keep it private
    } else if (lead === 0) {
      honest += 1;
    } else if (lead === 1) {
      lead = 0;
      tie = true; // publish the private block: a race between two branches of length one
    } else if (lead === 2) {
      lead = 0;
      pool += 2; // publish both: the pool's branch is longer, the honest block is orphaned
    } else {
      lead--;
      pool += 1; // publish one block: it is now certain to stay on the chain
    }
  }
  return { pool, honest };
}

const fmt = (x: number) => Number(x.toFixed(4));

export const selfishMining: Experiment = {
  name: 'selfish-mining',
  title: 'Selfish mining',
  summary:
    'A pool with hash share α withholds its blocks and publishes them to orphan honest work (Eyal & Sirer 2014); ' +
    'γ is the share of honest miners that build on the pool’s block in a tie. Simulated: the pool’s share of the ' +
    'blocks on the final chain. Theory: the paper’s closed form. Above α > (1 − γ)/(3 − 2γ) the pool earns more ' +
    'than its fair share α.',
  trialUnit: 'runs of the state machine',
  defaultTrials: 40,
  maxTrials: 1000,
  fields: [
    { key: 'blocks', label: 'Blocks per run', min: 1000, max: 1_000_000, step: 1000, default: 100_000 },
  ],
  columns: [
    { key: 'alpha', label: 'α' },
    { key: 'gamma', label: 'γ' },
    { key: 'simulated', label: 'simulated' },
    { key: 'se', label: '± SE', digits: 2 },
    { key: 'theory', label: 'theory' },
    { key: 'deviation', label: '|Δ|/SE', digits: 2 },
    { key: 'threshold', label: 'threshold' },
    { key: 'profitable', label: 'profitable' },
  ],
  notes: () => [
    'Profitable when α > (1 − γ)/(3 − 2γ): ' +
      GAMMAS.map((g) => `γ = ${g}: α > ${fmt(selfishThreshold(g))}`).join(', ') +
      '.',
  ],
  *run(spec): Generator<Progress, { experiment: string; rows: Row[] }> {
    const blocks = spec.params.blocks ?? 100_000;
    const rows: Row[] = [];
    const total = ALPHAS.length * GAMMAS.length;
    let r = 0;
    for (const gamma of GAMMAS) {
      for (const alpha of ALPHAS) {
        yield { done: r, total, label: `α = ${fmt(alpha)}, γ = ${gamma}` };
        const shares: number[] = [];
        for (let t = 0; t < spec.trials; t++) {
          const rev = simulateSelfish(alpha, gamma, blocks, trialRng(spec.seed, r, t));
          shares.push(rev.pool / (rev.pool + rev.honest));
        }
        const sim = estimate(shares);
        const theory = selfishRevenue(alpha, gamma);
        rows.push({
          alpha: fmt(alpha),
          gamma,
          simulated: sim.mean,
          se: sim.se,
          theory,
          deviation: Math.abs(sim.mean - theory) / sim.se,
          trials: spec.trials,
          threshold: selfishThreshold(gamma),
          // Within 3 SE of α the run cannot tell (α = 0.25, γ = ½ is exactly on the threshold).
          profitable: sim.mean - alpha > 3 * sim.se ? 'yes' : alpha - sim.mean > 3 * sim.se ? 'no' : 'even',
        });
        r++;
      }
    }
    return { experiment: 'selfish-mining', rows };
  },
};
