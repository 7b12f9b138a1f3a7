// Starts and stops the tutorial's Python node (test/interop/tutorial_node.py) for the interop tests: one
// process group per node on a free loopback port, stopped by the test or, at the latest, when the test process
// exits (nodeProcess.ts spawnGroup; docs/development.md "Traps": ports, child processes).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { spawnGroup } from './nodeProcess';

export const TUTORIAL_NODE = fileURLToPath(new URL('./tutorial_node.py', import.meta.url));

export interface FlaskNodeOptions {
  /** Leading hex zeros of a proof (the node's default is 4). */
  readonly difficulty?: number;
  /** The first article's version: genesis previous_hash 1 (an int), proof without last_hash. */
  readonly original?: boolean;
  /** A fixed node identifier (the reward's recipient) instead of a random uuid4 hex. */
  readonly id?: string;
  /** The address to bind; loopback unless a test says otherwise. */
  readonly host?: string;
}

export interface FlaskNode {
  /** `http://host:port`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** SIGTERM to the node's process group, SIGKILL after 3 s; resolves once the node has exited. */
  stop(): Promise<void>;
  /** SIGKILL to the process group at once, as a crashed peer. */
  kill9(): void;
}

const READY_TIMEOUT_MS = 15_000;
const POLL_MS = 100;
/** Werkzeug's message when the port was taken between freePort() and the bind. */
const PORT_TAKEN = /Address already in use|Errno 98/;
const PORT_ATTEMPTS = 3;

let cachedPython: string | null | undefined;

/**
 * The Python that can `import flask`: Debian's /usr/bin/python3 first (where python3-flask installs), then
 * `python3` on the PATH, which may be another interpreter, e.g. pyenv's (docs/development.md "What a machine
 * needs"). null when neither can.
 */
export function pythonWithFlask(): string | null {
  if (cachedPython !== undefined) return cachedPython;
  const candidates = existsSync('/usr/bin/python3') ? ['/usr/bin/python3', 'python3'] : ['python3'];
  cachedPython = null;
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import flask'], { stdio: 'ignore', timeout: 10_000 });
    if (probe.status === 0) {
      cachedPython = python;
      break;
    }
  }
  return cachedPython;
}

/** A port the OS just handed out on `host`. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const address = srv.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function nodeArgs(port: number, host: string, options: FlaskNodeOptions): string[] {
  const args = [TUTORIAL_NODE, '--port', String(port), '--host', host];
  if (options.difficulty !== undefined) args.push('--difficulty', String(options.difficulty));
  if (options.original) args.push('--original');
  if (options.id !== undefined) args.push('--id', options.id);
  return args;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

type StartOutcome = { ok: true; node: FlaskNode } | { ok: false; portTaken: boolean; message: string };

async function startOnce(python: string, host: string, options: FlaskNodeOptions): Promise<StartOutcome> {
  const port = await freePort(host);
  const url = `http://${urlHost(host)}:${port}`;
  // Werkzeug logs (and says "Address already in use") on stderr, which the group keeps a tail of.
  const proc = spawnGroup([python, ...nodeArgs(port, host, options)]);
  const stop = () => proc.stop();
  const kill9 = () => void proc.kill9();
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && !proc.hasExited()) {
    try {
      const res = await fetch(`${url}/chain`, {
        signal: AbortSignal.timeout(Math.max(1, Math.min(2_000, deadline - Date.now()))),
      });
      await res.arrayBuffer();
      if (res.status === 200) return { ok: true, node: { url, port, host, stop, kill9 } };
    } catch {
      // Not listening yet.
    }
    await sleep(POLL_MS);
  }
  const timedOut = !proc.hasExited();
  await stop();
  const why = timedOut ? `GET /chain did not answer within ${READY_TIMEOUT_MS / 1000} s` : 'the node exited';
  return {
    ok: false,
    portTaken: PORT_TAKEN.test(proc.output()),
    message: `tutorial node on ${url}: ${why}.\n${proc.output().trim()}`,
  };
}

/**
 * Starts the tutorial's node on a free port of `host` (127.0.0.1 by default) and resolves once GET /chain
 * answers 200. Throws when no Python has Flask or the node does not come up within 15 s.
 */
export async function startFlaskNode(options: FlaskNodeOptions = {}): Promise<FlaskNode> {
  const python = pythonWithFlask();
  if (python === null) {
    throw new Error(
      'No Python with Flask: install Debian\'s python3-flask ("apt-get install -y python3-flask").',
    );
  }
  const host = options.host ?? '127.0.0.1';
  let last = '';
  // Another process can take the port between freePort() and the node's bind: try a fresh one.
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
    const outcome = await startOnce(python, host, options);
    if (outcome.ok) return outcome.node;
    last = outcome.message;
    if (!outcome.portTaken) break;
  }
  throw new Error(last);
}
