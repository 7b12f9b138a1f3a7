// `npm run -s experiment`: the table with simulated and theory side by side, the JSON last line, the same bytes
// for the same seed in another process, and usage errors as codes, never stack traces.
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type Ran } from '../support/runCli';

const cli = (args: readonly string[]): Promise<Ran> => runCli('src/cli/experiment.ts', args);

const lastJson = (r: Ran) => {
  const lines = r.stdout.trimEnd().split('\n');
  return JSON.parse(lines[lines.length - 1] as string) as Record<string, unknown>;
};

// The engine's race, small: two rules × q = 0.3 × z = 1, 2, 100 attacks each.
const SMALL = ['--q', '0.3', '--z', '1,2'];
const RUN = ['double-spend', '--json', '--trials', '100', '--seed', '5', ...SMALL];

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
    other: ['double-spend', '--json', '--trials', '100', '--seed', '6', ...SMALL],
    unknown: ['orphan-rate'],
    trials: ['selfish-mining', '--trials', '1'],
    flag: ['retarget', '--window', '3'],
    field: ['stale-rate', '--miners', '11'],
    help: ['--help'],
    equals: ['double-spend', '--json', '--trials=100', '--seed=5', ...SMALL],
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
    expect(r.stdout).toMatch(/rule\s+q\s+z\s+engine\s+± SE\s+formula\s+\|Δ\|\/SE\s+Nakamoto §11/);
    const json = lastJson(r) as { experiment: string; rows: Record<string, number | string>[] };
    expect(Object.keys(json)).toEqual(['experiment', 'rows']);
    expect(json.experiment).toBe('double-spend');
    expect(json.rows).toHaveLength(4);
    // Catch-up, z = 1: Rosenfeld's 2q (the give-up barrier moves it by less than 10⁻⁴).
    expect(json.rows[2]).toMatchObject({ rule: 'catch-up', q: 0.3, z: 1, theory: expect.closeTo(0.6, 4) });
    expect(json.rows[2]).toMatchObject({ trials: 100 });
    expect(typeof json.rows[2]?.successRate).toBe('number');
    expect(typeof json.rows[2]?.se).toBe('number');
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

  it('reads --trials=100 exactly as --trials 100', () => {
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
