// retarget: how the engine's three retarget rules (src/core/retarget.ts) follow a hash-rate step. Each trial is an
// engine run in event mode — one miner, the header rule, the chain starting on target — whose hash rate jumps ×k
// (or ÷k) once its chain has `stepAt` blocks (SimParams.hashRateStep). Everything is read from the run's own
// chain: its timestamps, and the target each block carries. Two figures per rule and step:
//  - the mean interval before the step, in units of the target T, against Bitcoin's exact value and ASERT's
//    mean-field schedule (src/math/retargetTheory.ts);
//  - blocks to settle: when the mean curve of expected block time (a block's work over the hash rate, / T) is back
//    within ±10 % for good, against Bitcoin's mean-field periods and ASERT's exponential response
//    (src/math/theory.ts asertSettleBlocks). Its standard error is a bootstrap over the runs, as is the overshoot's.
// LWMA has no closed form for either figure: shown, not checked.
import type { Link } from '../core/chain';
import { workOf } from '../core/target';
import { createRng } from '../math/rng';
import { estimate, trialRng } from '../math/stats';
import {
  asertMeanInterval,
  bitcoinMeanField,
  bitcoinMeanInterval,
  settleBlocks,
} from '../math/retargetTheory';
import { asertSettleBlocks } from '../math/theory';
import { createSimulation } from '../sim/simulation';
import type { RetargetAlgorithm } from '../core/retarget';
import type { Curve, Experiment, ExperimentSpec, Progress, Row, Said } from './types';

/** Block times count as on target within ±10 % of T. */
export const BAND = 0.1;
export const RULES: readonly RetargetAlgorithm[] = ['bitcoin', 'lwma', 'asert'];
/** Seconds between blocks (Bitcoin's); only the ratios matter. */
const T = 600;
/** The starting difficulty, 2^20 expected attempts; the hash rate is set to give one block per T. */
const START_BITS = 20;
const CURVE_POINTS = 200;
const BOOTSTRAP = 200;
/** Blocks mined between progress reports. */
const SLICE = 1000;

export interface RetargetSettings {
  readonly stepAt: number;
  readonly after: number;
  readonly bitcoinWindow: number;
  readonly lwmaWindow: number;
  /** In blocks of T. */
  readonly asertHalfLife: number;
}

export interface RetargetRun {
  /** Mean interval of blocks 1 … stepAt, over T. */
  readonly before: number;
  /** Expected interval / T of each block after the step (its work over the hash rate then). */
  readonly relative: Float64Array;
}

export function ruleLabel(rule: RetargetAlgorithm, s: RetargetSettings): string {
  switch (rule) {
    case 'bitcoin':
      return `Bitcoin (${s.bitcoinWindow}-block window)`;
    case 'lwma':
      return `LWMA-1 (${s.lwmaWindow} blocks)`;
    case 'asert':
      return `ASERT (half-life ${s.asertHalfLife} blocks)`;
  }
}

/** ruleLabel as a sentence to translate (src/experiments/types.ts Said). */
export function ruleSaid(rule: RetargetAlgorithm, s: RetargetSettings): Said {
  switch (rule) {
    case 'bitcoin':
      return { id: 'ruleBitcoin', values: { window: s.bitcoinWindow } };
    case 'lwma':
      return { id: 'ruleLwma', values: { window: s.lwmaWindow } };
    case 'asert':
      return { id: 'ruleAsert', values: { halfLife: s.asertHalfLife } };
  }
}

/** One engine run; yields the height reached every SLICE blocks. */
export function* retargetRun(
  rule: RetargetAlgorithm,
  factor: number,
  s: RetargetSettings,
  seed: number,
): Generator<number, RetargetRun> {
  const hashRate = 2 ** START_BITS / T;
  const sim = createSimulation(
    {
      seed,
      eventMode: true,
      pow: { rule: 'header', difficulty: START_BITS },
      hashRate,
      retarget: {
        algorithm: rule,
        interval: T,
        windowBlocks: rule === 'bitcoin' ? s.bitcoinWindow : s.lwmaWindow,
        halfLife: s.asertHalfLife * T,
      },
      hashRateStep: { at: s.stepAt, factor },
    },
    { eventCap: 100 },
  );
  sim.dispatch({ type: 'add-node' });
  sim.dispatch({ type: 'auto-mine', node: 'alice', on: true });
  const top = s.stepAt + s.after;
  while (sim.height() < top) {
    const next = Math.min(top, sim.height() + SLICE);
    sim.runUntil(() => sim.height() >= next);
    yield sim.height();
  }
  // The chain as the node holds it, from the tip back: timestamps and carried targets by height.
  const stamps = new Float64Array(top + 1);
  const relative = new Float64Array(s.after);
  for (let l: Link | null = (sim.world().nodes[0] as { chain: Link }).chain; l; l = l.parent) {
    const h = l.block.index - 1;
    if (h > top) continue;
    stamps[h] = l.block.timestamp;
    if (h > s.stepAt) relative[h - s.stepAt - 1] = workOf(l.block.bits as number) / (hashRate * factor * T);
  }
  sim.dispose();
  // A header block is stamped when its job starts, i.e. when the block before it was found (src/sim/mining.ts):
  // block stepAt was found at the timestamp of block stepAt + 1.
  const before = ((stamps[s.stepAt + 1] as number) - (stamps[0] as number)) / (s.stepAt * T);
  return { before, relative };
}

function downsample(curve: Float64Array, points: number): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  const step = Math.max(1, Math.floor(curve.length / points));
  for (let i = 0; i < curve.length; i += step) {
    let sum = 0;
    const end = Math.min(curve.length, i + step);
    for (let j = i; j < end; j++) sum += curve[j] as number;
    out.push({ x: i, y: sum / (end - i) });
  }
  return out;
}

function meanCurve(runs: readonly Float64Array[], picks: ArrayLike<number>, length: number): Float64Array {
  const mean = new Float64Array(length);
  for (let t = 0; t < picks.length; t++) {
    const r = runs[picks[t] as number] as Float64Array;
    for (let i = 0; i < length; i++) mean[i] = (mean[i] as number) + (r[i] as number);
  }
  for (let i = 0; i < length; i++) mean[i] = (mean[i] as number) / picks.length;
  return mean;
}

/** How far the mean curve swings past the target on the far side of where it started. */
function overshootOf(mean: Float64Array, factor: number): number {
  let o = 0;
  for (const m of mean) o = Math.max(o, factor > 1 ? m - 1 : 1 - m);
  return o;
}

/** Settle and overshoot of the mean curve, with bootstrap standard errors (resampling whole runs). */
function curveFigures(runs: readonly Float64Array[], factor: number, length: number, seed: number) {
  const all = Array.from({ length: runs.length }, (_, i) => i);
  const mean = meanCurve(runs, all, length);
  const rng = createRng(seed);
  const settles: number[] = [];
  const overshoots: number[] = [];
  const picks = new Uint32Array(runs.length);
  for (let b = 0; b < BOOTSTRAP; b++) {
    for (let i = 0; i < picks.length; i++) picks[i] = rng.int(runs.length);
    const m = meanCurve(runs, picks, length);
    settles.push(settleBlocks(m, BAND));
    overshoots.push(overshootOf(m, factor));
  }
  const sd = (xs: number[]) => estimate(xs).se * Math.sqrt(xs.length);
  return {
    mean,
    settle: settleBlocks(mean, BAND),
    settleSe: sd(settles),
    overshoot: overshootOf(mean, factor),
    overshootSe: sd(overshoots),
  };
}

const stepLabel = (factor: number) => (factor >= 1 ? `×${factor}` : `÷${1 / factor}`);

function settingsOf(spec: ExperimentSpec): RetargetSettings {
  const p = spec.params;
  return {
    stepAt: p.stepAt ?? 2000,
    after: p.after ?? 6048,
    bitcoinWindow: p.bitcoinWindow ?? 2016,
    lwmaWindow: p.lwmaWindow ?? 60,
    asertHalfLife: p.asertHalfLife ?? 288,
  };
}

/** The figures' theory where one exists (null for LWMA). */
function theoryOf(rule: RetargetAlgorithm, factor: number, s: RetargetSettings) {
  switch (rule) {
    case 'bitcoin':
      return {
        before: bitcoinMeanInterval(s.bitcoinWindow, s.stepAt),
        settle: settleBlocks(bitcoinMeanField(factor, s.bitcoinWindow, s.stepAt, s.after), BAND),
      };
    case 'asert':
      // The engine's rules see each solvetime one block late (src/math/retargetTheory.ts): one block more.
      return {
        before: asertMeanInterval(s.asertHalfLife, s.stepAt),
        settle: Math.min(s.after, asertSettleBlocks(factor, s.asertHalfLife, BAND) + 1),
      };
    case 'lwma':
      return { before: null, settle: null };
  }
}

const deviation = (value: number, theory: number | null, se: number) =>
  theory === null ? null : value === theory ? 0 : Math.abs(value - theory) / se;

export const retarget: Experiment = {
  name: 'retarget',
  title: 'Difficulty retargeting',
  summary:
    'The engine in event mode, one miner, the header rule, its chain starting on target; once the chain has ' +
    '`blocks before the step` blocks the hash rate jumps ×k or ÷k. Bitcoin’s rule (a new target every window, ' +
    'clamped ×4, window − 1 intervals timed), LWMA-1 (zawy12, with its 0.99) and ASERT (aserti3-2d) retarget it as ' +
    'part of the chain’s validity. From each run’s own chain: the mean interval before the step, and the blocks ' +
    'until the mean expected block time is back within ±10 % of the target for good, with the overshoot and the ' +
    'steady state after. Theory: Bitcoin’s exact first periods and its mean-field response; ASERT’s mean-field ' +
    'schedule and its exponential response. LWMA-1 has no closed form: its rows are shown, not checked.',
  trialUnit: 'engine runs per rule and step',
  defaultTrials: 30,
  minTrials: 10,
  maxTrials: 500,
  fields: [
    { key: 'step', label: 'Hash-rate step k', min: 2, max: 4, step: 1, default: 4 },
    { key: 'stepAt', label: 'Blocks before the step', min: 100, max: 20_000, step: 1, default: 2000 },
    { key: 'after', label: 'Blocks after the step', min: 200, max: 40_000, step: 1, default: 6048 },
    { key: 'bitcoinWindow', label: 'Bitcoin window (blocks)', min: 20, max: 4032, step: 1, default: 2016 },
    { key: 'lwmaWindow', label: 'LWMA window (blocks)', min: 10, max: 200, step: 5, default: 60 },
    { key: 'asertHalfLife', label: 'ASERT half-life (blocks)', min: 12, max: 1008, step: 12, default: 288 },
  ],
  check: { value: 'simulated', theory: 'theory', labelColumns: 3 },
  columns: [
    { key: 'rule', label: 'rule' },
    { key: 'step', label: 'step' },
    { key: 'figure', label: 'figure' },
    { key: 'simulated', label: 'engine' },
    { key: 'se', label: '± SE', digits: 2 },
    { key: 'theory', label: 'theory' },
    { key: 'deviation', label: '|Δ|/SE', digits: 2 },
    { key: 'overshoot', label: 'overshoot' },
    { key: 'overshootSe', label: '± SE', digits: 2 },
    { key: 'timeOff', label: 'time off (T)' },
    { key: 'steadyMean', label: 'steady mean' },
  ],
  notes: () => [
    'before: mean interval of the blocks before the step / T. settle: blocks after the step until the mean',
    'expected block time stays within ±10 % of T (SE: bootstrap over runs). LWMA-1 has no theory (not checked).',
  ],
  noteSaid: () => [{ id: 'figures' }],
  *run(spec): Generator<Progress, { experiment: string; rows: Row[]; curves: Curve[] }> {
    const k = spec.params.step ?? 4;
    const s = settingsOf(spec);
    const rows: Row[] = [];
    const curves: Curve[] = [];
    const perRun = s.stepAt + s.after;
    const total = RULES.length * 2 * spec.trials * perRun;
    let done = 0;
    let r = 0;
    for (const factor of [k, 1 / k]) {
      for (const rule of RULES) {
        const label = `${ruleLabel(rule, s)}, hash rate ${stepLabel(factor)}`;
        const befores: number[] = [];
        const runs: Float64Array[] = [];
        for (let t = 0; t < spec.trials; t++) {
          const run = retargetRun(rule, factor, s, trialRng(spec.seed, r, t).int(2 ** 32));
          let step = run.next();
          while (!step.done) {
            yield {
              done: done + step.value,
              total,
              label: `${label}, run ${t + 1} of ${spec.trials}`,
              said: {
                id: 'run',
                values: { rule: ruleSaid(rule, s), step: stepLabel(factor), run: t + 1, trials: spec.trials },
              },
            };
            step = run.next();
          }
          befores.push(step.value.before);
          runs.push(step.value.relative);
          done += perRun;
        }
        const fig = curveFigures(runs, factor, s.after, trialRng(spec.seed ^ 0xb007, r, 0).int(2 ** 32));
        const theory = theoryOf(rule, factor, s);
        const before = estimate(befores);
        // Steady state: the last window of the curve, long after every rule has settled.
        const tail = Math.min(s.after, Math.max(s.bitcoinWindow, 200));
        let steady = 0;
        for (let i = s.after - tail; i < s.after; i++) steady += fig.mean[i] as number;
        let timeOff = 0;
        for (let i = 0; i < fig.settle; i++) timeOff += fig.mean[i] as number;
        const base = { rule, step: stepLabel(factor), trials: spec.trials };
        rows.push({
          ...base,
          figure: 'before',
          simulated: before.mean,
          se: before.se,
          theory: theory.before,
          deviation: deviation(before.mean, theory.before, before.se),
        });
        rows.push({
          ...base,
          figure: 'settle',
          simulated: fig.settle,
          se: fig.settleSe,
          theory: theory.settle,
          deviation: deviation(fig.settle, theory.settle, fig.settleSe),
          overshoot: fig.overshoot,
          overshootSe: fig.overshootSe,
          timeOff,
          steadyMean: steady / tail,
        });
        curves.push({
          name: ruleLabel(rule, s),
          said: ruleSaid(rule, s),
          group: stepLabel(factor),
          points: downsample(fig.mean, CURVE_POINTS),
        });
        r++;
      }
    }
    return { experiment: 'retarget', rows, curves };
  },
};
