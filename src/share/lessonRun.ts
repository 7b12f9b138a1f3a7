// A lesson for the app: the scenario runs headless from its seed (exactly as `npm run -s sim -- --scenario NAME`
// runs it) while a recorder writes down its inputs, so the app can load the finished run with controller.load
// and show it in every panel, and the reveal is built from that very run.
import type { SimEvent } from '../sim/events';
import { headlessParams } from '../sim/headless';
import { recordOf, type RunRecord } from '../lessons/record';
import { revealOf, type Reveal } from '../lessons/texts';
import { SCENARIOS, type ScenarioName } from '../lessons/scenarios';
import { createSimulation, type Simulation } from '../sim/simulation';
import type { SharePayload } from './payload';
import { createRecorder, defaultMiner } from './recorder';

export interface LessonRun {
  readonly name: ScenarioName;
  readonly record: RunRecord;
  readonly facts: unknown;
  readonly reveal: Reveal;
  /** The finished run, to load into the app. */
  readonly payload: SharePayload;
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
  const recorder = createRecorder(params);
  const sim = createSimulation(params, { miner: recorder.miner(defaultMiner(params)) });
  const events: SimEvent[] = [];
  sim.subscribe((ev) => events.push(ev));
  // Every command goes through the recorder, as the controller's do.
  const driven: Simulation = {
    ...sim,
    dispatch(cmd) {
      const undo = recorder.command(cmd);
      const r = sim.dispatch(cmd);
      if (!r.ok) undo();
      return r;
    },
  };
  try {
    for (let i = 0; i < setup.nodes; i++) driven.dispatch({ type: 'add-node' });
    if (script) scenario.run(driven, setup.blocks, MAX_SECONDS);
    const record = recordOf(sim, events);
    const facts = script ? scenario.outcome(record) : null;
    const reveal = script ? revealOf(name, facts) : { answer: '', lines: [] };
    return { name, record, facts, reveal, payload: recorder.payload(sim) };
  } finally {
    sim.dispose();
  }
}
