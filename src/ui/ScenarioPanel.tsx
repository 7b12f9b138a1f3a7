// Lessons: pick one, read what to watch, predict, run it from its seed, then read what happened in this very run
// (src/lessons/scenarios.ts). Run replaces the app's network with the lesson's run and plays it from its start
// at a readable speed, so every panel shows it happen; the timeline scrubs it; the reveal comes at the end.
// Reset puts the lesson's network back as it was before the run.
import { useConfirmReplace } from './ConfirmReplace';
import { useState } from 'react';
import { Trans } from 'react-i18next';
import { useText } from '../i18n/useText';
import { lessonStart, runLesson } from '../share/lessonRun';
import type { Reveal } from '../lessons/texts';
import { FLAW_PARTS, LESSONS, type LessonName, type ScenarioName } from '../lessons/scenarios';
import { useApp, useController } from './context';
import { SPEEDS } from './format';
import { ICON } from './icons';
import { lessonText, revealLine } from './lessonText';
import './Teaching.css';

/** The fastest speed at which a run of `seconds` still takes 15 s to watch (the slowest for short ones). */
function watchSpeed(seconds: number): number {
  let speed = SPEEDS[0] as number;
  for (const s of SPEEDS) if (seconds / s >= 15) speed = s;
  return speed;
}

interface Done {
  readonly scenario: ScenarioName;
  readonly predicted: string;
  readonly reveal: Reveal;
}

export function ScenarioPanel() {
  const { t } = useText();
  const controller = useController();
  const [lesson, setLesson] = useState<LessonName>('first-block');
  const [part, setPart] = useState<ScenarioName>(FLAW_PARTS[0]);
  const [predicted, setPredicted] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scenario: ScenarioName = lesson === 'tutorial-flaws' ? part : lesson;
  const text = lessonText(t, scenario);
  const lessonTitle = (name: LessonName) =>
    name === 'tutorial-flaws' ? t('lessons.flaws') : lessonText(t, name).title;

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
  const { ask, dialog } = useConfirmReplace();
  const run = () => {
    if (predicted === null) return;
    ask(t('lessons.running'), runNow);
  };
  const runNow = () => {
    if (predicted === null) return;
    const result = runLesson(scenario);
    // Watched from the moment its nodes exist, at a speed that makes the run last a dozen seconds or more.
    if (!load(result.payload, { moment: result.start, watch: true })) return;
    controller.setSpeed(watchSpeed(result.payload.check.at));
    setDone({ scenario, predicted, reveal: result.reveal });
  };
  const reset = () =>
    ask(t('lessons.resetting'), () => {
      clear();
      load(lessonStart(scenario), {});
    });
  const choiceLabel = (id: string) => text.choices.find((c) => c.id === id)?.label ?? id;

  return (
    <section className="panel teaching lessons" aria-label={t('lessons.title')}>
      <h2>{t('lessons.title')}</h2>
      <label className="field">
        {t('lessons.lesson')}
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
          {t('lessons.flaw')}
          <select
            value={part}
            onChange={(e) => {
              setPart(e.target.value as ScenarioName);
              clear();
            }}
          >
            {FLAW_PARTS.map((name) => (
              <option key={name} value={name}>
                {lessonText(t, name).title}
              </option>
            ))}
          </select>
        </label>
      )}
      <p className="watch">
        <strong>{t('lessons.watch')} </strong>
        {text.watch}
      </p>
      <fieldset disabled={done !== null}>
        <legend>
          {t('lessons.predict')} {text.question}
        </legend>
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
          {ICON.play} {t('lessons.run')}
        </button>
        <button type="button" onClick={reset}>
          {ICON.auto} {t('lessons.reset')}
        </button>
        {predicted === null && <span className="muted">{t('lessons.predictFirst')}</span>}
      </div>
      {dialog}
      <p className="muted">{t('lessons.runHint')}</p>
      {done && !atEnd && (
        <p className="row">
          <span className="muted">{t('lessons.playing')}</span>
          <button type="button" onClick={() => controller.seek(controller.store.getState().timeline.end)}>
            {t('lessons.skip')}
          </button>
        </p>
      )}
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
      {done && atEnd && (
        <div className="reveal" role="region" aria-label={t('lessons.reveal')}>
          <p>
            <Trans
              i18nKey="lessons.predicted"
              t={t}
              values={{ choice: choiceLabel(done.predicted) }}
              components={{ b: <strong /> }}
            />{' '}
            {done.predicted === done.reveal.answer ? (
              <span className="verdict ok">
                {ICON.ok} {t('lessons.agrees')}
              </span>
            ) : (
              <span className="verdict bad">
                {ICON.bad} {t('lessons.shows', { choice: choiceLabel(done.reveal.answer) })}
              </span>
            )}
          </p>
          <ul>
            {done.reveal.lines.map((line, i) => (
              <li key={i}>{revealLine(t, line)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
