// Lessons: pick one, read what to watch, predict, run it from its seed, then read what happened in this very run
// (src/lessons/scenarios.ts). Run replaces the app's network with the lesson's run and plays it from its start
// at a readable speed, so every panel shows it happen; the timeline scrubs it; the reveal comes at the end.
// Reset puts the lesson's network back as it was before the run.
import { useState } from 'react';
import { lessonStart, runLesson } from '../share/lessonRun';
import { LESSON_TEXTS, type Reveal } from '../lessons/texts';
import { FLAW_PARTS, LESSONS, type LessonName, type ScenarioName } from '../lessons/scenarios';
import { useApp, useController } from './context';
import { SPEEDS } from './format';
import { ICON } from './icons';
import './Teaching.css';

/** The fastest speed at which a run of `seconds` still takes 15 s to watch (the slowest for short ones). */
function watchSpeed(seconds: number): number {
  let speed = SPEEDS[0] as number;
  for (const s of SPEEDS) if (seconds / s >= 15) speed = s;
  return speed;
}

const lessonTitle = (name: LessonName) =>
  name === 'tutorial-flaws' ? 'The tutorial’s flaws, one at a time' : LESSON_TEXTS[name].title;

interface Done {
  readonly scenario: ScenarioName;
  readonly predicted: string;
  readonly reveal: Reveal;
}

export function ScenarioPanel() {
  const controller = useController();
  const [lesson, setLesson] = useState<LessonName>('first-block');
  const [part, setPart] = useState<ScenarioName>(FLAW_PARTS[0]);
  const [predicted, setPredicted] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scenario: ScenarioName = lesson === 'tutorial-flaws' ? part : lesson;
  const text = LESSON_TEXTS[scenario];

  const clear = () => {
    setPredicted(null);
    setDone(null);
    setError(null);
  };
  const atEnd = useApp((s) => s.timeline.moment >= s.timeline.end && !s.watching);
  const load = (
    payload: Parameters<typeof controller.load>[0],
    how: Parameters<typeof controller.load>[1],
  ) => {
    controller.pause();
    const r = controller.load(payload, how);
    if (!r.ok) setError(`${r.error.message} (${r.error.code})`);
    return r.ok;
  };
  const run = () => {
    if (predicted === null) return;
    const result = runLesson(scenario);
    // Watched from the moment its nodes exist, at a speed that makes the run last a dozen seconds or more.
    if (!load(result.payload, { moment: result.start, watch: true })) return;
    controller.setSpeed(watchSpeed(result.payload.check.at));
    setDone({ scenario, predicted, reveal: result.reveal });
  };
  const reset = () => {
    clear();
    load(lessonStart(scenario), {});
  };
  const choiceLabel = (id: string) => text.choices.find((c) => c.id === id)?.label ?? id;

  return (
    <section className="panel teaching lessons" aria-label="Lessons">
      <h2>Lessons</h2>
      <label className="field">
        Lesson
        <select
          value={lesson}
          onChange={(e) => {
            setLesson(e.target.value as LessonName);
            clear();
          }}
        >
          {LESSONS.map((name) => (
            <option key={name} value={name}>
              {lessonTitle(name)}
            </option>
          ))}
        </select>
      </label>
      {lesson === 'tutorial-flaws' && (
        <label className="field">
          Flaw
          <select
            value={part}
            onChange={(e) => {
              setPart(e.target.value as ScenarioName);
              clear();
            }}
          >
            {FLAW_PARTS.map((name) => (
              <option key={name} value={name}>
                {LESSON_TEXTS[name].title}
              </option>
            ))}
          </select>
        </label>
      )}
      <p className="watch">
        <strong>What to watch: </strong>
        {text.watch}
      </p>
      <fieldset disabled={done !== null}>
        <legend>Predict: {text.question}</legend>
        {text.choices.map((c) => (
          <label key={c.id} className="choice">
            <input
              type="radio"
              name={`predict-${scenario}`}
              value={c.id}
              checked={predicted === c.id}
              onChange={() => setPredicted(c.id)}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={predicted === null || done !== null}
          onClick={run}
        >
          {ICON.play} Run
        </button>
        <button type="button" onClick={reset}>
          {ICON.auto} Reset
        </button>
        {predicted === null && <span className="muted">Predict first, then run.</span>}
      </div>
      <p className="muted">
        Run replaces the network with this lesson’s, from its own seed, and plays it: every panel shows it
        happen. Drag the timeline to go back; the answer appears at the end.
      </p>
      {done && !atEnd && (
        <p className="row">
          <span className="muted">The lesson is playing…</span>
          <button type="button" onClick={() => controller.seek(controller.store.getState().timeline.end)}>
            Skip to the end
          </button>
        </p>
      )}
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
      {done && atEnd && (
        <div className="reveal" role="region" aria-label="Reveal">
          <p>
            You predicted: <strong>{choiceLabel(done.predicted)}</strong>.{' '}
            {done.predicted === done.reveal.answer ? (
              <span className="verdict ok">{ICON.ok} The run agrees.</span>
            ) : (
              <span className="verdict bad">
                {ICON.bad} The run shows: {choiceLabel(done.reveal.answer)}.
              </span>
            )}
          </p>
          <ul>
            {done.reveal.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
