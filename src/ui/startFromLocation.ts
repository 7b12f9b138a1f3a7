// What the page opens with: a shared run from the link (#s=…), else the autosaved run, else the classroom that
// is already running. A link or save that cannot be opened leaves the classroom running and says why.
import { failure } from '../core/errors';
import {
  browserStorage,
  clearSavedRun,
  keepSavedRunAside,
  loadSavedRun,
  type StorageLike,
} from '../share/autosave';
import { decodeLink, LINK_PREFIX, linkMoment } from '../share/link';
import type { SimParams } from '../sim/params';
import type { Controller } from '../store/controller';
import { CLASSROOM_PARAMS, populateClassroom } from './boot';

export type Started = 'link' | 'autosave' | 'classroom';

export interface StartOptions {
  /** Where to read "#s=…" from (default: the page's location). */
  readonly location?: { readonly hash: string };
  readonly storage?: StorageLike | null;
  /** Listen for a link pasted into this tab's address bar (only the hash changes, so the page does not reload). */
  readonly watchHash?: boolean;
}

/** Open a "#s=…" link in the running app; the current run stays if the link cannot be opened. */
export async function openLink(controller: Controller, hash: string): Promise<boolean> {
  const decoded = await decodeLink(hash);
  const moment = decoded.ok ? linkMoment(hash, decoded.value) : decoded;
  const loaded = !decoded.ok
    ? decoded
    : !moment.ok
      ? moment
      : controller.load(decoded.value, moment.value === null ? {} : { moment: moment.value });
  if (!loaded.ok) controller.notice(loaded.error);
  return loaded.ok;
}

/** Call once at boot, after the classroom controller exists (src/main.tsx). */
export async function startFromLocation(
  controller: Controller,
  options: StartOptions = {},
): Promise<Started> {
  const location = options.location ?? (typeof window === 'undefined' ? { hash: '' } : window.location);
  const storage = options.storage === undefined ? browserStorage() : options.storage;
  const watch = options.watchHash ?? typeof window !== 'undefined';
  if (watch) {
    window.addEventListener('hashchange', () => {
      if (window.location.hash.startsWith(LINK_PREFIX)) void openLink(controller, window.location.hash);
    });
  }
  if (location.hash.startsWith(LINK_PREFIX)) {
    if (await openLink(controller, location.hash)) return 'link';
    return 'classroom';
  }
  const saved = storage ? loadSavedRun(storage) : null;
  if (saved === null) return 'classroom';
  const loaded = saved.ok ? controller.load(saved.value) : saved;
  if (loaded.ok) {
    controller.store.setState({ restored: true });
    return 'autosave';
  }
  // A save this version cannot replay is kept aside, never deleted: the student can still download it.
  const kept = storage ? keepSavedRunAside(storage) : false;
  controller.notice(
    failure(
      loaded.error.code,
      `The autosaved run could not be restored: ${loaded.error.message}` +
        (kept ? ' It is kept aside: “Download the kept run” in Save and share.' : ''),
    ),
  );
  return 'classroom';
}

/** "Start fresh": forget the autosave and the link, and run the classroom network again. */
export function startFresh(
  controller: Controller,
  storage: StorageLike | null = browserStorage(),
  params: Partial<SimParams> = CLASSROOM_PARAMS,
): void {
  if (storage) clearSavedRun(storage);
  controller.store.setState({ restored: false });
  if (typeof window !== 'undefined' && window.location.hash.startsWith(LINK_PREFIX))
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  controller.reset(params);
  populateClassroom(controller);
  controller.play();
}
