// npm run -s sim -- … : the headless simulator. The last stdout line is always one JSON object; bad input gets a
// named error code and a readable message, never a stack trace.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { digits, out, shown, tokenProblem, tokensOf, usageError } from './args';
import { errCode, outProblem, readRegularFile } from './files';
import { parseChainResponse } from '../core/chainJson';
import { DEFAULT_PARSE_LIMITS } from '../core/parse';
import { DIFFICULTY_RANGE, type ProofRule } from '../core/pow';
import { decodeUtf8 } from '../core/text';
import { validateChain, type ValidationOptions } from '../core/validate';
import { bitsForZeroBits } from '../core/target';
import { blockTimesTable } from '../sim/blockTimes';
import { hashRateStep, RETARGET_HELP, retargetPatch, retargetRule, type RetargetArgs } from './retargetArgs';
import {
  chainFileText,
  headlessParams,
  outFileText,
  runHeadless,
  type HeadlessOptions,
} from '../sim/headless';
import { checkParams } from '../sim/settings';
import { NODE_NAMES } from '../sim/apply';
import { printReveal, runFlawLessons, scenarioDefaults } from '../lessons/cliLessons';
import { scenarioScript } from '../lessons/headlessLesson';
import { isLessonName, SCENARIO_NAMES } from '../lessons/scenarios';

const HELP = `Chainlab simulator (headless)

Run a network:
  npm run -s sim -- --nodes N --blocks B --seed S --difficulty D --rule R
                    [--latency MS] [--scenario NAME] [--event] [--out FILE] [--out-chain NODE FILE]
                    [--retarget R [--interval S] [--window N] [--halflife S]]
                    [--hashrate-step BLOCK:FACTOR]
    --nodes N        how many nodes (1–10, default 3)
    --blocks B       stop when B blocks are on the best chain (default 10)
    --seed S         the random seed; the same seed gives byte-identical output (default 1)
    --difficulty D   leading zero hex digits for tutorial (0–8), zero bits for header (0–40)
                     (default 4 for tutorial, as the Python node checks; 12 for header)
    --rule R         tutorial (the Python node's proof, the default), tutorial-original (the
                     article's first version, without last_hash) or header (Bitcoin-style, bits)
    --latency MS     one-way network latency in milliseconds (default 100)
    --scenario NAME  a seeded lesson: ${SCENARIO_NAMES.join(', ')}
                     (its own nodes, blocks, seed and difficulty unless given; prints the
                     reveal, and the summary gains "scenario": {name, outcome})
    --event          event mode: block times drawn at random instead of hashing (up to 1 000 000
                     blocks in seconds); such chains carry no real proof of work
    --out FILE       write every node's chain (GET /chain shape) and all events as JSON; in event
                     mode the file starts "proofs": "none" and --import refuses its chains
    --out-chain NODE FILE
                     write one node's chain (a name such as alice, or a number from 1) as a bare
                     GET /chain file that the Python node and --import read
${RETARGET_HELP}  The last line printed is a JSON summary: seed, rule, difficulty, nodes, heads, converged,
  staleBlocks, messages, simulatedSeconds.

Check a chain file:
  npm run -s sim -- --import FILE [--difficulty D] [--rule R] [--strict] [--retarget R …]
    Validates a GET /chain JSON file ({"chain": [...], "length": n}) as the Python node would
    (links and proofs; --strict adds genesis, rewards, amounts, timestamps; --retarget checks each
    block's proof against the target the rule gives, starting from --difficulty). Last line:
    {"valid": bool, "length": n, "error": {"code", "index", "message"}}
`;

// Every option, with the word its help uses for the value. parseArgs reads them in strict mode, after
// readArgs has turned each way a command line can be wrong into one sentence (Node's own messages suggest
// positional arguments, which this command does not take).
const OPTIONS = {
  help: { type: 'boolean' },
  nodes: { type: 'string', value: 'N' },
  blocks: { type: 'string', value: 'B' },
  seed: { type: 'string', value: 'S' },
  difficulty: { type: 'string', value: 'D' },
  rule: { type: 'string', value: 'R' },
  latency: { type: 'string', value: 'MS' },
  scenario: { type: 'string', value: 'NAME' },
  event: { type: 'boolean' },
  out: { type: 'string', value: 'FILE' },
  import: { type: 'string', value: 'FILE' },
  strict: { type: 'boolean' },
  retarget: { type: 'string', value: 'R' },
  interval: { type: 'string', value: 'S' },
  window: { type: 'string', value: 'N' },
  halflife: { type: 'string', value: 'S' },
  'hashrate-step': { type: 'string', value: 'BLOCK:FACTOR' },
} as const;

type Options = typeof OPTIONS;
type Args = {
  -readonly [K in keyof Options]?: Options[K]['type'] extends 'boolean' ? boolean : string;
};

type Read = Args & { outChain?: { node: string; file: string } };

/** --out-chain takes two values, which parseArgs cannot read: take it out of the line first. */
function takeOutChain(argv: readonly string[]): { rest: string[]; outChain?: Read['outChain'] } | string {
  const at = argv.indexOf('--out-chain');
  if (at < 0) return { rest: [...argv] };
  const [node, file] = [argv[at + 1], argv[at + 2]];
  if (node === undefined || file === undefined || node.startsWith('--') || file.startsWith('--'))
    return '--out-chain needs two values: --out-chain NODE FILE (for example --out-chain alice chain.json).';
  const rest = [...argv.slice(0, at), ...argv.slice(at + 3)];
  if (rest.includes('--out-chain')) return '--out-chain can be given once.';
  return { rest, outChain: { node, file } };
}

function readArgs(line: readonly string[]): Read | string {
  // --help wins over anything else on the line, as it always has.
  if (line.includes('--help')) return { help: true };
  const taken = takeOutChain(line);
  if (typeof taken === 'string') return taken;
  const argv = taken.rest;
  const tokens = tokensOf(argv, OPTIONS);
  // --help wins over anything else on the line, as it always has.
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) return { help: true };
  const problem = tokenProblem(tokens, OPTIONS, {
    unknown(rawName, name) {
      const near = Object.keys(OPTIONS).find((k) => k.startsWith(name) || name.startsWith(k));
      return `There is no option ${rawName}.${near ? ` Did you mean --${near}?` : ''}`;
    },
    positional: (value) => `Unexpected argument ${shown(value)}: every value follows its option.`,
  });
  if (problem) return problem;
  try {
    const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false });
    return taken.outChain ? { ...values, outChain: taken.outChain } : values;
  } catch (e) {
    return e instanceof Error ? e.message.replace(/\s+/g, ' ') : String(e);
  }
}

/** A whole number written in decimal digits ("1e1", "0x3", " 3 ", "" and "3.5" are not), within the range. */
function int(
  args: Args,
  key: 'nodes' | 'blocks' | 'seed' | 'difficulty' | 'latency',
  dflt: number,
  min: number,
  max: number,
): number | string {
  const v = args[key];
  if (v === undefined) return dflt;
  const n = digits(v, true);
  if (n === null || n < min || n > max)
    return `--${key} must be a whole number from ${min} to ${max}${n === null ? `, not ${shown(v)}` : ''}.`;
  return n;
}

function invalid(code: string, message: string): number {
  out({ valid: false, length: 0, error: { code, index: 0, message } });
  return 1;
}

function runImport(file: string, args: Args, rule: ProofRule): number {
  const r = DIFFICULTY_RANGE[rule];
  const difficulty = int(args, 'difficulty', rule === 'header' ? 16 : 4, r.min, r.max);
  if (typeof difficulty === 'string') return usageError(difficulty);
  const read = readRegularFile(file, DEFAULT_PARSE_LIMITS.maxChars);
  if ('usage' in read) return usageError(read.usage);
  if ('size' in read) return invalid('E_TOO_LARGE', `${file} is larger than 8 MiB.`);
  // Invalid UTF-8 is refused as the Python node's json.loads refuses it (src/core/text.ts).
  const text = decodeUtf8(read.bytes);
  if (!text.ok) return invalid(text.error.code, text.error.message);
  const parsed = parseChainResponse(text.value);
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
  const retarget = retargetRule(args as RetargetArgs);
  if (typeof retarget === 'string') return usageError(retarget);
  const opts: ValidationOptions = {
    pow: { rule, difficulty },
    strictness,
    ...(retarget
      ? { targets: { segments: [{ fromIndex: 2, bits: bitsForZeroBits(difficulty), rule: retarget }] } }
      : {}),
  };
  const v = validateChain(chain, opts);
  if (v.ok) out({ valid: true, length: chain.length });
  else
    out({
      valid: false,
      length: chain.length,
      error: { code: v.error.code, index: v.error.blockNumber, message: v.error.message },
    });
  return v.ok ? 0 : 1;
}

const RULES: readonly ProofRule[] = ['tutorial', 'tutorial-original', 'header'];
const isRule = (r: string): r is ProofRule => (RULES as readonly string[]).includes(r);

/** Without a scenario the nodes are known before the run: the engine names them in order (src/sim/apply.ts). */
const nodeNames = (o: HeadlessOptions) => NODE_NAMES.slice(0, o.nodes) as readonly string[];

function nodeProblem(node: string, names: readonly string[]): string | null {
  if (names.includes(node) || (/^[1-9][0-9]*$/.test(node) && Number(node) <= names.length)) return null;
  return `--out-chain ${shown(node)}: there is no such node; this run has ${names.join(', ')} (or 1–${names.length}).`;
}

export function main(argv: readonly string[]): number {
  const args = readArgs(argv);
  if (typeof args === 'string') return usageError(`${args} Try --help.`);
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  // Retargeting moves the target by any factor, which only the header rule can carry (src/core/target.ts).
  const rule = args.rule ?? (args.retarget !== undefined ? 'header' : 'tutorial');
  if (!isRule(rule))
    return usageError(`--rule must be tutorial, tutorial-original or header (not ${shown(rule)}).`);
  if (args.retarget !== undefined && rule !== 'header')
    return usageError(
      `--retarget needs --rule header: the ${rule} rule counts whole hex zeros, so its difficulty moves only ×16.`,
    );
  if (args.import !== undefined) return runImport(args.import, args, rule);
  const scenario = args.scenario;
  if (scenario !== undefined && !isLessonName(scenario))
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
  if (eventMode && args.outChain)
    return usageError(
      '--out-chain cannot be used with --event: event-mode blocks carry no real proof of work, so the Python ' +
        'node would reject the chain. Run without --event to write a chain file (--out marks an event-mode file).',
    );
  const step = hashRateStep(args['hashrate-step']);
  if (typeof step === 'string') return usageError(step);
  // A step needs room to show the rule at work: by default the run goes on to four times the step's block.
  const maxBlocks = eventMode ? 1_000_000 : 100_000;
  const defaultBlocks = lesson?.blocks ?? (step ? Math.min(4 * step.at, maxBlocks) : 10);
  const blocks = int(args, 'blocks', defaultBlocks, 1, maxBlocks);
  const seed = int(args, 'seed', lesson?.seed ?? 1, 0, 2 ** 32 - 1);
  const difficulty = int(
    args,
    'difficulty',
    lesson?.difficulty ?? (rule === 'header' ? 12 : 4),
    range.min,
    range.max,
  );
  const latency = int(args, 'latency', lesson?.latencyMs ?? 100, 0, 60_000);
  for (const v of [nodes, blocks, seed, difficulty, latency]) if (typeof v === 'string') return usageError(v);
  const retarget = retargetRule(args as RetargetArgs);
  if (typeof retarget === 'string') return usageError(retarget);
  const patch = retargetPatch(retarget, step, nodes as number, difficulty as number);
  const scripted = scenario ? scenarioScript(scenario) : null;
  const options: HeadlessOptions = {
    nodes: nodes as number,
    blocks: blocks as number,
    seed: seed as number,
    difficulty: difficulty as number,
    rule,
    latencyMs: latency as number,
    record: args.out !== undefined,
    ...(eventMode ? { eventMode } : {}),
    ...(scripted ?? {}),
    ...(Object.keys(patch).length > 0 ? { params: { ...scripted?.params, ...patch } } : {}),
  };
  // The same range checks as every other way into a simulation (src/sim/settings.ts).
  const checked = checkParams(headlessParams(options));
  if (!checked.ok) return usageError(checked.error.message);
  // A run can take minutes: a file that cannot be written is said before it starts, not after.
  const outFile = args.out;
  const outChain = args.outChain;
  const problem =
    (outFile === undefined ? null : outProblem(outFile)) ??
    (outChain ? outProblem(outChain.file, '--out-chain') : null) ??
    (outChain && !scenario ? nodeProblem(outChain.node, nodeNames(options)) : null);
  if (problem) return usageError(problem);
  const run = runHeadless(options);
  const written = [
    ...(outFile === undefined ? [] : [{ file: outFile, text: () => outFileText(run) }]),
    ...(outChain ? [{ file: outChain.file, text: () => chainFileText(run, outChain.node) ?? '' }] : []),
  ];
  const missing = outChain
    ? nodeProblem(
        outChain.node,
        run.summary.heads.map((h) => h.id),
      )
    : null;
  if (missing) return usageError(missing);
  for (const w of written) {
    try {
      writeFileSync(w.file, w.text());
    } catch (e) {
      return usageError(`Cannot write to "${w.file}" (${errCode(e)}).`);
    }
  }
  if (scenario && run.summary.scenario) printReveal(scenario, run.summary.scenario.outcome, write);
  if (run.summary.blockTimes) for (const line of blockTimesTable(run.summary.blockTimes)) write(line);
  out(run.summary);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
