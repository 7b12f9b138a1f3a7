// npm run node -- --port 5000 [--host 127.0.0.1] [--name ID] [--difficulty 4] [--rule tutorial|tutorial-original|header]
//                 [--peers URL,URL] [--data FILE] [--strict]
// Like `python blockchain.py -p 5000`: the tutorial's node on a real port, until SIGINT or SIGTERM.
import { parseArgs } from 'node:util';
import { DIFFICULTY_RANGE, type ProofRule } from '../core/pow';
import { startNode } from '../server/start';
import { digits, helpOrUsage, out, usageError, type Option } from './args';
import { outProblem } from './files';

const HELP = `Chainlab node: the tutorial's REST API on a real port

  npm run node -- --port 5000 [--host 127.0.0.1] [--name ID] [--difficulty 4] [--rule R]
                  [--peers URL,URL] [--data FILE] [--strict]
    --port P        the port to serve (default 5000; 0 picks a free one)
    --host H        the address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 for a class)
    --name ID       the name in this node's mining rewards (default: a new random id, as the tutorial)
    --difficulty D  leading zero hex digits (tutorial rules, default 4) or zero bits (header rule)
    --rule R        tutorial (default), tutorial-original (the article's first version) or header
    --peers URLS    register these nodes at start (comma-separated, like http://127.0.0.1:5001)
    --data FILE     keep the chain, pending transactions and peers in FILE across restarts
    --strict        refuse what the tutorial takes but a careful node would not (odd values, rewards …)
  GET /mine, POST /transactions/new, GET /chain, POST /nodes/register, GET /nodes/resolve, as the tutorial;
  Python tutorial nodes can register this one and resolve against it, and this one against them.
`;

const OPTIONS = {
  help: { type: 'boolean' },
  port: { type: 'string', value: 'P' },
  host: { type: 'string', value: 'H' },
  name: { type: 'string', value: 'ID' },
  difficulty: { type: 'string', value: 'D' },
  rule: { type: 'string', value: 'R' },
  peers: { type: 'string', value: 'URLS' },
  data: { type: 'string', value: 'FILE' },
  strict: { type: 'boolean' },
} as const satisfies Record<string, Option>;

const RULES: readonly ProofRule[] = ['tutorial', 'tutorial-original', 'header'];

async function main(argv: readonly string[]): Promise<number> {
  const early = helpOrUsage(argv, OPTIONS, HELP);
  if (early !== null) return early;
  const args = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  const rule = (args.rule ?? 'tutorial') as ProofRule;
  if (!RULES.includes(rule)) return usageError(`--rule must be one of: ${RULES.join(', ')}.`);
  const port = digits(args.port ?? '5000', true);
  if (port === null || port < 0 || port > 65535)
    return usageError('--port must be a whole number from 0 to 65535.');
  const range = DIFFICULTY_RANGE[rule];
  const difficulty = digits(args.difficulty ?? (rule === 'header' ? '16' : '4'), true);
  if (difficulty === null || difficulty < range.min || difficulty > range.max)
    return usageError(
      `--difficulty must be a whole number from ${range.min} to ${range.max} for the ${rule} rule.`,
    );
  if (args.data !== undefined) {
    const bad = outProblem(args.data);
    if (bad) return usageError(bad.replace('--out', '--data'));
  }
  const peers =
    args.peers
      ?.split(',')
      .map((p) => p.trim())
      .filter(Boolean) ?? [];
  let node;
  try {
    node = await startNode({
      port,
      ...(args.host ? { host: args.host } : {}),
      ...(args.name ? { name: args.name } : {}),
      pow: { rule, difficulty },
      peers,
      ...(args.data ? { data: args.data } : {}),
      strict: args.strict === true,
      onError: (e) => process.stderr.write(`${e.code}: ${e.message}\n`),
    });
  } catch (e) {
    const message = (e as Error).message;
    const code = /EADDRINUSE/.test(message) ? 'E_USAGE' : 'E_SCHEMA';
    out({
      error: { code, message: /EADDRINUSE/.test(message) ? `Port ${port} is already in use.` : message },
    });
    return 2;
  }
  process.stderr.write(
    `Serving the tutorial's node ${node.name} (${rule}, difficulty ${difficulty}) — stop with Ctrl+C\n`,
  );
  out({ url: node.url, name: node.name, rule, difficulty });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await node.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    out({ error: { code: 'E_INTERNAL', message: (e as Error).message } });
    process.exit(1);
  },
);
