// Our node as a child process (`node --import tsx src/cli/node.ts …`) for the interop tests and bench/node.ts:
// spawned in its own process group, ready once it prints its JSON line, stopped (or kill -9'd) by its group and,
// at the latest, when the test process exits (docs/development.md "Traps": child processes, ports).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: the CLI is started from there so that `--import tsx` finds the project's tsx. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The line src/cli/node.ts prints on stdout once it serves. */
export interface NodeLine {
  readonly url: string;
  readonly name: string;
  readonly rule: string;
  readonly difficulty: number;
}

export interface NodeProcess extends NodeLine {
  readonly pid: number;
  readonly port: number;
  /** Resolves once the process has exited, however it ended. */
  readonly exited: Promise<void>;
  /** SIGTERM to the process group (the CLI closes its server), SIGKILL after 3 s; resolves once it exited. */
  stop(): Promise<void>;
  /** SIGKILL to the process group at once, as a crash; resolves once the process has exited. */
  kill9(): Promise<void>;
  /** The tail of what the node wrote on stderr, to explain a failure. */
  output(): string;
}

export interface SpawnNodeOptions {
  /** Run the node through this command, e.g. ["ip", "netns", "exec", "ns1"]; it must exec the node in place. */
  readonly prefix?: readonly string[];
  /** How long to wait for the JSON line (default 20 s: tsx compiles the CLI on its first start). */
  readonly readyTimeoutMs?: number;
}

const DEFAULT_READY_MS = 20_000;
const STOP_GRACE_MS = 3_000;
const OUTPUT_TAIL_CHARS = 4_000;

const running = new Set<number>();
let exitHandlerInstalled = false;

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is already gone.
  }
}

function installExitHandler(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  // 'exit' handlers must be synchronous: no graceful stop, only SIGKILL.
  process.on('exit', () => {
    for (const pgid of running) killGroup(pgid, 'SIGKILL');
  });
}

/** The environment of a child: no proxy for loopback or the test's own hosts, no Flask debug mode. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONUNBUFFERED: '1' };
  for (const key of Object.keys(env)) if (/^FLASK_|^(https?|all|no)_proxy$/i.test(key)) delete env[key];
  return env;
}

function isNodeLine(v: unknown): v is NodeLine {
  const o = v as Partial<NodeLine> | null;
  return typeof o === 'object' && o !== null && typeof o.url === 'string' && typeof o.name === 'string';
}

export interface GroupProcess {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves once the process has exited, however it ended. */
  readonly exited: Promise<void>;
  hasExited(): boolean;
  /** SIGTERM to the process group, SIGKILL after 3 s; resolves once the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL to the process group at once, as a crash; resolves once the process has exited. */
  kill9(): Promise<void>;
  /** The tail of what it wrote on stderr, to explain a failure. */
  output(): string;
}

/**
 * Spawns `command` in its own process group, registered to be killed when the test process exits. Its stderr is
 * kept as a tail; its stdout is piped for the caller with `readStdout` (who must then drain it), else ignored.
 */
export function spawnGroup(command: readonly string[], readStdout = false): GroupProcess {
  installExitHandler();
  const child: ChildProcess = spawn(command[0] as string, command.slice(1), {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', readStdout ? 'pipe' : 'ignore', 'pipe'],
    env: childEnv(),
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
  });
  let done = false;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (e) => {
      stderr += `\n${e.message}`;
      resolve();
    });
  }).then(() => {
    done = true;
    if (child.pid !== undefined) running.delete(child.pid);
  });
  const pgid = child.pid ?? -1;
  if (pgid > 0) running.add(pgid);
  return {
    pid: pgid,
    child,
    exited,
    hasExited: () => done,
    async stop() {
      if (done || pgid <= 0) return exited;
      killGroup(pgid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(pgid, 'SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
    async kill9() {
      if (!done && pgid > 0) killGroup(pgid, 'SIGKILL');
      await exited;
    },
    output: () => stderr,
  };
}

/**
 * Starts `src/cli/node.ts` with `args` and resolves once it printed `{"url","name","rule","difficulty"}`.
 * Rejects (and kills the group) when it prints an error line, exits, or is not ready in time.
 */
export function spawnNode(args: readonly string[], options: SpawnNodeOptions = {}): Promise<NodeProcess> {
  const command = [
    ...(options.prefix ?? []),
    process.execPath,
    '--import',
    'tsx',
    'src/cli/node.ts',
    ...args,
  ];
  const p = spawnGroup(command, true);
  return new Promise<NodeProcess>((resolve, reject) => {
    let stdout = '';
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void p
        .kill9()
        .then(() => reject(new Error(`${command.join(' ')}: ${why}\n${p.output().trim()}`.trim())));
    };
    const readyMs = options.readyTimeoutMs ?? DEFAULT_READY_MS;
    const timer = setTimeout(() => fail(`no JSON line within ${readyMs / 1000} s`), readyMs);
    void p.exited.then(() => fail(`exited before serving (stdout: ${stdout.trim()})`));
    // Always drained: a full pipe would block the node.
    p.child.stdout?.on('data', (chunk: Buffer) => {
      if (settled) return;
      stdout += chunk.toString();
      const end = stdout.indexOf('\n');
      if (end < 0) return;
      let line: unknown;
      try {
        line = JSON.parse(stdout.slice(0, end));
      } catch {
        return fail(`its first line is not JSON: ${stdout.slice(0, end)}`);
      }
      if (!isNodeLine(line)) return fail(`it printed ${stdout.slice(0, end)}`);
      settled = true;
      clearTimeout(timer);
      const { url, name, rule, difficulty } = line;
      resolve({
        url,
        name,
        rule,
        difficulty,
        pid: p.pid,
        port: Number(new URL(url).port),
        exited: p.exited,
        stop: p.stop,
        kill9: p.kill9,
        output: p.output,
      });
    });
  });
}
