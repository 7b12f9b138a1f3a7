// The production build served under a sub-path, the way GitHub Pages serves it (/<repository>/).
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';
import { freePort, REPO_ROOT } from './browser';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export interface ServedApp {
  readonly url: string;
  readonly dist: string;
  close(): Promise<void>;
}

/** `vite build` into a new temporary folder (named after `prefix`): exactly what Pages serves. */
export async function buildProduction(prefix = 'chainlab-dist-'): Promise<string> {
  const dist = await mkdtemp(join(tmpdir(), prefix));
  // Vitest sets NODE_ENV=test, which would bundle React's development build.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: REPO_ROOT,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: dist, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = env;
  }
  return dist;
}

/** `vite build` into a temporary folder, then serve it at http://127.0.0.1:PORT/chainlab/. */
export async function buildAndServe(base = '/chainlab/'): Promise<ServedApp> {
  const dist = await buildProduction();
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end('not under the base path');
      return;
    }
    let file = normalize(join(dist, path.slice(base.length)));
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}${base}`,
    dist,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
