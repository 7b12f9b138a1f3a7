// retarget: how three difficulty adjustment rules follow a hash-rate step. Block times are event-mode draws
// (exponential with rate = hash rate / difficulty, as in src/sim/eventMiner.ts), in units of the target T.
// Each run warms up for two Bitcoin periods at hash rate 1, then the rate jumps ×k (or ÷k) at a period boundary.
import type { Rng } from '../math/rng';
import { estimate, trialRng } from '../math/stats';
import {
  DEFAULT_RETARGET,
  nextWork,
  RETARGET_RULES,
  ruleLabel,
  type RetargetRule,
  type RetargetSettings,
} from './retargetRules';
import { asertSettleBlocks } from '../math/theory';
import type { Curve, Experiment, Progress, Row } from './types';

/** Block times count as on target within ±10 % of T. */
export const BAND = 0.1;
const WARM_PERIODS = 2;
const AFTER_PERIODS = 3;
const CURVE_POINTS = 200;

export interface RetargetRun {
  /** Expected block time / target of each block after the step (difficulty / (hash rate · T)). */
  readonly relative: Float64Array;
  /** Actual time taken by the blocks after the step minus the target time, in units of T. */
  readonly slip: number;
}

export function simulateRetarget(
  rule: RetargetRule,
  factor: number,
  s: RetargetSettings,
  rng: Rng,
): RetargetRun {
  const warm = WARM_PERIODS * s.bitcoinWindow;
  const after = AFTER_PERIODS * s.bitcoinWindow;
  const total = warm + after;
  const times = new Float64Array(total);
  const work = new Float64Array(total);
  const relative = new Float64Array(after);
  work[0] = s.target; // difficulty on target for hash rate 1
  for (let n = 1; n < total; n++) {
    const rate = n >= warm ? factor : 1;
    const w = nextWork(rule, times, work, n, s);
    work[n] = w;
    times[n] = (times[n - 1] as number) + rng.exponential(rate / w);
    if (n >= warm) relative[n - warm] = w / (rate * s.target);
  }
  const slip = ((times[total - 1] as number) - (times[warm - 1] as number)) / s.target - after;
  return { relative, slip };
}

/** Blocks after the step until the curve enters ±band of 1 and stays there (the curve's length if never). */
export function settleBlocks(curve: ArrayLike<number>, band = BAND): number {
  let i = curve.length;
  while (i > 0 && Math.abs((curve[i - 1] as number) - 1) <= band) i--;
  return i;
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

const stepLabel = (factor: number) => (factor >= 1 ? `×${factor}` : `÷${1 / factor}`);

export const retarget: Experiment = {
  name: 'retarget',
  title: 'Difficulty retargeting',
  summary:
    'The hash rate jumps ×k or ÷k. Bitcoin’s 2016-block window (clamped to ×4), LWMA (zawy12) and ASERT ' +
    '(aserti3-2d, Bitcoin Cash 2020) adjust the difficulty. Simulated: blocks until the mean expected block time ' +
    'is back within ±10 % of the target and stays there, the time that takes, the overshoot, the steady-state ' +
    'RMS error (oscillation) and mean, and the schedule slip. Theory: one period for Bitcoin; the exponential response for ASERT.',
  trialUnit: 'runs per rule and step',
  defaultTrials: 100,
  // The settle time is read off the mean curve: LWMA's blocks wobble ±13 % each, so the mean of fewer than 50
  // runs can stray outside the ±10 % band by chance (at 50 the band is over 4 standard errors away).
  minTrials: 50,
  maxTrials: 2000,
  fields: [
    { key: 'step', label: 'Hash-rate step k', min: 2, max: 4, step: 1, default: 4 },
    { key: 'lwmaWindow', label: 'LWMA window (blocks)', min: 10, max: 200, step: 5, default: 60 },
    { key: 'asertHalfLife', label: 'ASERT half-life (blocks)', min: 36, max: 1008, step: 36, default: 288 },
  ],
  columns: [
    { key: 'rule', label: 'rule' },
    { key: 'step', label: 'step' },
    { key: 'simulated', label: 'blocks off' },
    { key: 'theory', label: 'theory' },
    { key: 'timeOff', label: 'time off (T)' },
    { key: 'overshoot', label: 'overshoot' },
    { key: 'rmsError', label: 'steady RMS' },
    { key: 'steadyMean', label: 'steady mean' },
    { key: 'slip', label: 'slip (T)' },
    { key: 'slipSe', label: '± SE', digits: 2 },
  ],
  *run(spec): Generator<Progress, { experiment: string; rows: Row[]; curves: Curve[] }> {
    const k = spec.params.step ?? 4;
    const s: RetargetSettings = {
      ...DEFAULT_RETARGET,
      lwmaWindow: spec.params.lwmaWindow ?? DEFAULT_RETARGET.lwmaWindow,
      asertHalfLife: spec.params.asertHalfLife ?? DEFAULT_RETARGET.asertHalfLife,
    };
    const rows: Row[] = [];
    const curves: Curve[] = [];
    const total = RETARGET_RULES.length * 2;
    let r = 0;
    for (const factor of [k, 1 / k]) {
      for (const rule of RETARGET_RULES) {
        yield { done: r, total, label: `${ruleLabel(rule, s)}, hash rate ${stepLabel(factor)}` };
        const after = AFTER_PERIODS * s.bitcoinWindow;
        const mean = new Float64Array(after);
        const slips: number[] = [];
        let squares = 0;
        let sum = 0;
        let counted = 0;
        for (let t = 0; t < spec.trials; t++) {
          const run = simulateRetarget(rule, factor, s, trialRng(spec.seed, r, t));
          slips.push(run.slip);
          for (let i = 0; i < after; i++) mean[i] = (mean[i] as number) + (run.relative[i] as number);
          // Steady state: the last period, long after every rule has settled.
          for (let i = after - s.bitcoinWindow; i < after; i++) {
            squares += ((run.relative[i] as number) - 1) ** 2;
            sum += run.relative[i] as number;
            counted++;
          }
        }
        for (let i = 0; i < after; i++) mean[i] = (mean[i] as number) / spec.trials;
        const settle = settleBlocks(mean);
        let timeOff = 0;
        for (let i = 0; i < settle; i++) timeOff += mean[i] as number;
        // Overshoot: how far the mean curve swings past the target on the other side.
        let overshoot = 0;
        for (const m of mean) overshoot = Math.max(overshoot, factor > 1 ? m - 1 : 1 - m);
        const slip = estimate(slips);
        rows.push({
          rule,
          step: stepLabel(factor),
          simulated: settle,
          theory:
            rule === 'bitcoin'
              ? s.bitcoinWindow
              : rule === 'asert'
                ? asertSettleBlocks(factor, s.asertHalfLife, BAND)
                : null,
          timeOff,
          overshoot,
          rmsError: Math.sqrt(squares / counted),
          // LWMA-1 has no bias correction: E[1/Σ i·t_i] > 1/E[Σ i·t_i] makes its blocks ~1 % slow at N = 60.
          steadyMean: sum / counted,
          slip: slip.mean,
          slipSe: slip.se,
          trials: spec.trials,
        });
        curves.push({
          name: ruleLabel(rule, s),
          group: stepLabel(factor),
          points: downsample(mean, CURVE_POINTS),
        });
        r++;
      }
    }
    return { experiment: 'retarget', rows, curves };
  },
};
