// Field checks for data from outside (src/share/readPayload.ts): each failure names the field, as a student
// would want to read it ("log[3].cmd.node must be text …").
import { PyFloat } from '../core/encoding';
import { jsonText } from '../core/jsonText';
import { DEFAULT_PARAMS, type SimParams } from '../sim/params';
import { checkParams } from '../sim/settings';

export class Bad extends Error {}

export const MAX_TEXT = 200;
export const MAX_LIST = 64;
/** Far more inputs than a class session makes; the byte caps usually bind first. */
export const MAX_LOG = 200_000;
const MAX_COUNT = 1e9;

export type Obj = Record<string, unknown>;

export function bad(path: string, what: string): never {
  throw new Bad(`${path} ${what}`);
}
export function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad(path, 'must be an object');
  return v as Obj;
}
export function list(v: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(v)) bad(path, 'must be a list');
  if (v.length > max) bad(path, `has more than ${max} items`);
  return v;
}
export function text(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.length > MAX_TEXT)
    bad(path, `must be text of at most ${MAX_TEXT} characters`);
  return v;
}
/** A number; an integral float written as 5.0 (read as PyFloat) is the same number here. */
export function num(v: unknown, path: string, min = -Infinity, max = Infinity): number {
  const x = v instanceof PyFloat ? v.value : v;
  if (typeof x !== 'number' || !Number.isFinite(x) || x < min || x > max)
    bad(path, `must be a number from ${min} to ${max}`);
  return x;
}

/** What a value is, in a few characters, for an error message (never throws, whatever it is). */
export function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.slice(0, 40));
  if (v instanceof PyFloat || typeof v === 'number' || typeof v === 'bigint') return jsonText(v).slice(0, 40);
  if (v === null || typeof v === 'boolean') return String(v);
  return Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v;
}
export function int(v: unknown, path: string, min = 0, max = MAX_COUNT): number {
  if (!Number.isSafeInteger(v) || (v as number) < min || (v as number) > max)
    bad(path, `must be a whole number from ${min} to ${max}`);
  return v as number;
}
export function onlyKeys(o: Obj, keys: readonly string[], path: string) {
  for (const k of Object.keys(o))
    if (!keys.includes(k)) bad(path, `has an unknown field "${k.slice(0, 40)}"`);
}

const ENUMS: Record<string, readonly string[]> = {
  rule: ['tutorial', 'tutorial-original', 'header'],
  forkChoice: ['longest', 'most-work'],
  strictness: ['tutorial', 'strict'],
  resolvePolicy: ['manual', 'periodic', 'on-announce', 'relay'],
  algorithm: ['none', 'bitcoin', 'lwma', 'asert'],
};

/** Settings have exactly the shape of DEFAULT_PARAMS (missing ones take the default); ranges are the sim's. */
export function shaped(v: unknown, model: Obj, path: string, partial: boolean): Obj {
  const o = obj(v, path);
  onlyKeys(o, Object.keys(model), path);
  const out: Obj = {};
  for (const [k, dflt] of Object.entries(model)) {
    const p = `${path}.${k}`;
    if (!(k in o)) {
      if (!partial) out[k] = dflt;
      continue;
    }
    const x = o[k];
    if (typeof dflt === 'boolean') {
      if (typeof x !== 'boolean') bad(p, 'must be true or false');
      out[k] = x;
    } else if (typeof dflt === 'number') out[k] = num(x, p);
    else if (typeof dflt === 'string') {
      const allowed = ENUMS[k];
      if (allowed && !allowed.includes(x as string)) bad(p, `must be one of ${allowed.join(', ')}`);
      out[k] = text(x, p);
    } else out[k] = shaped(x, dflt as Obj, p, partial);
  }
  return out;
}
/** Settings of the right shape, then the simulation's own range checks (the one validator, src/sim/settings.ts). */
export function readParams(v: unknown, path = 'params'): SimParams {
  const p = shaped(v, DEFAULT_PARAMS as unknown as Obj, path, false) as unknown as SimParams;
  int(p.seed, `${path}.seed`, 0, 2 ** 32 - 1);
  const checked = checkParams(p);
  if (!checked.ok) bad(path, `are not valid: ${checked.error.message}`);
  return p;
}
