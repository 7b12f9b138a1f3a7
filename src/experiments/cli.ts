// npm run -s experiment -- NAME [--json] [--seed S] [--trials N] [--FIELD V]: one experiment, headless.
// Prints the table (simulated beside theory); with --json the last stdout line is {"experiment", "rows"}.
// Progress goes to stderr. Bad input gets a named error code and a readable message, never a stack trace.
import { EXPERIMENTS, experimentNamed } from './registry';
import { checkSpec, runToEnd } from './run';
import { report } from './table';
import type { Experiment, Progress } from './types';

function help(): string {
  const lines = [
    'Chainlab experiments (headless)',
    '',
    '  npm run -s experiment -- NAME [--json] [--seed S] [--trials N] [--FIELD V]',
    '    --json      print {"experiment": NAME, "rows": [...]} as the last line, after the table',
    '    --seed S    the random seed (default 1); the same seed gives the same output',
    '    --trials N  repetitions per row (see each experiment)',
    '',
  ];
  for (const exp of Object.values(EXPERIMENTS)) {
    lines.push(`  ${exp.name}: ${exp.title}. --trials = ${exp.trialUnit} (default ${exp.defaultTrials})`);
    for (const f of exp.fields)
      lines.push(`    --${f.key} V   ${f.label} (${f.min}–${f.max}, default ${f.default})`);
  }
  return lines.join('\n') + '\n';
}

function out(obj: unknown): void {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

function usageError(message: string): number {
  out({ error: { code: 'E_USAGE', message } });
  return 2;
}

type Flags = Record<string, string | true>;

function parseFlags(argv: readonly string[]): { name?: string; flags: Flags } | string {
  const flags: Flags = {};
  let name: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) {
      if (name !== undefined) return `Unexpected argument "${a}".`;
      name = a;
      continue;
    }
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) flags[a.slice(2)] = true;
    else {
      flags[a.slice(2)] = next;
      i++;
    }
  }
  return name === undefined ? { flags } : { name, flags };
}

function numberFlag(flags: Flags, key: string): number | undefined | string {
  const v = flags[key];
  if (v === undefined) return undefined;
  const n = Number(v);
  return v === true || v.trim() === '' || !Number.isFinite(n) ? `--${key} needs a number.` : n;
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
  const parsed = parseFlags(argv);
  if (typeof parsed === 'string') return usageError(`${parsed} Try --help.`);
  const { name, flags } = parsed;
  if (flags.help || name === undefined) {
    process.stdout.write(help());
    return name === undefined && !flags.help ? 2 : 0;
  }
  const exp: Experiment | undefined = experimentNamed(name);
  if (!exp)
    return usageError(
      `There is no experiment "${name}". Try one of: ${Object.keys(EXPERIMENTS).join(', ')}.`,
    );
  const known = new Set(['json', 'seed', 'trials', ...exp.fields.map((f) => f.key)]);
  const unknown = Object.keys(flags).find((k) => !known.has(k));
  if (unknown) return usageError(`${exp.name} has no option --${unknown}. Try --help.`);
  const values: Record<string, number | undefined> = {};
  for (const key of known) {
    if (key === 'json') continue;
    const v = numberFlag(flags, key);
    if (typeof v === 'string') return usageError(v);
    values[key] = v;
  }
  const params: Record<string, number> = {};
  for (const f of exp.fields) if (values[f.key] !== undefined) params[f.key] = values[f.key] as number;
  const spec = checkSpec(exp, {
    seed: values.seed ?? 1,
    trials: values.trials ?? exp.defaultTrials,
    params,
  });
  if (!spec.ok) return usageError(spec.error.message);
  const result = runToEnd(exp.run(spec.value), progressPrinter());
  process.stdout.write(report(exp, result, spec.value.seed, spec.value.trials) + '\n');
  if (flags.json) out({ experiment: result.experiment, rows: result.rows });
  return 0;
}

process.exitCode = main(process.argv.slice(2));
