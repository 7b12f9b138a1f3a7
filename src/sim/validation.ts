// The validation options of a world: its rule and strictness, and the difficulty each block index had to meet.
// One function object per difficulty schedule, so the core's cumulative-work cache (keyed by it) stays warm
// from one step to the next and a resolve costs O(new blocks).
import type { ValidationOptions } from '../core/validate';
import type { Draft } from './draft';
import { difficultyAt, type DifficultyStep, type World } from './world';

const lookups = new WeakMap<readonly DifficultyStep[], (index: number) => number>();

export function difficultyLookup(schedule: readonly DifficultyStep[]): (index: number) => number {
  let f = lookups.get(schedule);
  if (!f) lookups.set(schedule, (f = (index: number) => difficultyAt(schedule, index)));
  return f;
}

export function validationOf(w: Pick<World, 'params' | 'schedule'> | Draft): ValidationOptions {
  const schedule = w.schedule;
  const pow = w.params.pow;
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
