// double-spend: the race of Nakamoto's whitepaper §11. The attacker (hash share q) mines a private branch from
// the block before the payment; the merchant hands over the goods after z confirmations; the attacker wins if
// its branch ever becomes at least as long as the honest one (the convention of both Nakamoto and Rosenfeld).
// Only the order of finds matters, so each next block is the attacker's with probability q — the race of two
// Poisson processes with rates q and p = 1 − q.
import type { Rng } from '../math/rng';
import { proportion, trialRng } from '../math/stats';
import { nakamotoSuccess, rosenfeldSuccess } from '../math/theory';
import type { Experiment, Progress, Row } from './types';

export const QS = [0.1, 0.2, 0.3] as const;
export const MAX_Z = 10;

/**
 * Blocks behind at which an attack is counted as lost: from there it would still catch up with probability
 * (q/p)^giveUp ≤ 1e-12 (gambler's ruin), far below any standard error here.
 */
export function giveUpDeficit(q: number): number {
  return Math.ceil(Math.log(1e-12) / Math.log(q / (1 - q)));
}

/** One attack: true if the attacker's branch catches up after the merchant saw z confirmations. */
export function attackSucceeds(q: number, z: number, rng: Rng, giveUp = giveUpDeficit(q)): boolean {
  let attacker = 0;
  let honest = 0;
  // While the merchant waits, the attacker keeps its branch private whatever happens.
  while (honest < z) {
    if (rng.next() < q) attacker++;
    else honest++;
  }
  let behind = honest - attacker;
  while (behind > 0 && behind < giveUp) behind += rng.next() < q ? -1 : 1;
  return behind <= 0;
}

export const doubleSpend: Experiment = {
  name: 'double-spend',
  title: 'Double spend',
  summary:
    'An attacker with hash share q secretly mines a branch without the payment; the merchant waits for z ' +
    'confirmations. Simulated: the fraction of attacks whose branch catches up. Theory: Rosenfeld’s exact ' +
    'formula (2014); the whitepaper’s §11 figure (Nakamoto 2008) approximates the attacker’s progress as Poisson ' +
    'and is too optimistic for the merchant.',
  trialUnit: 'attacks per point',
  defaultTrials: 1_000_000,
  maxTrials: 20_000_000,
  fields: [],
  columns: [
    { key: 'q', label: 'q' },
    { key: 'z', label: 'z' },
    { key: 'simulated', label: 'simulated' },
    { key: 'se', label: '± SE', digits: 2 },
    { key: 'theory', label: 'Rosenfeld' },
    { key: 'deviation', label: '|Δ|/SE', digits: 2 },
    { key: 'nakamoto', label: 'Nakamoto §11' },
  ],
  *run(spec): Generator<Progress, { experiment: string; rows: Row[] }> {
    const rows: Row[] = [];
    const total = QS.length * (MAX_Z + 1);
    // Slices of this many attacks between progress reports (so a worker can be cancelled in between).
    const slice = 50_000;
    let r = 0;
    for (const q of QS) {
      for (let z = 0; z <= MAX_Z; z++) {
        let wins = 0;
        const rng = trialRng(spec.seed, r, 0);
        const giveUp = giveUpDeficit(q);
        for (let done = 0; done < spec.trials; done += slice) {
          yield { done: r + done / spec.trials, total, label: `q = ${q}, z = ${z}` };
          const end = Math.min(spec.trials, done + slice);
          for (let t = done; t < end; t++) if (attackSucceeds(q, z, rng, giveUp)) wins++;
        }
        const sim = proportion(wins, spec.trials);
        const theory = rosenfeldSuccess(q, z);
        rows.push({
          q,
          z,
          simulated: sim.mean,
          se: sim.se,
          theory,
          deviation: Math.abs(sim.mean - theory) / sim.se,
          nakamoto: nakamotoSuccess(q, z),
          trials: spec.trials,
        });
        r++;
      }
    }
    return { experiment: 'double-spend', rows };
  },
};
