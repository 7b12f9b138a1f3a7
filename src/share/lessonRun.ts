// A lesson for the app: the scenario runs from its seed (exactly as `npm run -s sim -- --scenario NAME` runs it),
// and the simulation records its own inputs, so the app can load the finished run, watch it from the start and
// scrub its timeline, and the reveal is built from that very run.
import { recordOf, type RunRecord } from '../lessons/record';
import { SCENARIOS, type ScenarioName } from '../lessons/scenarios';
import { revealOf, type Reveal } from '../lessons/texts';
import type { SimEvent } from '../sim/events';
import { headlessParams } from '../sim/headless';
import { createSimulation } from '../sim/simulation';
import type { SharePayload } from './payload';
import { runPayload } from './recorder';

export interface LessonRun {
  readonly name: ScenarioName;
  readonly record: RunRecord;
  readonly facts: unknown;
  readonly reveal: Reveal;
  /** The finished run, to load into the app. */
  readonly payload: SharePayload;
  /** The moment the lesson's script begins (its nodes exist, nothing else has happened): where watching starts. */
  readonly start: number;
}

/** Same limit as the CLI's runs: virtual seconds a lesson may take. */
const MAX_SECONDS = 1e7;

/** The lesson's network before its script runs (for Reset): its nodes and settings, nothing done yet. */
export function lessonStart(name: ScenarioName): SharePayload {
  return build(name, false).payload;
}

export function runLesson(name: ScenarioName): LessonRun {
  return build(name, true);
}

function build(name: ScenarioName, script: boolean): LessonRun {
  const scenario = SCENARIOS[name];
  const setup = scenario.setup;
  const params = headlessParams({ ...setup, ...(scenario.params ? { params: scenario.params } : {}) });
  // Every event of the run: a reveal reads them all, however long the lesson.
  const sim = createSimulation(params, { eventCap: Number.MAX_SAFE_INTEGER });
  const events: SimEvent[] = [];
  sim.subscribe((ev) => events.push(ev));
  try {
    for (let i = 0; i < setup.nodes; i++) sim.dispatch({ type: 'add-node' });
    const start = sim.moment();
    if (script) scenario.run(sim, setup.blocks, MAX_SECONDS);
    const record = recordOf(sim, events);
    const facts = script ? scenario.outcome(record) : null;
    const reveal = script ? revealOf(name, facts) : { answer: '', lines: [] };
    return { name, record, facts, reveal, payload: runPayload(sim), start };
  } finally {
    sim.dispose();
  }
}
