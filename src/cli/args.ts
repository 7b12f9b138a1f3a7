// What both command lines share: the one JSON line of output, E_USAGE with a sentence, and the checks that turn
// each way a command line can be wrong into one sentence before node:util's strict parseArgs reads it (its own
// messages suggest positional arguments, which these commands mostly do not take).
import { parseArgs } from 'node:util';

export type Option = { readonly type: 'string' | 'boolean'; readonly value?: string };

export function out(obj: unknown): void {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

export function usageError(message: string): number {
  out({ error: { code: 'E_USAGE', message } });
  return 2;
}

/** A value echoed back in a message: short, and visibly a value (quotes show "" and " 3 "). */
export const shown = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

export type Token = ReturnType<typeof parseArgs>['tokens'] extends (infer T)[] | undefined ? T : never;

export const tokensOf = (argv: readonly string[], options: Readonly<Record<string, Option>>) =>
  parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true }).tokens;

export interface TokenRules {
  /** The sentence for an option that does not exist. */
  unknown(rawName: string, name: string): string;
  /** The sentence for a positional argument, or null when it is allowed (an experiment's name). */
  positional(value: string, index: number): string | null;
}

/** The first thing wrong with the command line, as a sentence; null when parseArgs can read it strictly. */
export function tokenProblem(
  tokens: readonly Token[],
  options: Readonly<Record<string, Option>>,
  rules: TokenRules,
): string | null {
  for (const [i, t] of tokens.entries()) {
    if (t.kind === 'positional') {
      const before = tokens[i - 1];
      if (before?.kind === 'option' && before.value === undefined && options[before.name]?.type === 'boolean')
        return `${before.rawName} takes no value (it is on when given), so ${shown(t.value)} is not understood.`;
      const problem = rules.positional(t.value, i);
      if (problem) return problem;
      continue;
    }
    if (t.kind !== 'option') continue;
    const o = Object.hasOwn(options, t.name) ? options[t.name] : undefined;
    if (!o) return rules.unknown(t.rawName, t.name);
    if (o.type === 'boolean' && t.value !== undefined)
      return `${t.rawName} takes no value (it is on when given), so ${shown(t.value)} is not understood.`;
    if (o.type === 'string' && (t.value === undefined || (!t.inlineValue && t.value.startsWith('-'))))
      return `${t.rawName} needs a value: ${t.rawName} ${o.value ?? 'V'}${t.value === undefined ? '' : ` (for a value that starts with "-", write ${t.rawName}=${t.value})`}.`;
  }
  return null;
}

/** A number written in decimal digits ("1e1", "0x3", " 3 " and "" are not; "3.5" only where `whole` is false). */
export function digits(raw: string, whole: boolean): number | null {
  return (whole ? /^-?[0-9]+$/ : /^-?[0-9]+(\.[0-9]+)?$/).test(raw) ? Number(raw) : null;
}

/**
 * The start of a command that takes options only (the node, the classroom hub): prints HELP for --help (0), or
 * E_USAGE with the first thing wrong (2); null when the line is fine and strict parseArgs can read it.
 */
export function helpOrUsage(
  argv: readonly string[],
  options: Readonly<Record<string, Option>>,
  help: string,
): number | null {
  const tokens = tokensOf(argv, options);
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) {
    process.stdout.write(help);
    return 0;
  }
  const problem = tokenProblem(tokens, options, {
    unknown: (rawName) => `There is no option ${rawName}.`,
    positional: (value) => `Unexpected argument ${shown(value)}: every value follows its option.`,
  });
  return problem ? usageError(`${problem} Try --help.`) : null;
}
