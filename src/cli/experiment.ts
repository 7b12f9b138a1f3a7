// npm run -s experiment -- NAME [--json] [--check] [--seed S] [--trials N] [--FIELD V] [--LIST V,V]: one
// experiment, headless. Prints the table (simulated beside theory); with --json the last stdout line is
// {"experiment", "rows"[, "check"]}; with --check the exit status is 1 when a row is outside 3 SE of theory.
// Progress goes to stderr. Bad input gets a named error code and a readable message, never a stack trace.
import { parseArgs } from 'node:util';
import { EXPERIMENTS, experimentNamed } from '../experiments/registry';
import { checkReport, checkRows } from '../experiments/check';
import { checkSpec, runToEnd } from '../experiments/run';
import { report } from '../experiments/table';
import type { Experiment, Progress } from '../experiments/types';
import { digits, out, shown, tokenProblem, tokensOf, usageError, type Option } from './args';

function helpText(): string {
  const lines = [
    'Chainlab experiments (headless)',
    '',
    '  npm run -s experiment -- NAME [--json] [--check] [--seed S] [--trials N] [--FIELD V]',
    '    --json      print {"experiment": NAME, "rows": [...]} as the last line, after the table',
    '    --check     exit with status 1 when a row lies outside 3 standard errors of its theory',
    '                (the t-quantile of the same tail for few trials); the reasons are printed',
    '    --seed S    the random seed (default 1); the same seed gives the same output',
    '    --trials N  repetitions per row (see each experiment)',
    '',
  ];
  for (const exp of Object.values(EXPERIMENTS)) {
    lines.push(`  ${exp.name}: ${exp.title}. --trials = ${exp.trialUnit} (default ${exp.defaultTrials})`);
    for (const f of exp.fields)
      lines.push(`    --${f.key} V   ${f.label} (${f.min}–${f.max}, default ${f.default})`);
    for (const f of exp.lists ?? [])
      lines.push(`    --${f.key} V,V…   ${f.label} (${f.min}–${f.max}, default ${f.default.join(',')})`);
  }
  return lines.join('\n') + '\n';
}

const COMMON: Readonly<Record<string, Option>> = {
  help: { type: 'boolean' },
  json: { type: 'boolean' },
  check: { type: 'boolean' },
  seed: { type: 'string' },
  trials: { type: 'string' },
};

/** The options one experiment takes (null: those of every experiment, to find the experiment's name). */
function optionsOf(exp: Experiment | null): Record<string, Option> {
  const all = exp ? [exp] : Object.values(EXPERIMENTS);
  const fields = all.flatMap((e) => [...e.fields, ...(e.lists ?? [])]);
  return { ...COMMON, ...Object.fromEntries(fields.map((f) => [f.key, { type: 'string' } as const])) };
}

/**
 * Each way the command line can be wrong, as one sentence (null when it is right): an option this experiment
 * does not have, a switch given a value (--json false), an option without one, a second name.
 */
function argsProblem(exp: Experiment, argv: readonly string[]): string | null {
  const options = optionsOf(exp);
  let names = 0;
  return tokenProblem(tokensOf(argv, options), options, {
    unknown: (rawName) => `${exp.name} has no option ${rawName}.`,
    positional: (value) =>
      names++ === 0
        ? null
        : `Unexpected argument ${shown(value)}: name one experiment, and give every value after its option.`,
  });
}

/**
 * A number written in decimal digits ("1e1", "0x3", " 3 " and "" are not; "3.5" only where fractions make
 * sense); whether it is in range is checkSpec's job, with the field's own words.
 */
function numberFlag(raw: string | undefined, key: string, whole: boolean): number | undefined | string {
  if (raw === undefined) return undefined;
  const n = digits(raw, whole);
  if (n !== null) return n;
  return `--${key} needs a ${whole ? 'whole number' : 'number'} written in digits, not ${shown(raw)}.`;
}

/** Progress on stderr, at most once a second, so long runs show they are alive. */
function progressPrinter(): (p: Progress) => void {
  let last = Date.now();
  return (p) => {
    const now = Date.now();
    if (now - last < 1000) return;
    last = now;
    process.stderr.write(`  ${Math.floor((100 * p.done) / p.total)} %  ${p.label}\n`);
  };
}

export function main(argv: readonly string[]): number {
  // First pass: the experiment's name, reading every experiment's options so that a value is never taken for
  // the name (--seed 5 retarget).
  const first = tokensOf(argv, optionsOf(null));
  const name = first.find((t) => t.kind === 'positional')?.value;
  const help = first.some((t) => t.kind === 'option' && t.name === 'help');
  if (help || name === undefined) {
    process.stdout.write(helpText());
    return name === undefined && !help ? 2 : 0;
  }
  const exp: Experiment | undefined = experimentNamed(name);
  if (!exp)
    return usageError(
      `There is no experiment "${name}". Try one of: ${Object.keys(EXPERIMENTS).join(', ')}.`,
    );
  const problem = argsProblem(exp, argv);
  if (problem) return usageError(`${problem} Try --help.`);
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({
      args: [...argv],
      options: optionsOf(exp),
      strict: true,
      allowPositionals: true,
    }).values;
  } catch (e) {
    return usageError(`${e instanceof Error ? e.message.replace(/\s+/g, ' ') : String(e)} Try --help.`);
  }
  const values: Record<string, number | undefined> = {};
  for (const [key, whole] of [
    ['seed', true],
    ['trials', true],
    ...exp.fields.map((f) => [f.key, f.step % 1 === 0] as const),
  ] as const) {
    const raw = flags[key];
    const v = numberFlag(typeof raw === 'string' ? raw : undefined, key, whole);
    if (typeof v === 'string') return usageError(v);
    values[key] = v;
  }
  const params: Record<string, number> = {};
  for (const f of exp.fields) if (values[f.key] !== undefined) params[f.key] = values[f.key] as number;
  const lists: Record<string, number[]> = {};
  for (const f of exp.lists ?? []) {
    const raw = flags[f.key];
    if (typeof raw !== 'string') continue;
    const items = raw.split(',').map((x) => numberFlag(x.trim(), f.key, f.step % 1 === 0));
    const wrong = items.find((x) => typeof x === 'string');
    if (typeof wrong === 'string')
      return usageError(`${wrong} (--${f.key} takes numbers separated by commas)`);
    lists[f.key] = items as number[];
  }
  const spec = checkSpec(exp, {
    seed: values.seed ?? 1,
    trials: values.trials ?? exp.defaultTrials,
    params,
    ...(Object.keys(lists).length ? { lists } : {}),
  });
  if (!spec.ok) return usageError(spec.error.message);
  const result = runToEnd(exp.run(spec.value), progressPrinter());
  process.stdout.write(report(exp, result, spec.value.seed, spec.value.trials) + '\n');
  const checks = flags.check ? checkRows(exp, result) : null;
  if (checks) process.stdout.write(checkReport(checks).join('\n') + '\n');
  const failed = checks ? checks.filter((c) => !c.ok).length : 0;
  if (flags.json)
    out({
      experiment: result.experiment,
      rows: result.rows,
      ...(checks ? { check: { rows: checks.length, failed, ok: failed === 0 } } : {}),
    });
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
