// Experiment results → what the charts draw: theory curves on a fine grid, simulated points with error bars
// (± 2 standard errors, about a 95 % interval). Pure, so it is tested in Node; ExperimentCharts.tsx draws it.
import { nakamotoSuccess, rosenfeldSuccess, selfishRevenue, staleRateFixedDelay } from '../math/theory';
import type { ExperimentResult, Row } from '../experiments/types';

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
const grid = (from: number, to: number, steps: number) =>
  Array.from({ length: steps + 1 }, (_, i) => from + ((to - from) * i) / steps);

/** ± 2 SE, cut so a log axis never reaches 0 (the bar then stops at a tenth of the point). */
function errorPoint(x: number, y: number, se: number, logY = false): ErrorPoint {
  const e = Number.isFinite(se) ? 2 * se : 0;
  return { x, y, err: [logY ? Math.min(e, 0.9 * y) : e, e] };
}

function within(result: ExperimentResult): string {
  const rows = result.rows.filter((r) => typeof r.deviation === 'number' && !Number.isNaN(r.deviation));
  const ok = rows.filter((r) => num(r, 'deviation') <= 3).length;
  return `${ok} of ${rows.length} simulated points lie within 3 standard errors of theory.`;
}

function staleChart(result: ExperimentResult): ChartSpec[] {
  const n = num(result.rows[0] ?? { miners: 10 }, 'miners');
  const xs = grid(0, 0.2, 40);
  return [
    {
      title: `Stale blocks, ${n} miners`,
      xLabel: 'propagation delay / mean block interval (d/T)',
      yLabel: 'fraction of blocks stale',
      lines: [
        {
          name: 'theory (fixed delay)',
          colour: 0,
          points: xs.map((x) => ({ x, y: staleRateFixedDelay(n, x) })),
        },
        {
          name: 'first order d/T·(n−1)/n',
          colour: 1,
          dashed: true,
          points: xs.map((x) => ({ x, y: (x * (n - 1)) / n })),
        },
      ],
      points: [
        {
          name: 'simulated (engine, event mode)',
          colour: 0,
          points: result.rows.map((r) =>
            errorPoint(num(r, 'delayOverInterval'), num(r, 'simulated'), num(r, 'se')),
          ),
        },
      ],
      summary: within(result),
    },
  ];
}

function selfishChart(result: ExperimentResult): ChartSpec[] {
  const gammas = [...new Set(result.rows.map((r) => num(r, 'gamma')))];
  const alphas = grid(0, 0.48, 48);
  return [
    {
      title: 'Selfish pool’s share of the final chain',
      xLabel: 'pool hash share α',
      yLabel: 'relative revenue',
      lines: [
        ...gammas.map((g, i) => ({
          name: `theory γ = ${g}`,
          colour: i,
          points: alphas.map((a) => ({ x: a, y: selfishRevenue(a, g) })),
        })),
        {
          name: 'honest mining (α)',
          colour: 4,
          dashed: true,
          points: [
            { x: 0, y: 0 },
            { x: 0.48, y: 0.48 },
          ],
        },
      ],
      points: gammas.map((g, i) => ({
        name: `simulated γ = ${g}`,
        colour: i,
        points: result.rows
          .filter((r) => r.gamma === g)
          .map((r) => errorPoint(num(r, 'alpha'), num(r, 'simulated'), num(r, 'se'))),
      })),
      summary: within(result),
    },
  ];
}

function doubleSpendChart(result: ExperimentResult): ChartSpec[] {
  const qs = [...new Set(result.rows.map((r) => num(r, 'q')))];
  const zs = grid(0, 10, 10);
  return [
    {
      title: 'Attacker success against confirmations',
      xLabel: 'confirmations z',
      yLabel: 'probability the attack succeeds',
      logY: true,
      lines: qs.flatMap((q, i) => [
        {
          name: `Rosenfeld q = ${q}`,
          colour: i,
          points: zs.map((z) => ({ x: z, y: rosenfeldSuccess(q, z) })),
        },
        {
          name: `Nakamoto §11 q = ${q}`,
          colour: i,
          dashed: true,
          points: zs.map((z) => ({ x: z, y: nakamotoSuccess(q, z) })),
        },
      ]),
      // A point with no successes has no place on a log axis; the table still shows it.
      points: qs.map((q, i) => ({
        name: `simulated q = ${q}`,
        colour: i,
        points: result.rows
          .filter((r) => r.q === q && num(r, 'simulated') > 0)
          .map((r) => errorPoint(num(r, 'z'), num(r, 'simulated'), num(r, 'se'), true)),
      })),
      summary: within(result),
    },
  ];
}

function retargetCharts(result: ExperimentResult): ChartSpec[] {
  const groups = [...new Set((result.curves ?? []).map((c) => c.group ?? ''))];
  return groups.map((g) => {
    const curves = (result.curves ?? []).filter((c) => (c.group ?? '') === g);
    const rows = result.rows.filter((r) => r.step === g);
    return {
      title: `Hash rate ${g}`,
      xLabel: 'blocks since the hash-rate step',
      yLabel: 'mean block time / target',
      lines: curves.map((c, i) => ({ name: c.name, colour: i, points: c.points })),
      points: [],
      band: [0.9, 1.1] as const,
      summary:
        rows
          .map((r) => `${String(r.rule)} is back within ±10 % after ${String(r.simulated)} blocks`)
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
