// npm run classroom -- [--port 8080] [--host 127.0.0.1] [--node-ports 5101-5199] [--difficulty 4] [--dist DIR]
// A classroom network (README "A classroom network"): serves the built app and the hub, prints the join URL
// with a QR code and the teacher's URL with its key, and runs until SIGINT or SIGTERM.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import qrcode from 'qrcode-terminal';
import { DIFFICULTY_RANGE } from '../core/pow';
import { PYTHON_DIFFICULTY } from '../classroom/classParams';
import { startHub } from '../server/hubServer';
import { digits, helpOrUsage, out, usageError, type Option } from './args';

const HELP = `Chainlab classroom: every student's browser is a node of one class chain

  npm run classroom -- [--port 8080] [--host 127.0.0.1] [--node-ports 5101-5199] [--difficulty 4] [--dist DIR]
    --port P          the hub's port: the app, the hub's WebSocket and GET /class (default 8080)
    --host H          the address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 for a class)
    --public-host H   the address students' machines reach this one at (default: found from the network)
    --node-ports A-B  one port per student's node, answering the tutorial's REST API for it (default 5101-5199)
    --difficulty D    the tutorial rule's leading zero hex digits (default 4; Python nodes need 4 or more)
    --dist DIR        the built app (default dist/, built with vite first when it is missing)
  Students open the join URL; the teacher opens the teacher URL (keep its key to yourself).
`;

const OPTIONS = {
  help: { type: 'boolean' },
  port: { type: 'string', value: 'P' },
  host: { type: 'string', value: 'H' },
  'public-host': { type: 'string', value: 'H' },
  'node-ports': { type: 'string', value: 'A-B' },
  difficulty: { type: 'string', value: 'D' },
  dist: { type: 'string', value: 'DIR' },
} as const satisfies Record<string, Option>;

const REPO = fileURLToPath(new URL('../..', import.meta.url));

async function buildApp(dist: string): Promise<void> {
  process.stderr.write(`Building the app into ${dist} (once; takes a little while)…\n`);
  const { build } = await import('vite');
  await build({
    root: REPO,
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: dist, emptyOutDir: true },
  });
}

async function main(argv: readonly string[]): Promise<number> {
  const early = helpOrUsage(argv, OPTIONS, HELP);
  if (early !== null) return early;
  const args = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  const port = digits(args.port ?? '8080', true);
  if (port === null || port < 0 || port > 65535)
    return usageError('--port must be a whole number from 0 to 65535.');
  const range = /^(\d{1,5})-(\d{1,5})$/.exec(args['node-ports'] ?? '5101-5199');
  const from = Number(range?.[1]);
  const to = Number(range?.[2]);
  if (!range || from < 1 || to > 65535 || from > to)
    return usageError('--node-ports must be a range of ports like 5101-5199 (from 1 to 65535, low to high).');
  if (port >= from && port <= to) return usageError(`--port ${port} is inside --node-ports ${from}-${to}.`);
  const r = DIFFICULTY_RANGE.tutorial;
  const difficulty = digits(args.difficulty ?? '4', true);
  if (difficulty === null || difficulty < r.min || difficulty > r.max)
    return usageError(`--difficulty must be a whole number from ${r.min} to ${r.max}.`);
  const dist = resolve(args.dist ?? join(REPO, 'dist'));
  if (!existsSync(join(dist, 'index.html'))) await buildApp(dist);

  let hub;
  try {
    hub = await startHub({
      host: args.host ?? '127.0.0.1',
      port,
      ...(args['public-host'] ? { publicHost: args['public-host'] } : {}),
      nodePorts: { from, to },
      difficulty,
      dist,
    });
  } catch (e) {
    const message = (e as Error).message;
    const inUse = /EADDRINUSE/.test(message);
    out({
      error: {
        code: inUse ? 'E_USAGE' : 'E_INTERNAL',
        message: inUse ? `Port ${port} is already in use.` : message,
      },
    });
    return 2;
  }
  const say = (s: string) => process.stderr.write(`${s}\n`);
  say(`Chainlab classroom — tutorial rule, difficulty ${difficulty}; stop with Ctrl+C`);
  if (difficulty < PYTHON_DIFFICULTY)
    say(`Difficulty ${difficulty}: Python tutorial nodes (which check "0000") cannot join.`);
  say(`\nStudents: open ${hub.joinUrl}\n`);
  qrcode.generate(hub.joinUrl, { small: true }, (qr) => say(qr));
  say(`Teacher (keep this one to yourself): ${hub.teacherUrl}`);
  say(`The class as JSON: ${hub.url}class · students' nodes get ports ${from}-${to}\n`);
  out({ url: hub.url, join: hub.joinUrl, teacher: hub.teacherUrl, difficulty, nodePorts: `${from}-${to}` });
  await new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
  await hub.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    out({ error: { code: 'E_INTERNAL', message: (e as Error).message } });
    process.exit(1);
  },
);
