// What a student's page keeps so that reopening it brings the node back (docs/architecture.md "A classroom
// network"): who it is in which class (name and the hub's token) and the node itself, in the text the HTTP
// node writes to its data file (src/http/nodeData.ts). A hub's page keeps them in localStorage (one student
// per browser); a tab of a class without a hub in sessionStorage, so each tab stays its own node.
import { failure, type Failure } from '../core/errors';
import { readData, type Saved } from '../http/nodeData';
import type { StorageLike } from '../share/autosave';

const IDENTITY = 'chainlab.class.identity.v1';
const NODE = 'chainlab.class.node.v1';

export interface Identity {
  readonly classId: string | null;
  readonly name: string;
  readonly token: string | null;
}

function read(storage: StorageLike | null, key: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(storage?.getItem(key) ?? 'null') as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function write(storage: StorageLike | null, key: string, value: unknown): Failure | null {
  try {
    storage?.setItem(key, JSON.stringify(value));
    return null;
  } catch (e) {
    return failure('E_STORAGE', `This browser would not keep your node (${(e as Error).message}).`);
  }
}

export function readIdentity(storage: StorageLike | null): Identity | null {
  const v = read(storage, IDENTITY);
  if (!v || typeof v.name !== 'string') return null;
  return {
    name: v.name,
    classId: typeof v.classId === 'string' ? v.classId : null,
    token: typeof v.token === 'string' ? v.token : null,
  };
}

export const writeIdentity = (storage: StorageLike | null, id: Identity) => write(storage, IDENTITY, id);

/** The node this page kept for `name` in class `classId`, if any and readable. */
export function readNode(storage: StorageLike | null, classId: string, name: string): Saved | null {
  const v = read(storage, NODE);
  if (!v || v.classId !== classId || v.name !== name || typeof v.text !== 'string') return null;
  const saved = readData('the chain this browser kept', v.text);
  return saved.ok ? saved.value : null;
}

export const writeNode = (storage: StorageLike | null, classId: string, name: string, text: string) =>
  write(storage, NODE, { classId, name, text });

export function forget(storage: StorageLike | null): void {
  try {
    storage?.removeItem(IDENTITY);
    storage?.removeItem(NODE);
  } catch {
    // Nothing kept, nothing to forget.
  }
}
