// The classroom network for the end-to-end tests: the production build (its Content-Security-Policy included)
// served by a hub on loopback (src/server/hubServer.ts), and reading the class as the teacher would, from
// GET /class.
import { rm } from 'node:fs/promises';
import { startHub, type RunningHub } from '../../src/server/hubServer';
import { buildProduction } from './appServer';

export interface ClassEntry {
  readonly name: string;
  readonly address: string;
  readonly height: number;
  readonly tip: string;
  readonly online: boolean;
}

/** `vite build` into a temporary folder, as `npm run classroom` serves it. */
export async function buildDist(): Promise<{ dist: string; remove(): Promise<void> }> {
  const dist = await buildProduction('chainlab-class-');
  return { dist, remove: () => rm(dist, { recursive: true, force: true }) };
}

export function startClassHub(dist: string, difficulty: number): Promise<RunningHub> {
  return startHub({ host: '127.0.0.1', port: 0, nodePorts: 'any', difficulty, dist });
}

export async function classList(hub: RunningHub): Promise<ClassEntry[]> {
  const res = await fetch(`${hub.url}class`);
  return ((await res.json()) as { nodes: ClassEntry[] }).nodes;
}

/** The distinct tips of the online nodes named (all online nodes by default). */
export async function tips(hub: RunningHub, names?: readonly string[]): Promise<Set<string>> {
  const nodes = (await classList(hub)).filter((n) => n.online && (!names || names.includes(n.name)));
  return new Set(nodes.map((n) => n.tip));
}

/** Polls until `check` holds, or throws what it last saw after `ms`. */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  check: (v: T) => boolean,
  ms = 20_000,
): Promise<T> {
  const end = Date.now() + ms;
  let last: T = await read();
  while (!check(last)) {
    if (Date.now() > end)
      throw new Error(
        `${what}: still ${JSON.stringify(last, (_k, v: unknown) => (v instanceof Set ? [...v] : v))}`,
      );
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}
