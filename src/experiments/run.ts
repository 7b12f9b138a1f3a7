// Drivers for an experiment's generator: all at once (CLI, tests), or in slices that give the event loop back so
// progress can be drawn and a cancel can land (the worker, and the panel's in-process fallback).
import { fail, failure, ok, type Result } from '../core/errors';
import type { Experiment, ExperimentResult, ExperimentSpec, ListField, NumberField, Progress } from './types';

/** A spec with every field in range, or a readable reason why not. */
export function checkSpec(exp: Experiment, spec: ExperimentSpec): Result<ExperimentSpec> {
  const bad = (message: string) => fail(failure('E_BAD_PARAM', message));
  if (!Number.isInteger(spec.seed) || spec.seed < 0 || spec.seed > 2 ** 32 - 1)
    return bad('The seed must be a whole number from 0 to 4294967295.');
  const min = exp.minTrials ?? 2;
  if (!Number.isInteger(spec.trials) || spec.trials < min || spec.trials > exp.maxTrials)
    return bad(`Trials (${exp.trialUnit}) must be a whole number from ${min} to ${exp.maxTrials}.`);
  const params: Record<string, number> = {};
  for (const f of exp.fields) {
    const v = spec.params[f.key] ?? f.default;
    if (!inRange(f, v))
      return bad(`${f.label} must be a ${f.step % 1 === 0 ? 'whole ' : ''}number from ${f.min} to ${f.max}.`);
    params[f.key] = v;
  }
  const lists: Record<string, readonly number[]> = {};
  for (const f of exp.lists ?? []) {
    const v = spec.lists?.[f.key] ?? f.default;
    const whole = f.step % 1 === 0;
    if (v.length === 0 || v.length > f.maxItems || !v.every((x) => inRange(f, x)))
      return bad(
        `${f.label} must be 1 to ${f.maxItems} ${whole ? 'whole ' : ''}numbers from ${f.min} to ${f.max}, ` +
          'separated by commas.',
      );
    lists[f.key] = [...v];
  }
  return ok({ seed: spec.seed, trials: spec.trials, params, ...(exp.lists?.length ? { lists } : {}) });
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
