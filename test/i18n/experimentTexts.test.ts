// The experiments' English lives twice: in src/experiments/ for the command line, and in
// src/i18n/experiments/en.ts as the key source the panel translates from (src/ui/experimentText.ts). The two must
// say the same — every title, label, column, note and progress line, and every reason an input is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n, loadViewTexts } from '../../src/i18n/i18n';
import { experimentsEn } from '../../src/i18n/experiments/en';
import { EXPERIMENTS } from '../../src/experiments/registry';
import { checkSpec, defaultSpec, runToEnd, specProblem } from '../../src/experiments/run';
import type { Experiment, ExperimentResult, ExperimentSpec, Progress } from '../../src/experiments/types';
import { experimentText, problemMessage } from '../../src/ui/experimentText';

const catalog = experimentsEn.experimentText as Record<string, Record<string, unknown>>;

/** Small runs, each a few hundred milliseconds, that still pass every branch of the progress labels. */
const TINY: Record<string, Partial<ExperimentSpec>> = {
  'stale-rate': { trials: 2, params: { miners: 2, blocks: 600 }, lists: { delay: [0.1] } },
  'selfish-mining': {
    trials: 2,
    params: { honest: 2, blocks: 300, interval: 600, 'honest-latency': 2 },
    lists: { alpha: [0.3], 'pool-latency': [0.5] },
  },
  'double-spend': { trials: 60, lists: { q: [0.3], z: [1] } },
  retarget: {
    trials: 10,
    params: { step: 4, stepAt: 100, after: 1200, bitcoinWindow: 20, lwmaWindow: 10, asertHalfLife: 12 },
  },
};

function tinyRun(exp: Experiment): { progress: Progress[]; result: ExperimentResult } {
  const spec = { ...defaultSpec(exp), ...TINY[exp.name] } as ExperimentSpec;
  const progress: Progress[] = [];
  const result = runToEnd(exp.run(spec), (p) => progress.push(p));
  return { progress, result };
}

const t = () => i18n.t;

beforeAll(async () => {
  await loadViewTexts();
  await i18n.changeLanguage('en');
});
afterAll(() => i18n.changeLanguage('en'));

describe.each(Object.values(EXPERIMENTS).map((e) => [e.name, e] as const))('%s in English', (name, exp) => {
  const keyed = catalog[name] as Record<string, Record<string, string> | string>;

  it('has the title, summary, trial unit and field labels of the module', () => {
    expect(keyed).toBeDefined();
    expect([keyed.title, keyed.summary, keyed.trialUnit]).toEqual([exp.title, exp.summary, exp.trialUnit]);
    expect(keyed.fields).toEqual(Object.fromEntries(exp.fields.map((f) => [f.key, f.label])));
    if (exp.lists) expect(keyed.lists).toEqual(Object.fromEntries(exp.lists.map((f) => [f.key, f.label])));
  });

  it('has every column label but the single letters, which read the same in every language', () => {
    const worded = exp.columns.filter((c) => !/^\p{L}$/u.test(c.label));
    expect(keyed.columns).toEqual(Object.fromEntries(worded.map((c) => [c.key, c.label])));
    const text = experimentText(t(), exp);
    for (const c of exp.columns) expect(text.column(c.key)).toBe(c.label);
  });

  it('says every progress line, curve name, cell and note as the command line does', () => {
    const { progress, result } = tinyRun(exp);
    const text = experimentText(t(), exp);
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) {
      expect(p.said, p.label).toBeDefined();
      // Without the module's English as a fallback: the catalog alone must say it.
      expect(text.said(p.said!, '(missing)')).toBe(p.label);
    }
    for (const c of result.curves ?? []) expect(text.said(c.said!, '(missing)')).toBe(c.name);
    // Every word in a cell has its entry (numbers and signs such as ×4 need none).
    const cells = (keyed.cells ?? {}) as unknown as Record<string, Record<string, string>>;
    for (const row of result.rows)
      for (const c of exp.columns) {
        const v = row[c.key];
        if (typeof v === 'string' && /\p{L}/u.test(v)) expect(cells[c.key]?.[v], `${c.key}: ${v}`).toBe(v);
      }
    const printed = exp.notes?.(result) ?? [];
    const notes = exp.noteSaid?.(result) ?? [];
    expect(notes.map((s) => (keyed.notes as Record<string, string>)[s.id]).join(' ')).toBe(printed.join(' '));
  }, 30_000);

  it('refuses every out-of-range input in the words of checkSpec', () => {
    const spec = defaultSpec(exp);
    const bad: ExperimentSpec[] = [
      { ...spec, seed: -1 },
      { ...spec, trials: exp.maxTrials + 1 },
      ...exp.fields.map((f) => ({ ...spec, params: { ...spec.params, [f.key]: f.max + 1 } })),
      ...exp.fields
        .filter((f) => f.step % 1 === 0)
        .map((f) => ({ ...spec, params: { ...spec.params, [f.key]: f.min + 0.5 } })),
      ...(exp.lists ?? []).map((f) => ({ ...spec, lists: { ...spec.lists, [f.key]: [f.max + 1] } })),
    ];
    for (const s of bad) {
      const problem = specProblem(exp, s);
      const checked = checkSpec(exp, s);
      expect('kind' in problem).toBe(true);
      expect(checked.ok).toBe(false);
      if (!('kind' in problem) || checked.ok) continue;
      expect(problemMessage(t(), exp, problem)).toBe(checked.error.message);
    }
  });
});
