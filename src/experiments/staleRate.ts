// stale-rate: the real engine in event mode — tutorial nodes, the bus, on-announce resolves, longest-chain fork
// choice — with n equal miners and no jitter. A block reaches a peer after three one-way hops of the tutorial's
// pull protocol (POST /nodes/announce, GET /chain, the reply), so the bus latency is d/3 for a propagation delay
// d. Simulated: the fraction of mined blocks that end up off the final chain; theory: staleRateFixedDelay.
import { expectedAttempts, type PowParams } from '../core/pow';
import { createSimulation } from '../sim/simulation';
import { estimate, trialRng } from '../math/stats';
import { staleRateFixedDelay } from '../math/theory';
import type { Experiment, Progress, Row } from './types';

export const DELAYS = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2] as const;
/**
 * Hops from a find to a peer holding the block: announce, GET /chain, reply (docs/protocol.md "Endpoints",
 * node.ts).
 */
export const HOPS = 3;
/** 16^5 = 2^20 expected attempts; each node's hash rate is set so the network finds a block per second. */
const POW: PowParams = { rule: 'tutorial', difficulty: 5 };
/** Blocks mined between progress reports. */
const SLICE = 500;

export interface StaleCount {
  readonly mined: number;
  readonly onChain: number;
}

/** One run: yields the blocks mined so far every SLICE blocks, returns the counts once every node agrees. */
export function* staleRun(
  miners: number,
  delayOverInterval: number,
  blocks: number,
  seed: number,
): Generator<number, StaleCount> {
  const interval = 1;
  const sim = createSimulation({
    seed,
    pow: POW,
    hashRate: expectedAttempts(POW) / (miners * interval),
    net: { latency: (delayOverInterval * interval) / HOPS, jitter: 0, loss: 0 },
    resolvePolicy: 'on-announce',
    forkChoice: 'longest',
    eventMode: true,
  });
  let mined = 0;
  sim.subscribe((ev) => {
    if (ev.type === 'block-mined') mined++;
  });
  const settle = () => sim.runUntil(() => sim.peek() === null);
  for (let i = 0; i < miners; i++) sim.dispatch({ type: 'add-node' });
  sim.dispatch({ type: 'register-all' });
  settle();
  for (const n of sim.nodes()) sim.dispatch({ type: 'auto-mine', node: n.id, on: true });
  while (mined < blocks) {
    const next = Math.min(blocks, mined + SLICE);
    sim.runUntil(() => mined >= next);
    if (mined < blocks) yield mined;
  }
  for (const n of sim.nodes()) sim.dispatch({ type: 'auto-mine', node: n.id, on: false });
  settle();
  // One last resolve everywhere so that every node holds the final chain.
  sim.dispatch({ type: 'resolve-all' });
  settle();
  const onChain = sim.height();
  sim.dispose();
  return { mined, onChain };
}

export const staleRate: Experiment = {
  name: 'stale-rate',
  title: 'Stale blocks and propagation delay',
  summary:
    'n equal miners run the tutorial node in event mode; every block takes a fixed delay d to reach the others ' +
    '(d/3 per hop of announce, GET /chain and reply). Simulated: the fraction of mined blocks that end up off the ' +
    'final chain. Theory: the fixed-delay model, whose n → ∞ limit (d/T)/(1 + d/T) is the bound of Sompolinsky & ' +
    'Zohar (2015); to first order it is the fork rate d/T of Decker & Wattenhofer (2013).',
  trialUnit: 'engine runs per delay',
  defaultTrials: 8,
  maxTrials: 200,
  fields: [
    { key: 'miners', label: 'Miners', min: 2, max: 10, step: 1, default: 10 },
    { key: 'blocks', label: 'Blocks per run', min: 100, max: 100_000, step: 100, default: 2000 },
  ],
  check: { value: 'simulated', theory: 'theory', labelColumns: 2 },
  columns: [
    { key: 'miners', label: 'n' },
    { key: 'delayOverInterval', label: 'd/T' },
    { key: 'simulated', label: 'simulated' },
    { key: 'se', label: '± SE', digits: 2 },
    { key: 'theory', label: 'theory' },
    { key: 'deviation', label: '|Δ|/SE', digits: 2 },
    { key: 'firstOrder', label: 'd/T·(n−1)/n' },
  ],
  *run(spec): Generator<Progress, { experiment: string; rows: Row[] }> {
    const miners = spec.params.miners ?? 10;
    const blocks = spec.params.blocks ?? 2000;
    const rows: Row[] = [];
    const total = DELAYS.length * spec.trials * blocks;
    let done = 0;
    for (let r = 0; r < DELAYS.length; r++) {
      const x = DELAYS[r] as number;
      const fractions: number[] = [];
      for (let t = 0; t < spec.trials; t++) {
        const label = `d/T = ${x}, run ${t + 1} of ${spec.trials}`;
        yield { done, total, label };
        const seed = trialRng(spec.seed, r, t).int(2 ** 32);
        const run = staleRun(miners, x, blocks, seed);
        let step = run.next();
        while (!step.done) {
          yield { done: done + step.value, total, label };
          step = run.next();
        }
        fractions.push(1 - step.value.onChain / step.value.mined);
        done += blocks;
      }
      const sim = estimate(fractions);
      const theory = staleRateFixedDelay(miners, x);
      rows.push({
        miners,
        delayOverInterval: x,
        simulated: sim.mean,
        se: sim.se,
        theory,
        deviation: Math.abs(sim.mean - theory) / sim.se,
        firstOrder: (x * (miners - 1)) / miners,
        trials: spec.trials,
        blocksPerTrial: blocks,
      });
    }
    return { experiment: 'stale-rate', rows };
  },
};
