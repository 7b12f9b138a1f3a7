// The experiments' words in the reader's language, looked up by the experiment's CLI name and the id of the field,
// column, cell, note or sentence (src/i18n/experiments/), with the English of src/experiments/ as the fallback:
// the experiment modules keep their English for the command line, and the page translates at its edge, as
// lessonText.ts does for the lessons.
import type { ParseKeys, TFunction } from 'i18next';
import { i18n } from '../i18n/i18n';
import { significant } from '../math/stats';
import type { SpecProblem } from '../experiments/run';
import type { Cell, Experiment, ExperimentResult, Progress, Said } from '../experiments/types';

type T = TFunction<'translation', undefined>;

const english = () => !i18n.language || i18n.language.startsWith('en');

const decimals = new Map<string, Intl.NumberFormat>();
function local(x: number): string {
  let f = decimals.get(i18n.language);
  if (!f) {
    f = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 20 });
    decimals.set(i18n.language, f);
  }
  return f.format(x);
}

const decimalSign = () =>
  new Intl.NumberFormat(i18n.language).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';

/** A parameter as the reader's language writes it; in English as the command line prints it ("0.005", "1000"). */
export function shownNumber(x: number): string {
  return english() || !Number.isFinite(x) ? String(x) : local(x);
}

/** `x` to `digits` significant digits (src/math/stats.ts), with the language's decimal sign. */
export function shownSignificant(x: number, digits: number): string {
  const s = significant(x, digits);
  if (english() || !Number.isFinite(x)) return s;
  // 1.235e-5 keeps its exponent; only the decimal sign changes.
  if (s.includes('e')) return s.replace('.', decimalSign());
  return local(Number(s));
}

export interface ShownExperiment {
  readonly title: string;
  readonly summary: string;
  readonly trialUnit: string;
  /** A number field's or list field's label. */
  label(key: string): string;
  column(key: string): string;
  /** A table cell: numbers to the column's digits, words (rule names, figures) translated. */
  cell(column: string, v: Cell | undefined, digits: number): string;
  progress(p: Progress): string;
  /** A sentence with `english` as the fallback. */
  said(s: Said, english: string): string;
  notes(result: ExperimentResult): string[];
}

export function experimentText(t: T, exp: Experiment): ShownExperiment {
  const base = `experimentText.${exp.name}`;
  const say = (key: string, english: string, values: Record<string, unknown> = {}) =>
    t(`${base}.${key}` as ParseKeys, { ...values, defaultValue: english }) as string;
  const word = (column: string, v: string) => say(`cells.${column}.${v}`, v);
  const said = (s: Said, english: string): string => {
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(s.values ?? {}))
      values[k] = typeof v === 'number' ? shownNumber(v) : typeof v === 'string' ? word(k, v) : said(v, v.id);
    return say(`said.${s.id}`, english, values);
  };
  return {
    title: say('title', exp.title),
    summary: say('summary', exp.summary),
    trialUnit: say('trialUnit', exp.trialUnit),
    label: (key) => {
      const field = exp.fields.find((f) => f.key === key);
      if (field) return say(`fields.${key}`, field.label);
      return say(`lists.${key}`, exp.lists?.find((f) => f.key === key)?.label ?? key);
    },
    column: (key) => say(`columns.${key}`, exp.columns.find((c) => c.key === key)?.label ?? key),
    cell: (column, v, digits) => {
      if (v === null || v === undefined) return '—';
      if (typeof v === 'boolean') return v ? t('warmUp.yes') : t('warmUp.no');
      if (typeof v === 'number') return Number.isNaN(v) ? '—' : shownSignificant(v, digits);
      return word(column, v);
    },
    progress: (p) => (p.said ? said(p.said, p.label) : p.label),
    said,
    notes: (result) => {
      const lines = exp.notes?.(result) ?? [];
      const paragraphs = exp.noteSaid?.(result);
      if (!paragraphs) return [...lines];
      // One paragraph's English is the printed lines joined; the terminal wraps them mid-sentence.
      const whole = lines.join(' ');
      return paragraphs.map((s) => say(`notes.${s.id}`, paragraphs.length === 1 ? whole : s.id));
    },
  };
}

/** checkSpec's reason (src/experiments/run.ts problemText) in the reader's language. */
export function problemMessage(t: T, exp: Experiment, p: SpecProblem): string {
  const text = experimentText(t, exp);
  const n = shownNumber;
  switch (p.kind) {
    case 'seed':
      return t('experimentWords.seed');
    case 'trials':
      return t('experimentWords.trials', { unit: text.trialUnit, min: n(p.min), max: n(p.max) });
    case 'field':
      return t(p.whole ? 'experimentWords.fieldWhole' : 'experimentWords.field', {
        label: text.label(p.key),
        min: n(p.min),
        max: n(p.max),
      });
    case 'list':
      return t(p.whole ? 'experimentWords.listWhole' : 'experimentWords.list', {
        label: text.label(p.key),
        items: n(p.maxItems),
        min: n(p.min),
        max: n(p.max),
      });
  }
}
