// What a miner needs from the world's difficulty: the proof rule and target of the block it is about to forge on
// a tip, and its hash rate there. Under retargeting the target follows from the tip's chain (src/core/retarget.ts),
// so it is asked per tip, not per index (docs/architecture.md "Retargeting").
import type { Link } from '../core/chain';
import type { PowParams } from '../core/pow';
import { expectedAfter } from '../core/retarget';
import { zeroBitsOf } from '../core/target';
import type { Draft } from './draft';
import type { HashRateStep, SimParams } from './params';
import { targetPlan } from './validation';
import { difficultyAt, difficultyStep, type DifficultyStep } from './world';

/** The proof rule, difficulty and (under retargeting) exact target of the block after `tip`. */
export function powAfter(d: Draft, tip: Link): PowParams {
  const plan = targetPlan(d);
  if (!plan) return { ...d.params.pow, difficulty: difficultyAt(d.schedule, tip.block.index + 1) };
  const bits = expectedAfter(plan, tip);
  return { rule: 'header', difficulty: zeroBitsOf(bits), bits };
}

/** The hash-rate step's factor for a job on `tip` (SimParams.hashRateStep). */
export function stepFactor(step: HashRateStep, tip: Link): number {
  return step.at > 0 && tip.length - 1 >= step.at ? step.factor : 1;
}

const sameRule = (a: DifficultyStep['retarget'], b: DifficultyStep['retarget']) =>
  a === b ||
  (!!a &&
    !!b &&
    a.algorithm === b.algorithm &&
    a.interval === b.interval &&
    a.windowBlocks === b.windowBlocks &&
    a.halfLife === b.halfLife);

/** Whether new settings change the difficulty rule, so the schedule gains a step (src/sim/apply.ts). */
export function difficultyChanged(before: SimParams, next: SimParams): boolean {
  return (
    before.pow.difficulty !== next.pow.difficulty ||
    before.pow.rule !== next.pow.rule ||
    !sameRule(difficultyStep(0, before).retarget, difficultyStep(0, next).retarget)
  );
}
