// The folders of src/ form layers: each may import only from the layers below it, so there is no cycle and the
// engine knows nothing of lessons, the UI or the browser. The graph is read from the source files themselves.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** Lowest first. A folder may import from itself and from any folder before it in this list. */
const LAYERS = [
  'core', // the protocol: encoding, hashing, blocks, proofs, validation, fork choice
  'math', // seeded randomness, statistics, closed-form theory
  'search', // SHA-256 compression and the fast proof searches
  'sim', // the engine: world, step, bus, miners' ports, the facade
  'i18n', // the translation layer: a file of texts per language, the i18next instance (the engine stays wordless)
  'lessons', // seeded scenarios and their texts
  'experiments', // theory against the engine
  'share', // links, run files, autosave, lesson runs for the app
  'worker', // the Web Worker miner shell and its page-side driver
  'http', // the tutorial's requests over real HTTP, in the browser and in Node: Flask's encoding, asking a peer
  'classroom', // a browser as a node of a class: the hub's messages, the node on the engine shell, the links
  'server', // the node as a real HTTP server (Node only): the engine against the wall clock and sockets
  'store', // the app's state and the live clock
  'ui', // React panels
  'cli', // command-line entry points
] as const;

const TOP_FILES = new Set(['main.tsx', 'vite-env.d.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const folderOf = (file: string) => path.relative(SRC, file).split(path.sep)[0] as string;

/** Every relative import (static, dynamic, `new URL(…)` for workers) as [from folder, to folder, file]. */
function edges(): [string, string, string][] {
  const out: [string, string, string][] = [];
  const re = /(?:from\s+|import\s*\(\s*|import\s+|new URL\(\s*)'(\.{1,2}\/[^']*)'/g;
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(re)) {
      const target = path.resolve(path.dirname(file), m[1] as string);
      out.push([folderOf(file), folderOf(target), path.relative(SRC, file)]);
    }
  }
  return out;
}

describe('layers of src/', () => {
  const all = edges();

  it('has a layer for every folder', () => {
    const folders = readdirSync(SRC).filter((n) => !TOP_FILES.has(n));
    expect(folders.filter((f) => !(LAYERS as readonly string[]).includes(f))).toEqual([]);
  });

  it('imports only downwards: no folder reaches a layer above it', () => {
    const rank = (f: string) => (TOP_FILES.has(f) ? LAYERS.length : LAYERS.indexOf(f as never));
    const upward = all
      .filter(([from, to]) => rank(to) > rank(from))
      .map(([from, to, file]) => `${file}: ${from} → ${to}`);
    expect(upward).toEqual([]);
  });

  it('has no cycle between folders', () => {
    const graph = new Map<string, Set<string>>();
    for (const [from, to] of all) {
      if (from === to) continue;
      const next = graph.get(from) ?? new Set<string>();
      graph.set(from, next.add(to));
    }
    const cycles = new Set<string>();
    const done = new Set<string>();
    const visit = (node: string, stack: readonly string[]) => {
      if (stack.includes(node))
        return void cycles.add([...stack.slice(stack.indexOf(node)), node].join(' → '));
      if (done.has(node)) return;
      for (const next of graph.get(node) ?? []) visit(next, [...stack, node]);
      done.add(node);
    };
    for (const node of graph.keys()) visit(node, []);
    expect([...cycles]).toEqual([]);
  });

  it('keeps the core free of the DOM, timers and randomness, and the engine free of the browser', () => {
    const offenders = sourceFiles(SRC)
      .filter((f) => ['core', 'math', 'search', 'sim'].includes(folderOf(f)))
      .filter((f) =>
        /\b(document|window|localStorage|Math\.random|Date\.now|setTimeout|setInterval)\b/.test(
          readFileSync(f, 'utf8')
            .replace(/\/\/.*$/gm, '')
            .replace(/\/\*[\s\S]*?\*\//g, ''),
        ),
      )
      .map((f) => path.relative(SRC, f));
    expect(offenders).toEqual([]);
  });
});
