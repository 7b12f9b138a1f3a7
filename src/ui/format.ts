// Small display helpers shared by the panels. Numbers follow the reader's language (src/i18n/numbers.ts).
import { i18n } from '../i18n/i18n';
import { fixed, whole } from '../i18n/numbers';

/** The clock's speeds, slowest first. */
export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 4, 10];

/** First and last characters of a long hash: "000a1b…9f3e". */
export function shortHash(h: string, head = 6, tail = 4): string {
  return h.length > head + tail + 1 ? `${h.slice(0, head)}…${h.slice(-tail)}` : h;
}

/** A count with thin grouping: 65536 → "65 536" ("65.536" in German). */
export function count(n: number): string {
  return whole(n);
}

/** Seconds as "1.2 s", "3 min 20 s", "2.1 h". */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${seconds < 10 ? fixed(seconds, 1) : Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  if (seconds < 86400 * 2) return `${fixed(seconds / 3600, 1)} h`;
  return i18n.t('units.days', { n: fixed(seconds / 86400, 1) });
}

/** Hashes per second as "2.4 MH/s". */
export function rate(hps: number): string {
  if (hps >= 1e6) return `${fixed(hps / 1e6, 1)} MH/s`;
  if (hps >= 1e3) return `${fixed(hps / 1e3, 1)} kH/s`;
  return `${Math.round(hps)} H/s`;
}

/** "1 block", "5 blocks": counts in sentences agree with their noun. */
export function blocks(n: number): string {
  return i18n.t('units.blocks', { count: n });
}

/** Capitalised node name for display: "alice" → "Alice". */
export function nodeName(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}
