// The built app (vite build) served by the classroom hub, so students need only the hub's address. Files under
// the folder only; index.html is never cached, so a page opened after a rebuild loads the new assets.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function serveStatic(app: FastifyInstance, dist: string): void {
  const root = normalize(dist + sep);
  app.get('/*', async (req, reply) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return reply.code(400).type('text/plain').send('That address is not readable.');
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return reply.code(403).type('text/plain').send('Outside the app.');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const cache = extname(file) === '.html' ? 'no-cache' : 'public, max-age=3600';
      return reply.type(type).header('cache-control', cache).send(body);
    } catch {
      return reply.code(404).type('text/plain').send(`There is no ${path} here.`);
    }
  });
}
