// Every experiment by its CLI name, in the order the panel lists them.
import { doubleSpend } from './doubleSpend';
import { retarget } from './retarget';
import { selfishMining } from './selfish';
import { staleRate } from './staleRate';
import type { Experiment } from './types';

export const EXPERIMENTS: Readonly<Record<string, Experiment>> = {
  'stale-rate': staleRate,
  'selfish-mining': selfishMining,
  'double-spend': doubleSpend,
  retarget,
};

export function experimentNamed(name: string): Experiment | undefined {
  return Object.hasOwn(EXPERIMENTS, name) ? EXPERIMENTS[name] : undefined;
}
