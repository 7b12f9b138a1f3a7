// `npm run -s experiment`: the table with simulated and theory side by side, the JSON last line, the same bytes
// for the same seed in another process, and usage errors as codes, never stack traces.
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type Ran } from '../support/runCli';

const cli = (args: readonly string[]): Promise<Ran> => runCli('src/cli/experiment.ts', args);

const lastJson = (r: Ran) => {
  const lines = r.stdout.trimEnd().split('\n');
  return JSON.parse(lines[lines.length - 1] as string) as Record<string, unknown>;
};

const RUN = ['double-spend', '--json', '--trials', '3000', '--seed', '5'];

/** What a new user might type: [what, argv, the E_USAGE message]. */
const HOSTILE: readonly (readonly [string, readonly string[], RegExp])[] = [
  ['an unknown option with =', ['retarget', '--bogus=1'], /^retarget has no option --bogus\. Try --help\.$/],
  ['an option of another experiment', ['stale-rate', '--step', '3'], /stale-rate has no option --step/],
  [
    '1e1 trials',
    ['double-spend', '--trials', '1e1'],
    /--trials needs a whole number written in digits, not "1e1"/,
  ],
  ['0x3 trials', ['double-spend', '--trials', '0x3'], /not "0x3"/],
  ['" 3 " trials', ['double-spend', '--trials', ' 3 '], /not " 3 "/],
  ['empty trials', ['double-spend', '--trials', ''], /not ""/],
  ['3.5 trials', ['double-spend', '--trials', '3.5'], /not "3.5"/],
  ['a field in exponent form', ['stale-rate', '--miners=1e1'], /--miners needs a whole number .* not "1e1"/],
  ['--json false', ['double-spend', '--json', 'false'], /--json takes no value .* "false" is not understood/],
  ['--json=false', ['double-spend', '--json=false'], /--json takes no value/],
  ['a missing value', ['stale-rate', '--miners'], /--miners needs a value/],
  ['a negative seed without =', ['double-spend', '--seed', '-1'], /write --seed=-1/],
  ['a negative seed with =', ['double-spend', '--seed=-1'], /seed must be a whole number from 0/],
  ['two names', ['double-spend', 'retarget'], /Unexpected argument "retarget"/],
];
const runs: Record<string, Ran> = {};

beforeAll(async () => {
  const cases: Record<string, readonly string[]> = {
    a: RUN,
    b: RUN,
    other: ['double-spend', '--json', '--trials', '3000', '--seed', '6'],
    unknown: ['orphan-rate'],
    trials: ['selfish-mining', '--trials', '1'],
    flag: ['retarget', '--window', '3'],
    field: ['stale-rate', '--miners', '11'],
    help: ['--help'],
    equals: ['double-spend', '--json', '--trials=3000', '--seed=5'],
    ...Object.fromEntries(HOSTILE.map(([what, argv]) => [what, argv])),
  };
  // Two at a time: the machine has two cores and each start costs ~0.4 s.
  const queue = Object.entries(cases);
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) runs[job[0]] = await cli(job[1]);
  };
  await Promise.all([worker(), worker()]);
}, 120_000);

describe('experiment CLI', () => {
  it('prints the table, then {"experiment", "rows"} as the last line', () => {
    const r = runs.a!;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/q\s+z\s+simulated\s+± SE\s+Rosenfeld\s+\|Δ\|\/SE\s+Nakamoto §11/);
    const json = lastJson(r) as { experiment: string; rows: Record<string, number>[] };
    expect(Object.keys(json)).toEqual(['experiment', 'rows']);
    expect(json.experiment).toBe('double-spend');
    expect(json.rows).toHaveLength(33);
    expect(json.rows[1]).toMatchObject({ q: 0.1, z: 1, theory: expect.closeTo(0.2, 12), trials: 3000 });
    expect(typeof json.rows[1]?.simulated).toBe('number');
    expect(typeof json.rows[1]?.se).toBe('number');
  });

  it('gives byte-identical output for the same seed, and different output for another', () => {
    expect(runs.b!.stdout).toBe(runs.a!.stdout);
    expect(runs.other!.stdout).not.toBe(runs.a!.stdout);
  });

  it('answers bad input with E_USAGE and exit status 2, never a stack trace', () => {
    for (const [k, pattern] of [
      ['unknown', /no experiment "orphan-rate".*stale-rate, selfish-mining, double-spend, retarget/],
      ['trials', /from 2 to 1000/],
      ['flag', /retarget has no option --window/],
      ['field', /Miners must be a whole number from 2 to 10/],
    ] as const) {
      const r = runs[k]!;
      expect(r.code).toBe(2);
      expect(lastJson(r)).toEqual({ error: { code: 'E_USAGE', message: expect.stringMatching(pattern) } });
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
  });

  it('reads --trials=3000 exactly as --trials 3000', () => {
    expect(runs.equals!.code).toBe(0);
    expect(runs.equals!.stdout).toBe(runs.a!.stdout);
  });

  it.each(HOSTILE)('%s: E_USAGE, exit status 2, no stack trace', (what, _argv, pattern) => {
    const r = runs[what]!;
    expect(r.code).toBe(2);
    expect(lastJson(r)).toEqual({ error: { code: 'E_USAGE', message: expect.stringMatching(pattern) } });
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout).not.toMatch(/^\s+at /m);
  });

  it('lists every experiment and its options in --help', () => {
    expect(runs.help!.code).toBe(0);
    for (const name of ['stale-rate', 'selfish-mining', 'double-spend', 'retarget', '--miners', '--blocks'])
      expect(runs.help!.stdout).toContain(name);
  });
});
