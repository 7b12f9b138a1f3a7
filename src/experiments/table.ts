// The experiment tables as plain text (the CLI prints them; the tests read them).
import { significant } from '../math/stats';
import { checkRows } from './check';
import type { Cell, Column, Experiment, ExperimentResult } from './types';

export function cellText(v: Cell | undefined, digits: number): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return Number.isNaN(v) ? '—' : significant(v, digits);
  return v;
}

export function formatTable(columns: readonly Column[], rows: ExperimentResult['rows']): string {
  const cells = rows.map((row) => columns.map((c) => cellText(row[c.key], c.digits ?? 4)));
  const widths = columns.map((c, i) =>
    Math.max(c.label.length, ...cells.map((r) => (r[i] as string).length)),
  );
  const line = (parts: readonly string[]) =>
    parts
      .map((p, i) => p.padStart(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.label)), ...cells.map(line)].join('\n');
}

/** "k of n rows within 3 standard errors of theory" for rows that have a theory and a standard error. */
export function agreement(rows: ExperimentResult['rows']): { within: number; checked: number } {
  let within = 0;
  let checked = 0;
  for (const row of rows) {
    const d = row.deviation;
    if (typeof d !== 'number' || Number.isNaN(d)) continue;
    checked++;
    if (d <= 3) within++;
  }
  return { within, checked };
}

export function report(exp: Experiment, result: ExperimentResult, seed: number, trials: number): string {
  // The same verdict as --check where the experiment says what to compare (src/experiments/check.ts).
  const checks = exp.check ? checkRows(exp, result) : null;
  const { within, checked } = checks
    ? { within: checks.filter((c) => c.ok).length, checked: checks.length }
    : agreement(result.rows);
  const lines = [
    `${exp.title} (${exp.name}), seed ${seed}, ${trials} ${exp.trialUnit}`,
    '',
    formatTable(exp.columns, result.rows),
  ];
  if (checked > 0) lines.push('', `${within} of ${checked} rows within 3 standard errors of theory.`);
  if (exp.notes) lines.push(...exp.notes(result));
  return lines.join('\n');
}
