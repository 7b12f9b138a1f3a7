// Experiments: pick one, set its numbers, run it in a worker with a progress bar and cancel, then see the
// simulated points with error bars over the theory curve, and the table. Loaded with React.lazy (App.tsx):
// recharts comes in through ExperimentCharts.tsx only.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Trans } from 'react-i18next';
import { EXPERIMENTS } from '../experiments/registry';
import { defaultSpec, isSpecProblem, specProblem, type SpecProblem } from '../experiments/run';
import { openExperimentRunner, type ExperimentRunner } from '../experiments/runner';
import { checkRows } from '../experiments/check';
import { agreement } from '../experiments/table';
import type { Experiment, ExperimentResult, Progress } from '../experiments/types';
import { fixed } from '../i18n/numbers';
import { useText } from '../i18n/useText';
import { Figure, type ChartSize } from './ChartFigures';
import { ExperimentChart } from './ExperimentCharts';
import { chartsFor } from './experimentChartData';
import { formatNumberList, parseNumberList, usesDecimalComma } from './numberList';
import { experimentText, problemMessage, type ShownExperiment } from './experimentText';
import { ICON } from './icons';
import './ExperimentsPanel.css';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly progress: Progress | null }
  | { readonly kind: 'done'; readonly seconds: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'error'; readonly message: string }
  /** An input out of range: said in the reader's language when shown, so a language switch reaches it. */
  | { readonly kind: 'invalid'; readonly problem: SpecProblem };

const NAMES = Object.keys(EXPERIMENTS);
const FIRST = 'selfish-mining';

/** The text of every input, so a half-typed number stays as typed until Run checks it. */
function initialInputs(exp: Experiment, decimalComma: boolean): Record<string, string> {
  const spec = defaultSpec(exp);
  return {
    trials: String(spec.trials),
    seed: String(spec.seed),
    ...Object.fromEntries(exp.fields.map((f) => [f.key, String(f.default)])),
    ...Object.fromEntries((exp.lists ?? []).map((f) => [f.key, formatNumberList(f.default, decimalComma)])),
  };
}

const percent = (p: Progress) => Math.floor((100 * p.done) / Math.max(p.total, 1));

export default function ExperimentsPanel({
  runner,
  fixedSize,
}: {
  /** How to run (tests pass an in-process runner; the app opens a worker). */
  runner?: ExperimentRunner;
  fixedSize?: ChartSize;
}) {
  const { t, i18n } = useText();
  const formId = useId();
  const [name, setName] = useState(FIRST);
  const exp = EXPERIMENTS[name] as Experiment;
  const text = experimentText(t, exp);
  const [inputs, setInputs] = useState<Record<string, Record<string, string>>>({});
  const decimalComma = usesDecimalComma(i18n.language);
  const values = inputs[name] ?? initialInputs(exp, decimalComma);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [results, setResults] = useState<Record<string, ExperimentResult>>({});
  const result = results[name];
  const ownRunner = useRef<ExperimentRunner | null>(null);
  const cancel = useRef<(() => void) | null>(null);

  useEffect(
    () => () => {
      cancel.current?.();
      ownRunner.current?.dispose();
    },
    [],
  );

  const running = status.kind === 'running';
  // The decimal style each list text was written in ("name/key" → comma?): the language may change after, and
  // "0,5" typed in German is one number, not two.
  const writtenWithComma = useRef(new Map<string, boolean>());
  const listKeys = (exp.lists ?? []).map((f) => f.key);
  const setInput = (key: string, text: string) => {
    // The first edit keeps the list defaults as they were shown, in this language's style.
    const written = inputs[name] ? listKeys.filter((k) => k === key) : listKeys;
    for (const k of written) writtenWithComma.current.set(`${name}/${k}`, decimalComma);
    setInputs((all) => ({ ...all, [name]: { ...values, [key]: text } }));
  };

  const start = () => {
    const params = Object.fromEntries(exp.fields.map((f) => [f.key, Number(values[f.key])]));
    const lists = Object.fromEntries(
      (exp.lists ?? []).map((f) => [
        f.key,
        parseNumberList(
          values[f.key] ?? '',
          writtenWithComma.current.get(`${name}/${f.key}`) ?? decimalComma,
        ),
      ]),
    );
    const spec = specProblem(exp, {
      seed: Number(values.seed),
      trials: Number(values.trials),
      params,
      lists,
    });
    if (isSpecProblem(spec)) return setStatus({ kind: 'invalid', problem: spec });
    const use = runner ?? (ownRunner.current ??= openExperimentRunner());
    const started = performance.now();
    const which = name;
    setStatus({ kind: 'running', progress: null });
    cancel.current = use.run(which, spec, {
      onProgress: (progress) => setStatus({ kind: 'running', progress }),
      onResult: (r) => {
        cancel.current = null;
        setResults((all) => ({ ...all, [which]: r }));
        setStatus({ kind: 'done', seconds: (performance.now() - started) / 1000 });
      },
      onCancelled: () => {
        cancel.current = null;
        setStatus({ kind: 'cancelled' });
      },
      onError: (message) => {
        cancel.current = null;
        setStatus({ kind: 'error', message });
      },
    });
  };

  // The charts' words are made in chartsFor: made again when the language changes.
  const language = i18n.language;
  const charts = useMemo(() => (result && language ? chartsFor(result) : []), [result, language]);
  const checks = useMemo(() => (result ? checkRows(exp, result) : []), [exp, result]);
  const outside = new Set(checks.filter((c) => !c.ok).map((c) => c.row));
  // An experiment that names no check is judged by its rows' own |Δ|/SE column.
  const agree = result
    ? exp.check
      ? { within: checks.length - outside.size, checked: checks.length }
      : agreement(result.rows)
    : null;

  return (
    <section className="panel experiments" aria-label={t('experiments.title')}>
      <h2>{t('experiments.title')}</h2>
      <p className="muted experiments-intro">{t('experiments.intro')}</p>
      <ul className="muted experiments-intro">
        <li>{t('experiments.sourceStale')}</li>
        <li>{t('experiments.sourceSelfish')}</li>
        <li>{t('experiments.sourceDouble')}</li>
        <li>{t('experiments.sourceRetarget')}</li>
      </ul>
      <div className="row experiments-form">
        {/* Label and select side by side, not nested: a label around a select is named with all its options. */}
        <div className="experiments-field">
          <label htmlFor={`${formId}-experiment`}>{t('experiments.experiment')}</label>
          <select
            id={`${formId}-experiment`}
            value={name}
            disabled={running}
            onChange={(e) => {
              setName(e.target.value);
              setStatus({ kind: 'idle' });
            }}
          >
            {NAMES.map((n) => (
              <option key={n} value={n}>
                {experimentText(t, EXPERIMENTS[n] as Experiment).title}
              </option>
            ))}
          </select>
        </div>
        <label className="experiments-field">
          {t('experiments.trials')} ({text.trialUnit})
          <input
            type="number"
            min={exp.minTrials ?? 2}
            max={exp.maxTrials}
            value={values.trials}
            disabled={running}
            onChange={(e) => setInput('trials', e.target.value)}
          />
        </label>
        {exp.fields.map((f) => (
          <label key={f.key} className="experiments-field">
            {text.label(f.key)}
            <input
              type="number"
              min={f.min}
              max={f.max}
              step={f.step}
              value={values[f.key]}
              disabled={running}
              onChange={(e) => setInput(f.key, e.target.value)}
            />
          </label>
        ))}
        {(exp.lists ?? []).map((f) => (
          <label key={f.key} className="experiments-field">
            {text.label(f.key)} ({t(decimalComma ? 'experiments.semicolons' : 'experiments.commas')})
            <input
              type="text"
              inputMode="decimal"
              value={values[f.key]}
              disabled={running}
              onChange={(e) => setInput(f.key, e.target.value)}
            />
          </label>
        ))}
        <label className="experiments-field">
          {t('experiments.seed')}
          <input
            type="number"
            min={0}
            value={values.seed}
            disabled={running}
            onChange={(e) => setInput('seed', e.target.value)}
          />
        </label>
      </div>
      <p className="experiments-summary">{text.summary}</p>
      <div className="row">
        <button type="button" className="primary" onClick={start} disabled={running}>
          {ICON.play} {t('experiments.run')}
        </button>
        <button type="button" onClick={() => cancel.current?.()} disabled={!running}>
          {ICON.stop} {t('experiments.cancel')}
        </button>
        {running && (
          <>
            <progress
              className="experiments-progress"
              aria-label={t('experiments.progress')}
              max={status.progress?.total ?? 1}
              value={status.progress?.done ?? 0}
            />
            <span className="muted" aria-live="polite">
              {status.progress
                ? `${percent(status.progress)} % — ${text.progress(status.progress)}`
                : t('experiments.starting')}
            </span>
          </>
        )}
        {status.kind === 'done' && (
          <span className="ok">
            {ICON.ok} {t('experiments.done', { time: `${fixed(status.seconds, 1)} s` })}
          </span>
        )}
        {status.kind === 'cancelled' && <span className="muted">{t('experiments.cancelled')}</span>}
      </div>
      {(status.kind === 'error' || status.kind === 'invalid') && (
        <p role="alert" className="notice">
          {ICON.warn} {status.kind === 'error' ? status.message : problemMessage(t, exp, status.problem)}
        </p>
      )}
      {result && (
        <div className="experiments-result">
          {agree && agree.checked > 0 && (
            <p>
              <Trans
                i18nKey={outside.size > 0 ? 'experiments.agreeOutside' : 'experiments.agree'}
                t={t}
                values={{ within: agree.within, checked: agree.checked }}
                components={{ b: <strong />, c: <code /> }}
              />
            </p>
          )}
          <div className="charts-grid">
            {charts.map((c) => (
              <Figure key={c.title} title={c.title} summary={c.summary}>
                <ExperimentChart spec={c} size={fixedSize} />
              </Figure>
            ))}
          </div>
          <ResultTable exp={exp} text={text} result={result} outside={outside} />
          {text.notes(result).map((line) => (
            <p key={line} className="muted">
              {line}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}

function ResultTable({
  exp,
  text,
  result,
  outside,
}: {
  exp: Experiment;
  text: ShownExperiment;
  result: ExperimentResult;
  outside: ReadonlySet<number>;
}) {
  const { t } = useText();
  return (
    <div className="experiments-table-wrap">
      <table className="experiments-table">
        <caption>{t('experiments.caption', { title: text.title })}</caption>
        <thead>
          <tr>
            {exp.columns.map((c) => (
              <th key={c.key} scope="col">
                {text.column(c.key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, i) => (
            <tr key={i} className={outside.has(i) ? 'outside' : undefined}>
              {exp.columns.map((c) => (
                <td key={c.key} className="mono">
                  {text.cell(c.key, row[c.key], c.digits ?? 4)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
