// What each difficulty adjustment rule would do to the live chain (the settings panel's preview). The app's
// difficulty is a slider of whole hex digits or bits, so a rule's answer is also shown as the nearest step.
import { hashBlock } from '../core/block';
import { DIFFICULTY_RANGE, expectedAttempts, type PowParams } from '../core/pow';
import type { Chain } from '../core/types';
import {
  nextWork,
  RETARGET_RULES,
  type RetargetRule,
  type RetargetSettings,
} from '../experiments/retargetRules';

/** Classroom chains are short: windows of 10 blocks stand in for Bitcoin's 2016 and LWMA's 60. */
export const LIVE_WINDOW = 10;

export interface PreviewRow {
  readonly rule: RetargetRule;
  readonly label: string;
  /** Expected attempts the rule asks for next. */
  readonly work: number;
  /** Its ratio to the current difficulty's expected attempts. */
  readonly factor: number;
  /** The nearest slider step, and its expected block time at the network's rate. */
  readonly slider: number;
  readonly seconds: number;
}

const LABEL: Record<RetargetRule, string> = {
  bitcoin: `Bitcoin (${LIVE_WINDOW}-block period)`,
  lwma: `LWMA (${LIVE_WINDOW} blocks)`,
  asert: `ASERT (half-life ${LIVE_WINDOW} blocks)`,
};

/** The slider step whose expected attempts are nearest `work` on a log scale. */
export function nearestStep(pow: PowParams, work: number): number {
  const per = pow.rule === 'header' ? Math.log(2) : Math.log(16);
  const r = DIFFICULTY_RANGE[pow.rule];
  return Math.min(r.max, Math.max(r.min, Math.round(Math.log(work) / per)));
}

/**
 * Each rule's next difficulty from the last LIVE_WINDOW + 1 blocks of `chain` (timestamps in seconds, each block's
 * difficulty from `difficultyOf`), or null until that many blocks exist. Bitcoin is shown as if the next block
 * began a period, so its answer is visible before the boundary.
 */
export function retargetPreview(
  chain: Chain,
  difficultyOf: (hash: string) => number | undefined,
  pow: PowParams,
  targetSeconds: number,
  networkRate: number,
): PreviewRow[] | null {
  if (chain.length < LIVE_WINDOW + 2 || !(targetSeconds > 0)) return null;
  const recent = chain.slice(-(LIVE_WINDOW + 1));
  const times = recent.map((b) => b.timestamp);
  const work = recent.map((b) =>
    expectedAttempts({ ...pow, difficulty: difficultyOf(hashBlock(b)) ?? pow.difficulty }),
  );
  const s: RetargetSettings = {
    target: targetSeconds,
    bitcoinWindow: LIVE_WINDOW,
    lwmaWindow: LIVE_WINDOW,
    asertHalfLife: LIVE_WINDOW,
  };
  const current = expectedAttempts(pow);
  // n = LIVE_WINDOW + 1 is the block after `recent`: a period boundary for Bitcoin only if LIVE_WINDOW divides
  // it, so Bitcoin is asked one block earlier with the same window (its first and last timestamps).
  return RETARGET_RULES.map((rule) => {
    const next =
      rule === 'bitcoin'
        ? nextWork(rule, times.slice(1), work.slice(1), LIVE_WINDOW, s)
        : nextWork(rule, times, work, LIVE_WINDOW + 1, s);
    const slider = nearestStep(pow, next);
    return {
      rule,
      label: LABEL[rule],
      work: next,
      factor: next / current,
      slider,
      seconds: networkRate > 0 ? expectedAttempts({ ...pow, difficulty: slider }) / networkRate : Infinity,
    };
  });
}
