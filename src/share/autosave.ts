// Autosave to localStorage: the run as a payload (src/share/payload.ts), written every few seconds while it
// changes. A full or disabled storage is a value with a code (E_STORAGE), never an exception in the page.
import { fail, failure, ok, type Result } from '../core/errors';
import { payloadText, type SharePayload } from './payload';
import { parsePayloadText } from './readPayload';
import { FILE_LIMIT } from './runFile';

export const AUTOSAVE_KEY = 'chainlab.autosave.v1';
/** Where a save this version cannot open is kept, so nothing a student made is lost (it can be downloaded). */
export const KEPT_KEY = 'chainlab.autosave.kept';

/** The part of the Web Storage API autosave uses (tests pass a fake with a tiny quota). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function isQuota(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  // Chromium and Safari say QuotaExceededError; old Firefox NS_ERROR_DOM_QUOTA_REACHED.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** Save the run; the number of characters written, or why the browser refused. */
export function saveRun(storage: StorageLike, payload: SharePayload): Result<number> {
  const text = payloadText(payload);
  try {
    storage.setItem(AUTOSAVE_KEY, text);
    return ok(text.length);
  } catch (e) {
    const kb = Math.round(text.length / 1024);
    return fail(
      failure(
        'E_STORAGE',
        isQuota(e)
          ? `Autosave is paused: the browser's storage for this page is full (this run needs ${kb} kB). Export the run to keep it.`
          : 'Autosave is off: this browser does not let the page store data (private mode or a setting).',
      ),
    );
  }
}

/** The saved run, null when there is none, or why it cannot be read (then it is best removed). */
export function loadSavedRun(storage: StorageLike): Result<SharePayload> | null {
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return null;
  }
  return text === null ? null : parsePayloadText(text, FILE_LIMIT);
}

/** Move an unreadable save aside (replacing an older one kept aside), out of the way of new autosaves. */
export function keepSavedRunAside(storage: StorageLike): boolean {
  try {
    const text = storage.getItem(AUTOSAVE_KEY);
    if (text === null) return false;
    storage.setItem(KEPT_KEY, text);
    storage.removeItem(AUTOSAVE_KEY);
    return true;
  } catch {
    return false; // full or disabled storage: the save stays where it is
  }
}

/** The text of a save kept aside, or null. */
export function keptRun(storage: StorageLike): string | null {
  try {
    return storage.getItem(KEPT_KEY);
  } catch {
    return null;
  }
}

export function discardKeptRun(storage: StorageLike): void {
  try {
    storage.removeItem(KEPT_KEY);
  } catch {
    // Nothing to discard when storage is disabled.
  }
}

export function clearSavedRun(storage: StorageLike): void {
  try {
    storage.removeItem(AUTOSAVE_KEY);
  } catch {
    // Nothing to clear when storage is disabled.
  }
}

/** localStorage when the page may use it, else null (some browsers throw on merely reading the property). */
export function browserStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
