// `npm run classroom` (src/cli/classroom.ts): the built app, the hub's WebSocket at /hub (the `ws` package), the
// class at GET /class, and one real port per student's node answering the tutorial's REST API for it
// (src/server/http.ts, the HTTP node's own routes), so a Python node registers a browser like any node.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import Fastify from 'fastify';
import { WebSocketServer, type WebSocket } from 'ws';
import { LIMITS } from '../classroom/messages';
import { createHub, type Hub, type HubLimits } from './hub';
import { outbound } from './hubOutbound';
import { serveStatic } from './hubStatic';
import { createHttpApp } from './http';

export interface HubOptions {
  /** Where to listen (127.0.0.1: this machine only; 0.0.0.0 for a class). */
  readonly host: string;
  /** The hub's own port (0: a free one). */
  readonly port: number;
  /** The host in node addresses and printed URLs (default: `host`, or this machine's LAN address for 0.0.0.0). */
  readonly publicHost?: string;
  /** The ports students' nodes get, or 'any' free port (tests). */
  readonly nodePorts: { readonly from: number; readonly to: number } | 'any';
  readonly difficulty: number;
  /** The built app to serve (null: only the hub). */
  readonly dist: string | null;
  /** The teacher's key (default: a new random one). */
  readonly key?: string;
  readonly limits?: Partial<HubLimits>;
}

export interface RunningHub {
  readonly url: string;
  readonly joinUrl: string;
  readonly teacherUrl: string;
  readonly key: string;
  readonly port: number;
  readonly hub: Hub;
  close(): Promise<void>;
}

/** A WebSocket message may carry a whole GET /chain answer, and a little more for its envelope. */
const MAX_MESSAGE = LIMITS.body + 64 * 1024;
/** A page that answers no ping for this long is gone (a laptop closed without closing the tab). */
const PING_MS = 20_000;

/** This machine's first LAN IPv4 address, for the URLs a class types or scans. */
function lanAddress(): string {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '127.0.0.1';
}

const anyHost = (h: string) => h === '0.0.0.0' || h === '::';

export async function startHub(o: HubOptions): Promise<RunningHub> {
  const key = o.key ?? randomBytes(16).toString('hex');
  const publicHost = o.publicHost ?? (anyHost(o.host) ? lanAddress() : o.host);
  const localHosts = [...new Set([publicHost, o.host, '127.0.0.1', 'localhost'])].filter((h) => !anyHost(h));
  const taken = new Set<number>();
  let hub: Hub | null = null;

  async function openPort(name: string) {
    const candidates =
      o.nodePorts === 'any'
        ? [0]
        : Array.from(
            { length: o.nodePorts.to - o.nodePorts.from + 1 },
            (_, i) => (o.nodePorts as { from: number }).from + i,
          );
    for (const port of candidates) {
      if (taken.has(port)) continue;
      const app = createHttpApp({ answer: (r) => (hub as Hub).http(name, r), peers: () => [] });
      try {
        await app.listen({ port, host: o.host });
      } catch {
        await app.close().catch(() => undefined);
        continue; // in use by another program: the next one
      }
      const address = app.server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      taken.add(bound);
      return {
        port: bound,
        async close() {
          taken.delete(bound);
          await app.close();
        },
      };
    }
    return null;
  }

  hub = createHub({
    key,
    difficulty: o.difficulty,
    genesisTimestamp: Math.round(Date.now()) / 1000,
    publicHost,
    localHosts,
    openPort,
    outbound,
    ...(o.limits ? { limits: o.limits } : {}),
  });
  const running = hub;

  const app = Fastify({ logger: false, return503OnClosing: true });
  app.get('/class', async (_req, reply) =>
    reply.type('application/json').send(JSON.stringify(running.classList())),
  );
  if (o.dist) serveStatic(app, o.dist);

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });
  const alive = new WeakMap<WebSocket, boolean>();
  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    alive.set(ws, true);
    const page = running.connect({
      remote: req.socket.remoteAddress ?? 'somewhere',
      send: (text) => ws.send(text),
      close: (code, reason) => ws.close(code, reason),
      buffered: () => ws.bufferedAmount,
    });
    ws.on('message', (data, isBinary) => page.receive(isBinary ? null : data.toString()));
    ws.on('pong', () => alive.set(ws, true));
    ws.on('close', () => page.closed());
    // A message over maxPayload, or bytes that are not a WebSocket frame: ws closes that socket, nothing more.
    ws.on('error', () => undefined);
  });
  app.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/hub') return void socket.destroy();
    socket.on('error', () => undefined);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.get(ws)) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, PING_MS);
  pinger.unref();

  await app.listen({ port: o.port, host: o.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  const url = `http://${publicHost.includes(':') ? `[${publicHost}]` : publicHost}:${port}/`;
  return {
    url,
    joinUrl: `${url}?join`,
    teacherUrl: `${url}?teacher=${key}`,
    key,
    port,
    hub: running,
    async close() {
      clearInterval(pinger);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await running.stop();
      await app.close();
    },
  };
}
