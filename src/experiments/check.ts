// --check (and the panel's verdict): is every row's simulated value within 3 standard errors of its theory?
// With few trials the standard error is itself uncertain, so "3 SE" is the t-quantile with the same two-sided
// tail as ±3 σ of a normal (src/math/tdist.ts): 3.96 SE for 11 trials, 3.27 for 31, 3 for many.
import { threeSigmaT } from '../math/tdist';
import type { Experiment, ExperimentResult, Row } from './types';

export interface RowCheck {
  /** Index of the row in the result. */
  readonly row: number;
  /** The row's own words, e.g. "α = 0.3" (its first columns). */
  readonly label: string;
  readonly value: number;
  readonly theory: number;
  readonly se: number;
  /** The allowed distance in SE (the t-quantile for the row's trials). */
  readonly limit: number;
  readonly deviation: number;
  readonly ok: boolean;
}

const num = (row: Row, key: string): number | null => {
  const v = row[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/** Rows whose value and theory are numbers, checked; a row without theory (or SE) is not a claim, so skipped. */
export function checkRows(exp: Experiment, result: ExperimentResult): RowCheck[] {
  const spec = exp.check;
  if (!spec) return [];
  const labelKeys = exp.columns.slice(0, spec.labelColumns ?? 1).map((c) => c.key);
  const out: RowCheck[] = [];
  result.rows.forEach((row, i) => {
    const value = num(row, spec.value);
    const theory = num(row, spec.theory);
    const se = num(row, 'se');
    if (value === null || theory === null || se === null) return;
    const trials = num(row, 'trials');
    // A proportion's SE (double spend) comes from a million Bernoulli trials: normal; a mean of runs: t.
    const limit = threeSigmaT(spec.normal || trials === null ? Infinity : trials - 1);
    const deviation = se > 0 ? Math.abs(value - theory) / se : value === theory ? 0 : Infinity;
    out.push({
      row: i,
      label: labelKeys
        .map((k) => `${exp.columns.find((c) => c.key === k)?.label ?? k} = ${row[k]}`)
        .join(', '),
      value,
      theory,
      se,
      limit,
      deviation,
      ok: deviation <= limit,
    });
  });
  return out;
}

/** The checks as lines for the terminal: one per failing row, then a summary. */
export function checkReport(checks: readonly RowCheck[]): string[] {
  const failed = checks.filter((c) => !c.ok);
  const lines = failed.map(
    (c) =>
      `  outside: ${c.label}: ${c.value.toPrecision(4)} vs theory ${c.theory.toPrecision(4)}, ` +
      `|Δ|/SE = ${c.deviation.toFixed(2)} > ${c.limit.toFixed(2)}`,
  );
  lines.push(
    failed.length === 0
      ? `check: all ${checks.length} rows within 3 SE of theory.`
      : `check: ${failed.length} of ${checks.length} rows outside 3 SE of theory.`,
  );
  return lines;
}
