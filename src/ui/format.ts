// Small display helpers shared by the panels.

/** The clock's speeds, slowest first. */
export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 4, 10];

/** First and last characters of a long hash: "000a1b…9f3e". */
export function shortHash(h: string, head = 6, tail = 4): string {
  return h.length > head + tail + 1 ? `${h.slice(0, head)}…${h.slice(-tail)}` : h;
}

/** A count with thin grouping: 65536 → "65 536". */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US').replace(/,/g, '\u202f');
}

/** Seconds as "1.2 s", "3 min 20 s", "2.1 h". */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  if (seconds < 86400 * 2) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

/** Hashes per second as "2.4 MH/s". */
export function rate(hps: number): string {
  if (hps >= 1e6) return `${(hps / 1e6).toFixed(1)} MH/s`;
  if (hps >= 1e3) return `${(hps / 1e3).toFixed(1)} kH/s`;
  return `${Math.round(hps)} H/s`;
}

/** Capitalised node name for display: "alice" → "Alice". */
export function nodeName(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}
