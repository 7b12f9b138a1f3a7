// The app's views (tabs) and how each is named in the address bar: "#chain" opens the Chain view, so a teacher
// can share a link to it and the browser's Back button returns to the previous view. A shared run ("#s=…",
// src/share/link.ts) keeps the address bar's hash to itself and opens on the first view.

export const VIEWS = [
  { id: 'network', label: 'Network & consensus' },
  { id: 'chain', label: 'Chain' },
  { id: 'lessons', label: 'Lessons' },
  { id: 'experiments', label: 'Experiments' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

export const FIRST_VIEW: ViewId = 'network';

/** "#chain" → 'chain'; anything else (no hash, a share link, a skip-link target) → null. */
export function viewFromHash(hash: string): ViewId | null {
  const id = hash.replace(/^#/, '');
  return VIEWS.find((v) => v.id === id)?.id ?? null;
}

/** The view after pressing `key` on the tab of `current` (WAI-ARIA tabs: arrows wrap, Home and End jump). */
export function viewAfterKey(current: ViewId, key: string): ViewId | null {
  const i = VIEWS.findIndex((v) => v.id === current);
  const n = VIEWS.length;
  const to =
    key === 'ArrowRight'
      ? (i + 1) % n
      : key === 'ArrowLeft'
        ? (i - 1 + n) % n
        : key === 'Home'
          ? 0
          : key === 'End'
            ? n - 1
            : -1;
  return to < 0 ? null : (VIEWS[to] as (typeof VIEWS)[number]).id;
}
