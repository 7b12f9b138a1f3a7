// `--scenario NAME` on the command line: the lesson's reveal in words, then the usual JSON summary line.
import type { HeadlessOptions } from '../sim/headless';
import { runScenario } from './headlessLesson';
import { english } from './said';
import { FLAW_PARTS, SCENARIOS, type ScenarioName } from './scenarios';
import { LESSON_TEXTS, revealOf } from './texts';

type Write = (line: string) => void;

/** The lesson's title and reveal, as the Lessons panel shows them after Run. */
export function printReveal(name: ScenarioName, outcome: unknown, write: Write): void {
  const reveal = revealOf(name, outcome);
  const text = LESSON_TEXTS[name];
  write(`${text.title} — ${text.question}`);
  write(`  answer: ${text.choices.find((c) => c.id === reveal.answer)?.label ?? reveal.answer}`);
  for (const line of reveal.lines) write(`  ${english(line)}`);
}

/** A scenario's own settings, for the flags the user did not give. */
export function scenarioDefaults(name: ScenarioName): HeadlessOptions {
  return SCENARIOS[name].setup;
}

/** `tutorial-flaws`: each flaw scenario in turn, from its own seed; returns the JSON line's object. */
export function runFlawLessons(write: Write): { scenario: 'tutorial-flaws'; parts: unknown[] } {
  const parts = FLAW_PARTS.map((name) => {
    const run = runScenario(name);
    const outcome = run.summary.scenario?.outcome;
    printReveal(name, outcome, write);
    return { name, outcome };
  });
  return { scenario: 'tutorial-flaws', parts };
}
