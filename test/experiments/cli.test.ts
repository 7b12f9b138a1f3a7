// `npm run -s experiment`: the table with simulated and theory side by side, the JSON last line, the same bytes
// for the same seed in another process, and usage errors as codes, never stack traces.
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type Ran } from '../support/runCli';

const cli = (args: readonly string[]): Promise<Ran> => runCli('src/experiments/cli.ts', args);

const lastJson = (r: Ran) => {
  const lines = r.stdout.trimEnd().split('\n');
  return JSON.parse(lines[lines.length - 1] as string) as Record<string, unknown>;
};

const RUN = ['double-spend', '--json', '--trials', '3000', '--seed', '5'];
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
  };
  const entries = await Promise.all(Object.entries(cases).map(async ([k, a]) => [k, await cli(a)] as const));
  for (const [k, r] of entries) runs[k] = r;
}, 60_000);

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

  it('lists every experiment and its options in --help', () => {
    expect(runs.help!.code).toBe(0);
    for (const name of ['stale-rate', 'selfish-mining', 'double-spend', 'retarget', '--miners', '--blocks'])
      expect(runs.help!.stdout).toContain(name);
  });
});
