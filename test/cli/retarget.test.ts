// `npm run -s sim -- --event --retarget R --hashrate-step BLOCK:FACTOR`: blocks come four times faster after the
// step, then the rule brings the mean interval back to --interval; wrong uses are E_USAGE with one sentence.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type Ran } from '../support/runCli';

const dir = mkdtempSync(join(tmpdir(), 'chainlab-retarget-'));
const out = join(dir, 'run.json');

const CASES: Record<string, readonly string[]> = {
  lwma: ['--event', '--nodes', '1', '--retarget', 'lwma', '--interval', '10', '--window', '30'],
  badRule: ['--event', '--retarget', 'monero', '--hashrate-step', '300:4'],
  tutorial: ['--event', '--retarget', 'asert', '--rule', 'tutorial'],
  stray: ['--event', '--window', '30'],
  badStep: ['--event', '--retarget', 'bitcoin', '--hashrate-step', '300x4'],
  asertWindow: ['--event', '--retarget', 'asert', '--window', '30'],
};
const results: Record<string, Ran> = {};

const lastJson = (r: Ran): Record<string, unknown> => {
  const lines = r.stdout.trimEnd().split('\n');
  return JSON.parse(lines[lines.length - 1] as string) as Record<string, unknown>;
};

beforeAll(async () => {
  const run = (CASES.lwma as readonly string[]).concat(['--hashrate-step', '300:4', '--out', out]);
  const names = Object.keys(CASES);
  // Two at a time: the machine has two cores.
  const worker = async () => {
    for (let name = names.shift(); name !== undefined; name = names.shift())
      results[name] = await runCli('src/cli/sim.ts', name === 'lwma' ? run : (CASES[name] as string[]));
  };
  await Promise.all([worker(), worker()]);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sim --retarget with a hash-rate step', () => {
  it('runs to four times the step, 4× faster right after it and back near the interval at the end', () => {
    const r = results.lwma as Ran;
    expect(r.code).toBe(0);
    const s = lastJson(r) as {
      rule: string;
      heads: { height: number }[];
      blockTimes: Record<string, number>[];
    };
    expect(s.rule).toBe('header');
    expect(s.heads[0]?.height).toBe(1200);
    const times = s.blockTimes;
    expect(times[0]).toMatchObject({ from: 1, to: 300 });
    expect(times[0]!.mean).toBeGreaterThan(9);
    expect(times[0]!.mean).toBeLessThan(11);
    expect(times[1]).toMatchObject({ from: 301, to: 308 });
    // Right after the step the targets are still about the old ones, at 4× the hash rate.
    expect(times[1]!.expected).toBeLessThan(4);
    expect(times[1]!.mean).toBeLessThan(5);
    const last = times[times.length - 1]!;
    expect(last.to).toBe(1200);
    expect(last.mean).toBeGreaterThan(9);
    expect(last.mean).toBeLessThan(11);
    // The table before the summary says the same.
    expect(r.stdout).toMatch(/^blocks\s+mean interval\s+asked by the targets$/m);
  });

  it('writes every block’s target into the --out file as 8 hex digits', () => {
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('{"proofs": "none"')).toBe(true);
    expect(text).toMatch(/"bits": "1[0-9a-f]{7}"/);
  });

  const usage: [string, RegExp][] = [
    ['badRule', /--retarget must be bitcoin, lwma or asert \(not "monero"\)/],
    ['tutorial', /--retarget needs --rule header/],
    ['stray', /--window belongs to --retarget/],
    ['badStep', /--hashrate-step needs BLOCK:FACTOR/],
    ['asertWindow', /asert has no window/],
  ];
  for (const [name, says] of usage)
    it(`${name}: E_USAGE saying ${says.source}`, () => {
      const r = results[name] as Ran;
      expect(r.code).toBe(2);
      expect(lastJson(r).error).toMatchObject({ code: 'E_USAGE', message: expect.stringMatching(says) });
    });
});
