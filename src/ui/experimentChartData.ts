// Experiment results → what the charts draw: theory curves on a fine grid, simulated points with error bars
// (± 2 standard errors, about a 95 % interval). Pure, so it is tested in Node; ExperimentCharts.tsx draws it.
import { doubleSpendRace, nakamotoSuccess, selfishRevenue, staleRateFixedDelay } from '../math/theory';
import type { ExperimentResult, Row } from '../experiments/types';
import { threeSigmaT } from '../math/tdist';
import { i18n } from '../i18n/i18n';
import { fixed } from '../i18n/numbers';
import { experimentNamed } from '../experiments/registry';
import { experimentText, shownNumber } from './experimentText';

export interface XY {
  readonly x: number;
  readonly y: number;
}

export interface ErrorPoint extends XY {
  /** Lengths of the bar below and above the point. */
  readonly err: readonly [number, number];
}

export interface LineSeries {
  readonly name: string;
  readonly points: readonly XY[];
  readonly dashed?: boolean;
  /** Index into the chart palette: a theory curve and its simulated points share a colour. */
  readonly colour: number;
}

export interface PointSeries {
  readonly name: string;
  readonly points: readonly ErrorPoint[];
  readonly colour: number;
}

export interface ChartSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly logY?: boolean;
  readonly lines: readonly LineSeries[];
  readonly points: readonly PointSeries[];
  /** A shaded band of y values (the retarget target ±10 %). */
  readonly band?: readonly [number, number];
  /** One sentence saying what the chart shows (the figure's text alternative). */
  readonly summary: string;
}

const num = (r: Row, k: string) => r[k] as number;
/** An experiment's words (rule names, curve names) in the reader's language (experimentText.ts). */
const words = (name: string) => {
  const exp = experimentNamed(name);
  if (!exp) throw new Error(`no experiment ${name}`);
  return experimentText(i18n.t, exp);
};
const grid = (from: number, to: number, steps: number) =>
  Array.from({ length: steps + 1 }, (_, i) => from + ((to - from) * i) / steps);

/** ± 2 SE, cut so a log axis never reaches 0 (the bar then stops at a tenth of the point). */
function errorPoint(x: number, y: number, se: number, logY = false): ErrorPoint {
  const e = Number.isFinite(se) ? 2 * se : 0;
  return { x, y, err: [logY ? Math.min(e, 0.9 * y) : e, e] };
}

/** "3 SE" as --check reads it: the t-quantile of the same tail for a row of few trials (src/experiments/check.ts). */
function within(result: ExperimentResult): string {
  const rows = result.rows.filter((r) => typeof r.deviation === 'number' && !Number.isNaN(r.deviation));
  const limit = (r: Row) =>
    threeSigmaT(typeof r.trials === 'number' && r.trials > 1 ? r.trials - 1 : Infinity);
  const ok = rows.filter((r) => num(r, 'deviation') <= limit(r)).length;
  return i18n.t('expCharts.within', { ok, n: rows.length });
}

function staleChart(result: ExperimentResult): ChartSpec[] {
  const stale = result.rows.filter((r) => r.metric === 'stale');
  const races = result.rows.filter((r) => r.metric === 'first-found wins' && typeof r.simulated === 'number');
  const n = num(stale[0] ?? { miners: 10 }, 'miners');
  const top = Math.max(0.2, ...stale.map((r) => num(r, 'delayOverInterval')));
  const xs = grid(0, top, 40);
  return [
    {
      title: i18n.t('expCharts.staleTitle', { n }),
      xLabel: i18n.t('expCharts.delayAxis'),
      yLabel: i18n.t('expCharts.staleAxis'),
      lines: [
        {
          name: i18n.t('expCharts.fixedDelay'),
          colour: 0,
          points: xs.map((x) => ({ x, y: staleRateFixedDelay(n, x) })),
        },
        {
          name: i18n.t('expCharts.firstOrder'),
          colour: 1,
          dashed: true,
          points: xs.map((x) => ({ x, y: (x * (n - 1)) / n })),
        },
      ],
      points: [
        {
          name: i18n.t('expCharts.engine'),
          colour: 0,
          points: stale.map((r) =>
            errorPoint(num(r, 'delayOverInterval'), num(r, 'simulated'), num(r, 'se')),
          ),
        },
      ],
      summary: within({ ...result, rows: stale }),
    },
    {
      title: i18n.t('expCharts.racesTitle', { n }),
      xLabel: i18n.t('expCharts.delayAxis'),
      yLabel: i18n.t('expCharts.racesAxis'),
      lines: [
        {
          name: i18n.t('expCharts.reference'),
          colour: 2,
          points: races
            .filter((r) => typeof r.theory === 'number')
            .map((r) => ({ x: num(r, 'delayOverInterval'), y: num(r, 'theory') })),
        },
      ],
      points: [
        {
          name: i18n.t('expCharts.engine'),
          colour: 2,
          points: races.map((r) =>
            errorPoint(num(r, 'delayOverInterval'), num(r, 'simulated'), num(r, 'se')),
          ),
        },
      ],
      summary: within({ ...result, rows: races }),
    },
  ];
}

function selfishChart(result: ExperimentResult): ChartSpec[] {
  // One colour per pool latency; its theory curve is R(α, γ) at the γ the engine measured (the mean of its rows).
  const latencies = [...new Set(result.rows.map((r) => num(r, 'poolLatency')))];
  const gammaOf = (l: number) => {
    const rows = result.rows.filter((r) => r.poolLatency === l);
    return rows.reduce((s, r) => s + num(r, 'gammaMeasured'), 0) / rows.length;
  };
  const alphas = grid(0, 0.48, 48);
  return [
    {
      title: i18n.t('expCharts.selfishTitle'),
      xLabel: i18n.t('expCharts.alphaAxis'),
      yLabel: i18n.t('expCharts.revenueAxis'),
      lines: [
        ...latencies.map((l, i) => ({
          name: i18n.t('expCharts.selfishTheory', { gamma: fixed(gammaOf(l), 2), latency: shownNumber(l) }),
          colour: i,
          points: alphas.map((a) => ({ x: a, y: selfishRevenue(a, gammaOf(l)) })),
        })),
        {
          name: i18n.t('expCharts.honest'),
          colour: 4,
          dashed: true,
          points: [
            { x: 0, y: 0 },
            { x: 0.48, y: 0.48 },
          ],
        },
      ],
      points: latencies.map((l, i) => ({
        name: i18n.t('expCharts.selfishEngine', { latency: shownNumber(l) }),
        colour: i,
        points: result.rows
          .filter((r) => r.poolLatency === l)
          .map((r) => errorPoint(num(r, 'alpha'), num(r, 'revenue'), num(r, 'se'))),
      })),
      summary: within(result),
    },
  ];
}

function doubleSpendChart(result: ExperimentResult): ChartSpec[] {
  const rules = [...new Set(result.rows.map((r) => String(r.rule)))];
  const zs = grid(1, 10, 9);
  return rules.map((rule) => {
    const rows = result.rows.filter((r) => r.rule === rule);
    const qs = [...new Set(rows.map((r) => num(r, 'q')))];
    const premined = rule === 'catch-up' ? 1 : 0;
    const giveUp = (q: number) => num(rows.find((r) => r.q === q) as Row, 'giveUp');
    return {
      title: i18n.t('expCharts.attackTitle', { rule: words('double-spend').cell('rule', rule, 4) }),
      xLabel: i18n.t('expCharts.confirmationsAxis'),
      yLabel: i18n.t('expCharts.attackAxis'),
      logY: true,
      lines: qs.flatMap((q, i) => [
        {
          name: i18n.t('expCharts.formula', { q: shownNumber(q) }),
          colour: i,
          points: zs.map((z) => ({ x: z, y: doubleSpendRace(q, z, premined, giveUp(q)) })),
        },
        // Nakamoto's Poisson figure approximates the catch-up race only.
        ...(premined
          ? [
              {
                name: i18n.t('experimentWords.nakamoto', { q: shownNumber(q) }),
                colour: i,
                dashed: true,
                points: zs.map((z) => ({ x: z, y: nakamotoSuccess(q, z) })),
              },
            ]
          : []),
      ]),
      // A point with no successes has no place on a log axis; the table still shows it.
      points: qs.map((q, i) => ({
        name: i18n.t('expCharts.engineQ', { q: shownNumber(q) }),
        colour: i,
        points: rows
          .filter((r) => r.q === q && num(r, 'successRate') > 0)
          .map((r) => errorPoint(num(r, 'z'), num(r, 'successRate'), num(r, 'se'), true)),
      })),
      summary: within({ ...result, rows }),
    };
  });
}

function retargetCharts(result: ExperimentResult): ChartSpec[] {
  const text = words('retarget');
  const groups = [...new Set((result.curves ?? []).map((c) => c.group ?? ''))];
  return groups.map((g) => {
    const curves = (result.curves ?? []).filter((c) => (c.group ?? '') === g);
    // The settle rows (retarget also reports the mean interval before the step).
    const rows = result.rows.filter((r) => r.step === g && r.figure === 'settle');
    return {
      title: i18n.t('expCharts.rateTitle', { step: g }),
      xLabel: i18n.t('expCharts.sinceStepAxis'),
      yLabel: i18n.t('expCharts.meanOverTarget'),
      lines: curves.map((c, i) => ({
        name: c.said ? text.said(c.said, c.name) : c.name,
        colour: i,
        points: c.points,
      })),
      points: [],
      band: [0.9, 1.1] as const,
      summary:
        rows
          .map((r) =>
            i18n.t('expCharts.backWithin', {
              rule: text.cell('rule', r.rule, 4),
              n: shownNumber(num(r, 'simulated')),
            }),
          )
          .join('; ') + '.',
    };
  });
}

export function chartsFor(result: ExperimentResult): ChartSpec[] {
  switch (result.experiment) {
    case 'stale-rate':
      return staleChart(result);
    case 'selfish-mining':
      return selfishChart(result);
    case 'double-spend':
      return doubleSpendChart(result);
    case 'retarget':
      return retargetCharts(result);
    default:
      return [];
  }
}
