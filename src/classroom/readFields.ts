// Reading a message field by field (messages.ts): the first problem is kept, with the field's name, and the
// message is refused with it as E_HUB_MESSAGE; nothing is half read.
import { fail, failure, ok, type Result } from '../core/errors';

export const HUB_PROTOCOL_VERSION = 1;

export type Obj = Readonly<Record<string, unknown>>;

/** Reads fields of one message; the first problem is kept and the message refused with it. */
export class Fields {
  problem: string | null = null;
  constructor(
    private readonly o: Obj,
    private readonly what: string,
  ) {}
  bad(key: string, why: string): void {
    this.problem ??= `In a ${this.what} message, "${key}" ${why}.`;
  }
  has(key: string): boolean {
    return Object.hasOwn(this.o, key);
  }
  text(key: string, max: number, min = 0): string {
    const v = this.o[key];
    if (typeof v !== 'string' || v.length < min || v.length > max) {
      this.bad(key, `must be text of ${min} to ${max} characters`);
      return '';
    }
    return v;
  }
  int(key: string, min: number, max: number): number {
    const v = this.o[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.bad(key, `must be a whole number from ${min} to ${max}`);
      return min;
    }
    return v;
  }
  num(key: string, min: number, max: number): number {
    const v = this.o[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      this.bad(key, `must be a number from ${min} to ${max}`);
      return min;
    }
    return v;
  }
  bool(key: string): boolean {
    const v = this.o[key];
    if (typeof v !== 'boolean') this.bad(key, 'must be true or false');
    return v === true;
  }
  oneOf<T extends string>(key: string, options: readonly T[]): T {
    const v = this.o[key];
    if (typeof v !== 'string' || !options.includes(v as T)) {
      this.bad(key, `must be one of ${options.join(', ')}`);
      return options[0] as T;
    }
    return v as T;
  }
  list(key: string, max: number): readonly unknown[] {
    const v = this.o[key];
    if (!Array.isArray(v) || v.length > max) {
      this.bad(key, `must be a list of at most ${max} items`);
      return [];
    }
    return v;
  }
  texts(key: string, maxItems: number, maxChars: number): string[] {
    const items = this.list(key, maxItems);
    if (!items.every((x) => typeof x === 'string' && x.length <= maxChars)) {
      this.bad(key, `must hold text of at most ${maxChars} characters`);
      return [];
    }
    return items as string[];
  }
  object(key: string): Fields {
    const v = this.o[key];
    if (!isObject(v)) {
      this.bad(key, 'must be an object');
      return new Fields({}, this.what);
    }
    return new Fields(v, this.what);
  }
  nullable<T>(key: string, read: () => T): T | null {
    return this.o[key] === null ? null : read();
  }
  merge(inner: Fields): void {
    if (inner.problem) this.problem ??= inner.problem;
  }
}

export const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const refuse = (message: string) => fail(failure('E_HUB_MESSAGE', message));

/** JSON text → an object with our version and a `type`, or why not. */
export function envelope(text: unknown): Result<{ o: Obj; type: string }> {
  if (typeof text !== 'string') return refuse('A message must be JSON text, not binary data.');
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return refuse(`A message is not JSON: "${text.slice(0, 40)}${text.length > 40 ? '…' : ''}".`);
  }
  if (!isObject(v)) return refuse('A message must be a JSON object like {"v": 1, "type": "join", …}.');
  if (v.v !== HUB_PROTOCOL_VERSION)
    return refuse(
      `The message is for version ${JSON.stringify(v.v ?? null)} of the classroom protocol; this is version ` +
        `${HUB_PROTOCOL_VERSION}. Reload the page.`,
    );
  if (typeof v.type !== 'string') return refuse('A message needs a "type".');
  return ok({ o: v, type: v.type });
}

export function done<T>(f: Fields, value: T): Result<T> {
  return f.problem ? refuse(f.problem) : ok(value);
}
