// The simulator's retargeting options (docs/architecture.md "Retargeting"): --retarget, --interval, --window,
// --halflife and --hashrate-step, each wrong use as one sentence for E_USAGE.
import type { RetargetAlgorithm, RetargetRule } from '../core/retarget';
import type { ParamsPatch } from '../sim/params';
import { RANGES } from '../sim/settings';
import { digits, shown } from './args';

export interface RetargetArgs {
  readonly retarget?: string | undefined;
  readonly interval?: string | undefined;
  readonly window?: string | undefined;
  readonly halflife?: string | undefined;
  readonly 'hashrate-step'?: string | undefined;
}

export const RETARGET_HELP = `    --retarget R     retarget the difficulty from block timestamps: bitcoin (a new target every
                     --window blocks, default 2016, clamped ×4), lwma (LWMA-1 over the last
                     --window solvetimes, default 60) or asert (aserti3-2d, --halflife seconds,
                     default 288 intervals). Needs the header rule, the default with --retarget.
                     The hash rate is set so the starting difficulty gives one block per interval
    --interval S     target seconds between blocks under --retarget (default 10)
    --window N       blocks per period (bitcoin) or solvetimes averaged (lwma)
    --halflife S     asert: seconds behind schedule that halve the difficulty
    --hashrate-step BLOCK:FACTOR
                     multiply every node's hash rate by FACTOR once its chain has BLOCK blocks
                     (2000:4 is four times faster from block 2001 on; 2000:0.25 four times slower);
                     --blocks then defaults to 4 × BLOCK
  With --retarget or --hashrate-step a table of mean block times comes before the summary, and the
  summary gains "blockTimes": [{from, to, mean, expected}] in seconds.
`;

const ALGORITHMS: readonly RetargetAlgorithm[] = ['bitcoin', 'lwma', 'asert'];
// asert has no window; the settings still hold one (the default), unused.
const WINDOW: Record<RetargetAlgorithm, number> = { bitcoin: 2016, lwma: 60, asert: 10 };
/** aserti3-2d: a half-life of two days at ten-minute blocks. */
const HALF_LIFE_INTERVALS = 288;

/** A positive number in digits ("10", "0.5"), inside `range`; or the sentence saying what is wrong. */
function seconds(
  raw: string,
  flag: string,
  range: { min: number; max: number; what: string },
): number | string {
  const x = digits(raw, false);
  if (x === null) return `${flag} needs a number of seconds written in digits, not ${shown(raw)}.`;
  return x >= range.min && x <= range.max ? x : `${flag} ${shown(raw)}: ${range.what}`;
}

/** The retarget rule the options ask for (null without --retarget), or the sentence saying what is wrong. */
export function retargetRule(a: RetargetArgs): RetargetRule | null | string {
  const algorithm = a.retarget;
  if (algorithm === undefined) {
    const stray = (['interval', 'window', 'halflife'] as const).find((k) => a[k] !== undefined);
    return stray
      ? `--${stray} belongs to --retarget: say which rule (--retarget bitcoin, lwma or asert).`
      : null;
  }
  if (!(ALGORITHMS as readonly string[]).includes(algorithm))
    return `--retarget must be bitcoin, lwma or asert (not ${shown(algorithm)}).`;
  const rule = algorithm as RetargetAlgorithm;
  const interval = a.interval === undefined ? 10 : seconds(a.interval, '--interval', RANGES.targetInterval);
  if (typeof interval === 'string') return interval;
  if (rule === 'asert' && a.window !== undefined)
    return '--window is for bitcoin and lwma; asert has no window (its pace is --halflife).';
  if (rule !== 'asert' && a.halflife !== undefined) return '--halflife is for --retarget asert only.';
  let windowBlocks = WINDOW[rule];
  if (a.window !== undefined) {
    const w = digits(a.window, true);
    const r = RANGES.retargetWindow;
    if (w === null || w < r.min || w > r.max) return `--window ${shown(a.window)}: ${r.what}`;
    windowBlocks = w;
  }
  const halfLife =
    a.halflife === undefined
      ? HALF_LIFE_INTERVALS * interval
      : seconds(a.halflife, '--halflife', RANGES.halfLife);
  if (typeof halfLife === 'string') return halfLife;
  return { algorithm: rule, interval, windowBlocks, halfLife };
}

/** --hashrate-step BLOCK:FACTOR (null when not given), or the sentence saying what is wrong. */
export function hashRateStep(raw: string | undefined): { at: number; factor: number } | null | string {
  if (raw === undefined) return null;
  const m = /^([0-9]+):([0-9]+(?:\.[0-9]+)?)$/.exec(raw);
  const at = m ? Number(m[1]) : NaN;
  const factor = m ? Number(m[2]) : NaN;
  const ok =
    m &&
    Number.isSafeInteger(at) &&
    at >= 1 &&
    at <= RANGES.stepAt.max &&
    factor >= RANGES.stepFactor.min &&
    factor <= RANGES.stepFactor.max;
  return ok
    ? { at, factor }
    : `--hashrate-step needs BLOCK:FACTOR, a block from 1 and a factor above 0 (2000:4), not ${shown(raw)}.`;
}

/**
 * The settings for a run with these options: the rule, the step, and a hash rate that gives one block per
 * interval at the starting difficulty (2^difficulty attempts per block over `nodes` equal miners), so the
 * chain starts on target and only the step moves it off.
 */
export function retargetPatch(
  rule: RetargetRule | null,
  step: { at: number; factor: number } | null,
  nodes: number,
  difficulty: number,
): ParamsPatch {
  return {
    ...(rule ? { retarget: rule, hashRate: 2 ** difficulty / (nodes * rule.interval) } : {}),
    ...(step ? { hashRateStep: step } : {}),
  };
}
