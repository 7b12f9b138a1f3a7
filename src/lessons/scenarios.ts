// Seeded, reproducible lessons. Each scenario sets up its own network, drives it only through commands and the
// clock (so the run can be recorded, shared and replayed), and reads its outcome from the run's own events.
// The same code runs headless (`npm run -s sim -- --scenario NAME`) and in the Lessons panel.
import type { ProofRule } from '../core/pow';
import { ATTACKS } from './attacks';
import { BASICS } from './basics';
import { FLAWS } from './flaws';
import type { RunRecord } from './record';
import type { ParamsPatch } from '../sim/params';
import type { Simulation } from '../sim/simulation';

export interface ScenarioSetup {
  readonly nodes: number;
  /** Blocks on the best chain a scenario aims for (only some scenarios use it). */
  readonly blocks: number;
  readonly seed: number;
  readonly difficulty: number;
  readonly rule: ProofRule;
  /** One-way latency in milliseconds. */
  readonly latencyMs: number;
}

export interface Scenario<Facts = unknown> {
  readonly summary: string;
  /** The lesson's own settings; the CLI's flags may override them. */
  readonly setup: ScenarioSetup;
  /** Switches on top of the headless defaults (resolve policy, flaws, strictness …). */
  readonly params?: ParamsPatch;
  /** Drive a simulation that has `setup.nodes` nodes, none registered or mining yet. */
  run(sim: Simulation, blocks: number, maxTime: number): void;
  /** What happened, read from the run's own events and final chains (pure). */
  outcome(record: RunRecord): Facts;
}

export const SCENARIOS = { ...BASICS, ...ATTACKS, ...FLAWS } satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;

export type FactsOf<K extends ScenarioName> = ReturnType<(typeof SCENARIOS)[K]['outcome']>;

/** The tutorial's flaws, one switch at a time (docs/protocol.md "Known flaws of the tutorial node"). */
export const FLAW_PARTS = [
  'flaw-claimed-length',
  'flaw-copied-proof',
  'flaw-greedy-reward',
  'flaw-mempool',
  'flaw-no-timeout',
  'flaw-equal-length',
] as const satisfies readonly ScenarioName[];

/** A lesson is one scenario, or `tutorial-flaws`: the flaw scenarios in turn. */
export type LessonName = ScenarioName | 'tutorial-flaws';

export const LESSONS: readonly LessonName[] = [
  'first-block',
  'two-miners-race',
  'partition-heal',
  'majority-attack',
  'tampering',
  'difficulty',
  'tutorial-flaws',
];

export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(SCENARIOS, name);
}

export function isLessonName(name: string): name is LessonName {
  return name === 'tutorial-flaws' || isScenarioName(name);
}

/** Every name `--scenario` accepts, for help texts. */
export const SCENARIO_NAMES: readonly string[] = [...LESSONS, ...FLAW_PARTS];
