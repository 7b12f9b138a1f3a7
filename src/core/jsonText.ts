// JSON for the project's own files (share links, run files, autosave, --out): like JSON.stringify, but every
// number survives the trip through the safe parser (parse.ts) unchanged — ints of any size (bigint) keep every
// digit, an integral float (PyFloat) and −0 stay floats — so a run written and read back replays exactly.
import { PyFloat, pyFloatRepr } from './encoding';

function number(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`${n} cannot be written as JSON`);
  // Safe integers print as ints; anything else as the float it is ("-0.0", "1e+21", "0.1").
  return Number.isSafeInteger(n) && !Object.is(n, -0) ? String(n) : pyFloatRepr(n);
}

export function jsonText(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return number(value);
    case 'bigint':
      return String(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (value instanceof PyFloat) return pyFloatRepr(value.value);
      if (Array.isArray(value))
        return `[${value.map((v) => (v === undefined || typeof v === 'function' ? 'null' : jsonText(v))).join(',')}]`;
      const parts: string[] = [];
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        if (v !== undefined && typeof v !== 'function') parts.push(`${JSON.stringify(k)}:${jsonText(v)}`);
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(`a ${typeof value} cannot be written as JSON`);
  }
}
