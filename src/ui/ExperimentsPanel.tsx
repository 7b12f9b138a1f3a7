// Experiments: pick one, set its numbers, run it in a worker with a progress bar and cancel, then see the
// simulated points with error bars over the theory curve, and the table. Loaded with React.lazy (App.tsx):
// recharts comes in through ExperimentCharts.tsx only.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Trans } from 'react-i18next';
import { EXPERIMENTS } from '../experiments/registry';
import { checkSpec, defaultSpec } from '../experiments/run';
import { openExperimentRunner, type ExperimentRunner } from '../experiments/runner';
import { checkRows } from '../experiments/check';
import { agreement, cellText } from '../experiments/table';
import type { Experiment, ExperimentResult, Progress } from '../experiments/types';
import { fixed } from '../i18n/numbers';
import { useText } from '../i18n/useText';
import { Figure, type ChartSize } from './ChartFigures';
import { ExperimentChart } from './ExperimentCharts';
import { chartsFor } from './experimentChartData';
import { ICON } from './icons';
import './ExperimentsPanel.css';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly progress: Progress | null }
  | { readonly kind: 'done'; readonly seconds: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'error'; readonly message: string };

const NAMES = Object.keys(EXPERIMENTS);
const FIRST = 'selfish-mining';

/** The text of every input, so a half-typed number stays as typed until Run checks it. */
function initialInputs(exp: Experiment): Record<string, string> {
  const spec = defaultSpec(exp);
  return {
    trials: String(spec.trials),
    seed: String(spec.seed),
    ...Object.fromEntries(exp.fields.map((f) => [f.key, String(f.default)])),
    ...Object.fromEntries((exp.lists ?? []).map((f) => [f.key, f.default.join(', ')])),
  };
}

/** "0.1, 0.3" → [0.1, 0.3]; a word or an empty item becomes NaN, which checkSpec refuses in words. */
const numbers = (text: string | undefined) =>
  (text ?? '').split(',').map((x) => (x.trim() === '' ? NaN : Number(x.trim())));

const percent = (p: Progress) => Math.floor((100 * p.done) / Math.max(p.total, 1));

export default function ExperimentsPanel({
  runner,
  fixedSize,
}: {
  /** How to run (tests pass an in-process runner; the app opens a worker). */
  runner?: ExperimentRunner;
  fixedSize?: ChartSize;
}) {
  const { t } = useText();
  const [name, setName] = useState(FIRST);
  const exp = EXPERIMENTS[name] as Experiment;
  const [inputs, setInputs] = useState<Record<string, Record<string, string>>>({});
  const values = inputs[name] ?? initialInputs(exp);
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
  const setInput = (key: string, text: string) =>
    setInputs((all) => ({ ...all, [name]: { ...values, [key]: text } }));

  const start = () => {
    const params = Object.fromEntries(exp.fields.map((f) => [f.key, Number(values[f.key])]));
    const lists = Object.fromEntries((exp.lists ?? []).map((f) => [f.key, numbers(values[f.key])]));
    const spec = checkSpec(exp, { seed: Number(values.seed), trials: Number(values.trials), params, lists });
    if (!spec.ok) return setStatus({ kind: 'error', message: spec.error.message });
    const use = runner ?? (ownRunner.current ??= openExperimentRunner());
    const started = performance.now();
    const which = name;
    setStatus({ kind: 'running', progress: null });
    cancel.current = use.run(which, spec.value, {
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

  const charts = useMemo(() => (result ? chartsFor(result) : []), [result]);
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
        <label className="experiments-field">
          {t('experiments.experiment')}
          <select
            value={name}
            disabled={running}
            onChange={(e) => {
              setName(e.target.value);
              setStatus({ kind: 'idle' });
            }}
          >
            {NAMES.map((n) => (
              <option key={n} value={n}>
                {(EXPERIMENTS[n] as Experiment).title}
              </option>
            ))}
          </select>
        </label>
        <label className="experiments-field">
          {t('experiments.trials')} ({exp.trialUnit})
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
            {f.label}
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
            {f.label} ({t('experiments.commas')})
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
      <p className="experiments-summary">{exp.summary}</p>
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
                ? `${percent(status.progress)} % — ${status.progress.label}`
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
      {status.kind === 'error' && (
        <p role="alert" className="notice">
          {ICON.warn} {status.message}
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
          <ResultTable exp={exp} result={result} outside={outside} />
          {exp.notes?.(result).map((line) => (
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
  result,
  outside,
}: {
  exp: Experiment;
  result: ExperimentResult;
  outside: ReadonlySet<number>;
}) {
  const { t } = useText();
  return (
    <div className="experiments-table-wrap">
      <table className="experiments-table">
        <caption>{t('experiments.caption', { title: exp.title })}</caption>
        <thead>
          <tr>
            {exp.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, i) => (
            <tr key={i} className={outside.has(i) ? 'outside' : undefined}>
              {exp.columns.map((c) => (
                <td key={c.key} className="mono">
                  {cellText(row[c.key], c.digits ?? 4)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
