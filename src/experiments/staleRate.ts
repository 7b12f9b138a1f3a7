// stale-rate: the real engine in event mode — tutorial nodes, the bus, the relay policy (the announce carries
// the block, so it reaches each peer exactly d after it was found: src/sim/protocol.ts), longest-chain fork
// choice with first-seen ties — with n equal miners and no jitter. Two figures per delay:
//  - stale blocks: the fraction of mined blocks off the final chain, against the fixed-delay formula
//    (src/math/theory.ts staleRateFixedDelay);
//  - races won by the first-found block: at heights where two or more blocks were found, how often the earliest
//    one stays on the chain. The stale count cannot see how ties are broken; this can. No closed form: the
//    reference is the fixed-delay network written apart from the engine (src/math/raceModel.ts), run with many
//    more blocks, its own standard error added in quadrature.
import { hashBlock as hashOf } from '../core/block';
import { expectedAttempts, type PowParams } from '../core/pow';
import { createSimulation } from '../sim/simulation';
import { estimate, trialRng } from '../math/stats';
import { fixedDelayRun, raceCounts, type RaceCounts } from '../math/raceModel';
import { staleRateFixedDelay } from '../math/theory';
import { listOf } from './run';
import type { Experiment, Progress, Row } from './types';

export const DELAYS = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2] as const;
/** 16^5 = 2^20 expected attempts; each node's hash rate is set so the network finds a block per second. */
const POW: PowParams = { rule: 'tutorial', difficulty: 5 };
/** Blocks mined between progress reports. */
const SLICE = 500;
/** The reference model runs this many times the engine's blocks (at least REFERENCE_MIN), so its error is small. */
const REFERENCE_FACTOR = 10;
const REFERENCE_MIN = 200_000;

/** One run: yields the blocks mined so far every SLICE blocks, returns the counts once every node agrees. */
export function* staleRun(
  miners: number,
  delayOverInterval: number,
  blocks: number,
  seed: number,
): Generator<number, RaceCounts> {
  const interval = 1;
  const sim = createSimulation({
    seed,
    pow: POW,
    hashRate: expectedAttempts(POW) / (miners * interval),
    net: { latency: delayOverInterval * interval, jitter: 0, loss: 0 },
    resolvePolicy: 'relay',
    forkChoice: 'longest',
    eventMode: true,
  });
  // When each block was found, and the times found at each index: the races.
  const foundAt = new Map<string, number>();
  const found = new Map<number, number[]>();
  sim.subscribe((ev) => {
    if (ev.type !== 'block-mined') return;
    foundAt.set(ev.hash, ev.at);
    const list = found.get(ev.index);
    if (list) list.push(ev.at);
    else found.set(ev.index, [ev.at]);
  });
  const settle = () => sim.runUntil(() => sim.peek() === null);
  for (let i = 0; i < miners; i++) sim.dispatch({ type: 'add-node' });
  sim.dispatch({ type: 'register-all' });
  settle();
  for (const n of sim.nodes()) sim.dispatch({ type: 'auto-mine', node: n.id, on: true });
  while (foundAt.size < blocks) {
    const next = Math.min(blocks, foundAt.size + SLICE);
    sim.runUntil(() => foundAt.size >= next);
    if (foundAt.size < blocks) yield foundAt.size;
  }
  for (const n of sim.nodes()) sim.dispatch({ type: 'auto-mine', node: n.id, on: false });
  settle();
  // One last resolve everywhere so that every node holds the final chain.
  sim.dispatch({ type: 'resolve-all' });
  settle();
  const winners = new Map<number, number>();
  for (const b of sim.bestChain().slice(1)) winners.set(b.index, foundAt.get(hashOf(b)) ?? NaN);
  const top = sim.height() + 1;
  const mined = foundAt.size;
  sim.dispose();
  return { mined, height: top - 1, ...raceCounts(found, winners, top) };
}

/** The reference race statistics for one delay: many runs of the model, pooled. */
export function referenceRaces(
  miners: number,
  d: number,
  blocks: number,
  seed: number,
): { rate: number; se: number } {
  const runs = 8;
  const perRun = Math.ceil(Math.max(REFERENCE_MIN, REFERENCE_FACTOR * blocks) / runs);
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c = fixedDelayRun(miners, d, perRun, trialRng(seed ^ 0x5eed, Math.round(d * 1e6), r));
    if (c.races > 0) rates.push(c.firstWins / c.races);
  }
  const e = estimate(rates);
  return { rate: e.mean, se: e.se };
}

export const staleRate: Experiment = {
  name: 'stale-rate',
  title: 'Stale blocks and propagation delay',
  summary:
    'n equal miners run the tutorial node in event mode on the engine; each block reaches the others exactly d ' +
    'after it was found (the relay policy carries it). Stale: the fraction of mined blocks off the final chain — ' +
    'engine against the fixed-delay formula, whose n → ∞ limit (d/T)/(1 + d/T) is the bound of Sompolinsky & ' +
    'Zohar (2015); to first order it is the fork rate d/T of Decker & Wattenhofer (2013). First-found wins: at ' +
    'heights where two blocks raced, how often the earlier one stayed — engine against a reference model of the ' +
    'same network written apart from it (no closed form exists); this one sees how ties are broken.',
  trialUnit: 'engine runs per delay',
  defaultTrials: 30,
  minTrials: 2,
  maxTrials: 200,
  fields: [
    { key: 'miners', label: 'Miners', min: 2, max: 10, step: 1, default: 10 },
    { key: 'blocks', label: 'Blocks per run', min: 100, max: 1_000_000, step: 100, default: 1000 },
  ],
  lists: [
    {
      key: 'delay',
      label: 'Delays d/T',
      min: 0.001,
      max: 1,
      step: 0.001,
      default: [...DELAYS],
      maxItems: 12,
    },
  ],
  check: { value: 'simulated', theory: 'theory', labelColumns: 3 },
  columns: [
    { key: 'metric', label: 'figure' },
    { key: 'miners', label: 'n' },
    { key: 'delayOverInterval', label: 'd/T' },
    { key: 'simulated', label: 'engine' },
    { key: 'se', label: '± SE', digits: 2 },
    { key: 'theory', label: 'theory' },
    { key: 'deviation', label: '|Δ|/SE', digits: 2 },
    { key: 'source', label: 'theory from' },
  ],
  *run(spec): Generator<Progress, { experiment: string; rows: Row[] }> {
    const miners = spec.params.miners ?? 10;
    const blocks = spec.params.blocks ?? 1000;
    const delays = listOf(spec, 'delay', DELAYS);
    const rows: Row[] = [];
    const total = delays.length * spec.trials * blocks;
    let done = 0;
    for (let r = 0; r < delays.length; r++) {
      const x = delays[r] as number;
      const fractions: number[] = [];
      const raceRates: number[] = [];
      for (let t = 0; t < spec.trials; t++) {
        const label = `d/T = ${x}, run ${t + 1} of ${spec.trials}`;
        const said = { id: 'run', values: { d: x, run: t + 1, trials: spec.trials } };
        yield { done, total, label, said };
        const seed = trialRng(spec.seed, r, t).int(2 ** 32);
        const run = staleRun(miners, x, blocks, seed);
        let step = run.next();
        while (!step.done) {
          yield { done: done + step.value, total, label, said };
          step = run.next();
        }
        const c = step.value;
        fractions.push(1 - c.height / c.mined);
        if (c.races > 0) raceRates.push(c.firstWins / c.races);
        done += blocks;
      }
      const stale = estimate(fractions);
      const theory = staleRateFixedDelay(miners, x);
      const base = { miners, delayOverInterval: x, trials: spec.trials, blocksPerTrial: blocks };
      rows.push({
        metric: 'stale',
        ...base,
        simulated: stale.mean,
        se: stale.se,
        theory,
        deviation: Math.abs(stale.mean - theory) / stale.se,
        source: 'fixed-delay formula',
      });
      yield {
        done,
        total,
        label: `d/T = ${x}: the reference model`,
        said: { id: 'reference', values: { d: x } },
      };
      const ref = referenceRaces(miners, x, blocks * spec.trials, spec.seed);
      const races = estimate(raceRates);
      // Too few races to judge (tiny delays): shown, not checked.
      const judged = raceRates.length >= 2 && Number.isFinite(races.se) && races.se > 0;
      const se = judged ? Math.hypot(races.se, ref.se) : null;
      rows.push({
        metric: 'first-found wins',
        ...base,
        trials: raceRates.length,
        simulated: raceRates.length ? races.mean : null,
        se,
        theory: judged ? ref.rate : null,
        deviation: judged && se ? Math.abs(races.mean - ref.rate) / se : null,
        source: 'reference model',
      });
    }
    return { experiment: 'stale-rate', rows };
  },
};
