// npm run -s sim -- … : the headless simulator. The last stdout line is always one JSON object; bad input gets a
// named error code and a readable message, never a stack trace.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseChainResponse } from '../core/chainJson';
import { DEFAULT_PARSE_LIMITS } from '../core/parse';
import { DIFFICULTY_RANGE, type ProofRule } from '../core/pow';
import { validateChain } from '../core/validate';
import { headlessParams, outFileText, runHeadless, type HeadlessOptions } from '../sim/headless';
import { checkParams } from '../sim/settings';
import { printReveal, runFlawLessons, scenarioDefaults } from '../lessons/cliLessons';
import { scenarioScript } from '../lessons/headlessLesson';
import { isLessonName, SCENARIO_NAMES } from '../lessons/scenarios';

const HELP = `Chainlab simulator (headless)

Run a network:
  npm run -s sim -- --nodes N --blocks B --seed S --difficulty D --rule tutorial|header
                    [--latency MS] [--scenario NAME] [--event] [--out FILE]
    --nodes N        how many nodes (1–10, default 3)
    --blocks B       stop when B blocks are on the best chain (default 10)
    --seed S         the random seed; the same seed gives byte-identical output (default 1)
    --difficulty D   leading zero hex digits for tutorial (0–8), zero bits for header (0–40)
                     (default 3 for tutorial, 12 for header)
    --rule R         tutorial (the Python node's proof) or header (Bitcoin-style header, bits)
    --latency MS     one-way network latency in milliseconds (default 100)
    --scenario NAME  a seeded lesson: ${SCENARIO_NAMES.join(', ')}
                     (its own nodes, blocks, seed and difficulty unless given; prints the
                     reveal, and the summary gains "scenario": {name, outcome})
    --event          event mode: block times drawn at random instead of hashing (up to 1 000 000
                     blocks in seconds); such chains carry no real proof and cannot be written with --out
    --out FILE       write every node's chain (GET /chain shape) and all events as JSON
  The last line printed is a JSON summary: seed, rule, difficulty, nodes, heads, converged,
  staleBlocks, messages, simulatedSeconds.

Check a chain file:
  npm run -s sim -- --import FILE [--difficulty D] [--rule R] [--strict]
    Validates a GET /chain JSON file ({"chain": [...], "length": n}) as the Python node would
    (links and proofs; --strict adds genesis, rewards, amounts, timestamps). Last line:
    {"valid": bool, "length": n, "error": {"code", "index", "message"}}
`;

type Args = Record<string, string | true>;

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) return `Unexpected argument "${a}".`;
    const key = a.slice(2);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) args[key] = true;
    else {
      args[key] = next;
      i++;
    }
  }
  return args;
}

function int(args: Args, key: string, dflt: number, min: number, max: number): number | string {
  const v = args[key];
  if (v === undefined) return dflt;
  const n = Number(v);
  if (v === true || !Number.isInteger(n) || n < min || n > max)
    return `--${key} must be a whole number from ${min} to ${max}.`;
  return n;
}

function out(obj: unknown): void {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

function usageError(message: string): number {
  out({ error: { code: 'E_USAGE', message } });
  return 2;
}

function runImport(args: Args, rule: ProofRule): number {
  const file = String(args.import);
  let text: string;
  try {
    if (statSync(file).size > DEFAULT_PARSE_LIMITS.maxChars) {
      out({
        valid: false,
        length: 0,
        error: { code: 'E_TOO_LARGE', index: 0, message: `${file} is larger than 8 MiB.` },
      });
      return 1;
    }
    text = readFileSync(file, 'utf8');
  } catch {
    return usageError(`Cannot read the file "${file}".`);
  }
  const r = DIFFICULTY_RANGE[rule];
  const difficulty = int(args, 'difficulty', rule === 'header' ? 16 : 4, r.min, r.max);
  if (typeof difficulty === 'string') return usageError(difficulty);
  const parsed = parseChainResponse(text);
  if (!parsed.ok) {
    out({
      valid: false,
      length: 0,
      error: { code: parsed.error.code, index: parsed.error.blockNumber ?? 0, message: parsed.error.message },
    });
    return 1;
  }
  const { chain } = parsed.value;
  const strictness = args.strict ? 'strict' : 'tutorial';
  const v = validateChain(chain, { pow: { rule, difficulty }, strictness });
  if (v.ok) out({ valid: true, length: chain.length });
  else
    out({
      valid: false,
      length: chain.length,
      error: { code: v.error.code, index: v.error.blockNumber, message: v.error.message },
    });
  return v.ok ? 0 : 1;
}

export function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') return usageError(`${args} Try --help.`);
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const rule = args.rule ?? 'tutorial';
  if (rule !== 'tutorial' && rule !== 'header') return usageError('--rule must be tutorial or header.');
  if (args.import !== undefined) return runImport(args, rule);
  const scenario = args.scenario;
  if (scenario !== undefined && (scenario === true || !isLessonName(scenario)))
    return usageError(`--scenario must be one of: ${SCENARIO_NAMES.join(', ')}.`);
  const write = (line: string) => void process.stdout.write(line + '\n');
  if (scenario === 'tutorial-flaws') {
    out(runFlawLessons(write));
    return 0;
  }
  const lesson = scenario ? scenarioDefaults(scenario) : null;
  const range = DIFFICULTY_RANGE[rule];
  const nodes = int(args, 'nodes', lesson?.nodes ?? 3, 1, 10);
  const eventMode = args.event === true;
  if (eventMode && args.out !== undefined)
    return usageError(
      '--out cannot be used with --event: event-mode blocks carry no real proof of work, so the Python node ' +
        'would reject their chains and they are never exported. Run without --event to write a chain file.',
    );
  const blocks = int(args, 'blocks', lesson?.blocks ?? 10, 1, eventMode ? 1_000_000 : 100_000);
  const seed = int(args, 'seed', lesson?.seed ?? 1, 0, 2 ** 32 - 1);
  const difficulty = int(
    args,
    'difficulty',
    lesson?.difficulty ?? (rule === 'header' ? 12 : 3),
    range.min,
    range.max,
  );
  const latency = int(args, 'latency', lesson?.latencyMs ?? 100, 0, 60_000);
  for (const v of [nodes, blocks, seed, difficulty, latency]) if (typeof v === 'string') return usageError(v);
  const options: HeadlessOptions = {
    nodes: nodes as number,
    blocks: blocks as number,
    seed: seed as number,
    difficulty: difficulty as number,
    rule,
    latencyMs: latency as number,
    record: args.out !== undefined,
    ...(eventMode ? { eventMode } : {}),
    ...(scenario ? scenarioScript(scenario) : {}),
  };
  // The same range checks as every other way into a simulation (src/sim/settings.ts).
  const checked = checkParams(headlessParams(options));
  if (!checked.ok) return usageError(checked.error.message);
  const run = runHeadless(options);
  if (typeof args.out === 'string') writeFileSync(args.out, outFileText(run));
  else if (args.out === true) return usageError('--out needs a file name.');
  if (scenario && run.summary.scenario) printReveal(scenario, run.summary.scenario.outcome, write);
  out(run.summary);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
