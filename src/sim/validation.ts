// The validation options of a world: its rule and strictness, and the difficulty each block index had to meet.
// One function object per difficulty schedule, so the core's cumulative-work cache (keyed by it) stays warm
// from one step to the next and a resolve costs O(new blocks). Under retargeting (docs/architecture.md
// "Retargeting") one target plan per schedule, for the same reason: the core caches each block's target by it.
import type { TargetPlan } from '../core/retarget';
import { bitsForZeroBits } from '../core/target';
import type { ValidationOptions } from '../core/validate';
import type { Draft } from './draft';
import { difficultyAt, type DifficultyStep, type World } from './world';

const lookups = new WeakMap<readonly DifficultyStep[], (index: number) => number>();
const plans = new WeakMap<readonly DifficultyStep[], TargetPlan>();

export function difficultyLookup(schedule: readonly DifficultyStep[]): (index: number) => number {
  let f = lookups.get(schedule);
  if (!f) lookups.set(schedule, (f = (index: number) => difficultyAt(schedule, index)));
  return f;
}

/**
 * The header rule's targets when some step of the schedule retargets, else null (the slider's difficulty is the
 * whole story, and validation keeps its plain path).
 */
export function targetPlan(w: Pick<World, 'params' | 'schedule'> | Draft): TargetPlan | null {
  const schedule = w.schedule;
  if (w.params.pow.rule !== 'header' || !schedule.some((s) => s.retarget)) return null;
  let plan = plans.get(schedule);
  if (!plan) {
    const segments = schedule.map((s) => ({
      fromIndex: s.fromIndex,
      bits: bitsForZeroBits(s.difficulty),
      rule: s.retarget ?? null,
    }));
    plans.set(schedule, (plan = { segments }));
  }
  return plan;
}

export function validationOf(w: Pick<World, 'params' | 'schedule'> | Draft): ValidationOptions {
  const schedule = w.schedule;
  const pow = w.params.pow;
  const targets = targetPlan(w);
  if (targets) return { pow, strictness: w.params.strictness, targets, skipProof: w.params.eventMode };
  // While the difficulty never changed, every block has the rule's difficulty: no lookup, and a chain's work
  // is its length times one block's (no per-block cache to keep).
  const constant = schedule.length === 1 && (schedule[0] as DifficultyStep).difficulty === pow.difficulty;
  return {
    pow,
    strictness: w.params.strictness,
    ...(constant ? {} : { difficultyAt: difficultyLookup(schedule) }),
    skipProof: w.params.eventMode,
  };
}
