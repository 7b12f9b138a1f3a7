// A lesson run headless: the scenario's own settings and script on the engine's headless runner, exactly as
// `npm run -s sim -- --scenario NAME` and the tests run it.
import { runHeadless, type HeadlessOptions, type HeadlessRun, type HeadlessScript } from '../sim/headless';
import { recordOf } from './record';
import { SCENARIOS, type ScenarioName } from './scenarios';

/** The script and switches of a scenario, for runHeadless. */
export function scenarioScript(name: ScenarioName): Pick<HeadlessOptions, 'params' | 'script'> {
  const scenario = SCENARIOS[name];
  const script: HeadlessScript = {
    name,
    run: (sim, blocks, maxTime) => scenario.run(sim, blocks, maxTime),
    outcome: (sim, events) => scenario.outcome(recordOf(sim, events)),
  };
  return { ...(scenario.params ? { params: scenario.params } : {}), script };
}

/** Run scenario `name` with `options` (its own setup where a field is not given). */
export function runScenario(name: ScenarioName, options: Partial<HeadlessOptions> = {}): HeadlessRun {
  return runHeadless({ ...SCENARIOS[name].setup, ...options, ...scenarioScript(name) });
}
