// Drivers for an experiment's generator: all at once (CLI, tests), or in slices that give the event loop back so
// progress can be drawn and a cancel can land (the worker, and the panel's in-process fallback).
import { fail, failure, ok, type Result } from '../core/errors';
import type { Experiment, ExperimentResult, ExperimentSpec, ListField, NumberField, Progress } from './types';

/** What is wrong with a spec, as the panel translates it (src/ui/experimentText.ts); `key` names the field. */
export type SpecProblem =
  | { readonly kind: 'seed' }
  | { readonly kind: 'trials'; readonly min: number; readonly max: number }
  | {
      readonly kind: 'field';
      readonly key: string;
      readonly whole: boolean;
      readonly min: number;
      readonly max: number;
    }
  | {
      readonly kind: 'list';
      readonly key: string;
      readonly whole: boolean;
      readonly maxItems: number;
      readonly min: number;
      readonly max: number;
    };

/** A spec with every field in range (defaults filled in), or what is wrong with it. */
export function specProblem(exp: Experiment, spec: ExperimentSpec): ExperimentSpec | SpecProblem {
  if (!Number.isInteger(spec.seed) || spec.seed < 0 || spec.seed > 2 ** 32 - 1) return { kind: 'seed' };
  const min = exp.minTrials ?? 2;
  if (!Number.isInteger(spec.trials) || spec.trials < min || spec.trials > exp.maxTrials)
    return { kind: 'trials', min, max: exp.maxTrials };
  const params: Record<string, number> = {};
  for (const f of exp.fields) {
    const v = spec.params[f.key] ?? f.default;
    if (!inRange(f, v)) return { kind: 'field', key: f.key, whole: f.step % 1 === 0, min: f.min, max: f.max };
    params[f.key] = v;
  }
  const lists: Record<string, readonly number[]> = {};
  for (const f of exp.lists ?? []) {
    const v = spec.lists?.[f.key] ?? f.default;
    if (v.length === 0 || v.length > f.maxItems || !v.every((x) => inRange(f, x)))
      return {
        kind: 'list',
        key: f.key,
        whole: f.step % 1 === 0,
        maxItems: f.maxItems,
        min: f.min,
        max: f.max,
      };
    lists[f.key] = [...v];
  }
  return { seed: spec.seed, trials: spec.trials, params, ...(exp.lists?.length ? { lists } : {}) };
}

/** A problem in the command line's words (the panel says it in the reader's language). */
export function problemText(exp: Experiment, p: SpecProblem): string {
  const label = (key: string) =>
    [...exp.fields, ...(exp.lists ?? [])].find((f) => f.key === key)?.label ?? key;
  switch (p.kind) {
    case 'seed':
      return 'The seed must be a whole number from 0 to 4294967295.';
    case 'trials':
      return `Trials (${exp.trialUnit}) must be a whole number from ${p.min} to ${p.max}.`;
    case 'field':
      return `${label(p.key)} must be a ${p.whole ? 'whole ' : ''}number from ${p.min} to ${p.max}.`;
    case 'list':
      return (
        `${label(p.key)} must be 1 to ${p.maxItems} ${p.whole ? 'whole ' : ''}numbers from ${p.min} to ${p.max}, ` +
        'separated by commas.'
      );
  }
}

export const isSpecProblem = (x: ExperimentSpec | SpecProblem): x is SpecProblem => 'kind' in x;

/** A spec with every field in range, or a readable reason why not. */
export function checkSpec(exp: Experiment, spec: ExperimentSpec): Result<ExperimentSpec> {
  const checked = specProblem(exp, spec);
  return isSpecProblem(checked) ? fail(failure('E_BAD_PARAM', problemText(exp, checked))) : ok(checked);
}

/** A list field's values of a checked spec (checkSpec filled in the defaults). */
export function listOf(spec: ExperimentSpec, key: string, fallback: readonly number[]): readonly number[] {
  return spec.lists?.[key] ?? fallback;
}

function inRange(f: NumberField | ListField, v: number): boolean {
  return Number.isFinite(v) && v >= f.min && v <= f.max && (f.step % 1 !== 0 || Number.isInteger(v));
}

export function defaultSpec(exp: Experiment, seed = 1): ExperimentSpec {
  return {
    seed,
    trials: exp.defaultTrials,
    params: Object.fromEntries(exp.fields.map((f) => [f.key, f.default])),
    ...(exp.lists?.length ? { lists: Object.fromEntries(exp.lists.map((f) => [f.key, f.default])) } : {}),
  };
}

/** Run to the end synchronously, reporting progress to `onProgress`. */
export function runToEnd(
  gen: Generator<Progress, ExperimentResult>,
  onProgress: (p: Progress) => void = () => {},
): ExperimentResult {
  for (;;) {
    const step = gen.next();
    if (step.done) return step.value;
    onProgress(step.value);
  }
}

export interface SliceOptions {
  readonly onProgress: (p: Progress) => void;
  /** Checked between slices; when it returns true the run stops and resolves to null. */
  readonly cancelled: () => boolean;
  /** Milliseconds of work before giving the event loop back (default 40: a cancel lands within a frame or two). */
  readonly sliceMs?: number;
  /** How to give the event loop back (default setTimeout 0). */
  readonly yieldToLoop?: () => Promise<void>;
  /** Wall clock for slicing (default performance.now). */
  readonly now?: () => number;
}

/** Run in slices; resolves to the result, or null if cancelled. */
export async function runSliced(
  gen: Generator<Progress, ExperimentResult>,
  o: SliceOptions,
): Promise<ExperimentResult | null> {
  const now = o.now ?? (() => performance.now());
  const pause = o.yieldToLoop ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const sliceMs = o.sliceMs ?? 40;
  for (;;) {
    const start = now();
    let last: Progress | null = null;
    while (now() - start < sliceMs) {
      const step = gen.next();
      if (step.done) return step.value;
      last = step.value;
    }
    if (last) o.onProgress(last);
    await pause();
    if (o.cancelled()) {
      gen.return({ experiment: '', rows: [] });
      return null;
    }
  }
}
