// Experiments: pick one, set its numbers, run it in a worker with a progress bar and cancel, then see the
// simulated points with error bars over the theory curve, and the table. Loaded with React.lazy (App.tsx):
// recharts comes in through ExperimentCharts.tsx only.
import { useEffect, useMemo, useRef, useState } from 'react';
import { EXPERIMENTS } from '../experiments/registry';
import { checkSpec, defaultSpec } from '../experiments/run';
import { openExperimentRunner, type ExperimentRunner } from '../experiments/runner';
import { checkRows } from '../experiments/check';
import { agreement, cellText } from '../experiments/table';
import type { Experiment, ExperimentResult, Progress } from '../experiments/types';
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
    <section className="panel experiments" aria-label="Experiments">
      <h2>Experiments</h2>
      <p className="muted experiments-intro">
        Known results of blockchain theory, run on the simulation engine — the classroom&apos;s nodes, network
        and fork choice, in event mode — and drawn over the published formulas. Each description says which
        figure comes from the engine and which from a formula or a reference model.
      </p>
      <ul className="muted experiments-intro">
        <li>
          Stale blocks: engine runs against the fixed-delay formula; first-found wins: engine against a
          reference model of the same network.
        </li>
        <li>
          Selfish mining: the pool is a node of the engine and γ is measured there; R(α, γ) is Eyal &amp;
          Sirer&apos;s formula at that γ.
        </li>
        <li>
          Double spend: attacker, merchant and honest nodes run on the engine; the success rate beside it is
          the exact formula for the race the engine&apos;s fork choice runs.
        </li>
        <li>
          Retargeting: block times from the engine&apos;s own chains; the mean-field theory is a formula,
          where one exists.
        </li>
      </ul>
      <div className="row experiments-form">
        <label className="experiments-field">
          Experiment
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
          Trials ({exp.trialUnit})
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
            {f.label} (separated by commas)
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
          Seed
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
          {ICON.play} Run
        </button>
        <button type="button" onClick={() => cancel.current?.()} disabled={!running}>
          {ICON.stop} Cancel
        </button>
        {running && (
          <>
            <progress
              className="experiments-progress"
              aria-label="Experiment progress"
              max={status.progress?.total ?? 1}
              value={status.progress?.done ?? 0}
            />
            <span className="muted" aria-live="polite">
              {status.progress ? `${percent(status.progress)} % — ${status.progress.label}` : 'Starting…'}
            </span>
          </>
        )}
        {status.kind === 'done' && (
          <span className="ok">
            {ICON.ok} Done in {status.seconds.toFixed(1)} s
          </span>
        )}
        {status.kind === 'cancelled' && (
          <span className="muted">Cancelled; the last finished result stays below.</span>
        )}
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
              <strong>
                {agree.within} of {agree.checked}
              </strong>{' '}
              simulated points lie within 3 standard errors of theory (for few trials, the t-quantile with the
              same tail, as <code>--check</code> reads it)
              {outside.size > 0 ? '; the rows outside are marked in the table' : ''}. Error bars: ± 2 standard
              errors.
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
  return (
    <div className="experiments-table-wrap">
      <table className="experiments-table">
        <caption>{exp.title}: simulated beside theory</caption>
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
