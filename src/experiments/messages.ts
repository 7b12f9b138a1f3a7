// Messages between the page and the experiments worker: a versioned union keyed by `type`
// (docs/development.md "Conventions"). Whatever arrives at the worker is read by readPageMessage first: a message
// of another version, of an unknown type, without a spec or not an object at all gets an error reply with a code,
// never silence.
import { failure, type ErrorCode, type Failure } from '../core/errors';
import type { ExperimentResult, ExperimentSpec, Progress } from './types';

export const EXPERIMENT_PROTOCOL_VERSION = 1;

export type PageToExperiments =
  | {
      readonly v: typeof EXPERIMENT_PROTOCOL_VERSION;
      readonly type: 'run';
      readonly runId: number;
      readonly name: string;
      readonly spec: ExperimentSpec;
    }
  | { readonly v: typeof EXPERIMENT_PROTOCOL_VERSION; readonly type: 'cancel'; readonly runId: number };

export type ExperimentsToPage =
  | {
      readonly v: typeof EXPERIMENT_PROTOCOL_VERSION;
      readonly type: 'progress';
      readonly runId: number;
      readonly progress: Progress;
    }
  | {
      readonly v: typeof EXPERIMENT_PROTOCOL_VERSION;
      readonly type: 'result';
      readonly runId: number;
      readonly result: ExperimentResult;
    }
  | { readonly v: typeof EXPERIMENT_PROTOCOL_VERSION; readonly type: 'cancelled'; readonly runId: number }
  | {
      readonly v: typeof EXPERIMENT_PROTOCOL_VERSION;
      readonly type: 'error';
      /** Null when the message that failed named no run (it was not an object, or had no runId). */
      readonly runId: number | null;
      readonly code: ErrorCode;
      readonly message: string;
    };

export type ReadMessage =
  | { readonly ok: true; readonly msg: PageToExperiments }
  | { readonly ok: false; readonly runId: number | null; readonly error: Failure };

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const isRunId = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);

/** A short, never-throwing description of a value for an error message. */
function shown(x: unknown): string {
  if (typeof x === 'string') return `"${x.length > 40 ? `${x.slice(0, 40)}…` : x}"`;
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint' || x == null) return String(x);
  return Array.isArray(x) ? 'a list' : `a ${typeof x}`;
}

/** The spec's shape (numbers where numbers belong); whether they are in range is checkSpec's job (run.ts). */
function readSpec(x: unknown): Failure | null {
  const bad = (m: string) => failure('E_MESSAGE', `The run's spec ${m}.`);
  if (x === undefined) return bad('is missing');
  if (!isObject(x)) return bad(`must be an object {seed, trials, params}, not ${shown(x)}`);
  for (const key of ['seed', 'trials'] as const)
    if (typeof x[key] !== 'number') return bad(`needs ${key} as a number, not ${shown(x[key])}`);
  if (!isObject(x.params)) return bad(`needs params as an object, not ${shown(x.params)}`);
  for (const [key, value] of Object.entries(x.params))
    if (typeof value !== 'number') return bad(`needs params.${key} as a number, not ${shown(value)}`);
  if (x.lists === undefined) return null;
  if (!isObject(x.lists)) return bad(`needs lists as an object, not ${shown(x.lists)}`);
  for (const [key, value] of Object.entries(x.lists))
    if (!Array.isArray(value) || value.length > 64 || !value.every((v) => typeof v === 'number'))
      return bad(`needs lists.${key} as a list of at most 64 numbers, not ${shown(value)}`);
  return null;
}

export function readPageMessage(data: unknown): ReadMessage {
  if (!isObject(data))
    return {
      ok: false,
      runId: null,
      error: failure('E_MESSAGE', `A message must be an object {v, type, runId, …}, not ${shown(data)}.`),
    };
  const runId = isRunId(data.runId) ? data.runId : null;
  const no = (m: string) => ({ ok: false as const, runId, error: failure('E_MESSAGE', m) });
  if (data.v !== EXPERIMENT_PROTOCOL_VERSION)
    return no(
      `Unknown message version ${shown(data.v)}; this worker speaks version ${EXPERIMENT_PROTOCOL_VERSION}.`,
    );
  if (runId === null) return no(`A message needs runId as a whole number, not ${shown(data.runId)}.`);
  switch (data.type) {
    case 'cancel':
      return { ok: true, msg: { v: EXPERIMENT_PROTOCOL_VERSION, type: 'cancel', runId } };
    case 'run': {
      if (typeof data.name !== 'string')
        return no(`A run needs the experiment's name, not ${shown(data.name)}.`);
      const wrong = readSpec(data.spec);
      if (wrong) return { ok: false, runId, error: wrong };
      const spec = data.spec as ExperimentSpec;
      return { ok: true, msg: { v: EXPERIMENT_PROTOCOL_VERSION, type: 'run', runId, name: data.name, spec } };
    }
    default:
      return no(`Unknown message type ${shown(data.type)}: expected "run" or "cancel".`);
  }
}
