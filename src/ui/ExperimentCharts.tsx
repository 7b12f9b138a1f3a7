// One chart kind for every experiment: theory curves, simulated points with error bars, an optional target band.
// Only ExperimentsPanel imports this file, so recharts stays in the lazy chunk.
import { memo, type ReactElement } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  Legend,
  Line,
  ReferenceArea,
  ResponsiveContainer,
  Scatter,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartLegend } from './ChartLegend';
import { shownNumber, shownSignificant } from './experimentText';
import type { ChartSize } from './ChartFigures';
import type { ChartSpec } from './experimentChartData';

// Theory and its simulated points share a colour; dashes mark the approximations.
const PALETTE = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#4b5563'];
const HEIGHT = 280;
const MARGIN = { top: 8, right: 16, bottom: 20, left: 8 };
const colour = (i: number) => PALETTE[i % PALETTE.length] as string;

function Frame({ size, children }: { size?: ChartSize | undefined; children: ReactElement }) {
  return size ? (
    children
  ) : (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      {children}
    </ResponsiveContainer>
  );
}

/** A log axis from the power of ten below the smallest value (bars included) up to 1. */
function logDomain(spec: ChartSpec): [number, number] {
  let min = 1;
  for (const l of spec.lines) for (const p of l.points) if (p.y > 0) min = Math.min(min, p.y);
  for (const s of spec.points) for (const p of s.points) min = Math.min(min, p.y - p.err[0]);
  return [10 ** Math.floor(Math.log10(Math.max(min, 1e-12))), 1];
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** 0.001 → "10⁻³", 0.0002 → "2·10⁻⁴": written the same in every language, unlike "2e-4". */
function power(v: number): string {
  const [m, e] = v.toExponential(0).split('e') as [string, string];
  const exponent = e
    .replace('+', '')
    .replace('-', '⁻')
    .replace(/\d/g, (d) => SUPERSCRIPT[Number(d)] as string);
  return `${m === '1' ? '' : `${m}·`}10${exponent}`;
}
// Ticks with the reader's language's decimal sign.
const logTick = (v: number) => (v >= 0.01 ? shownNumber(v) : power(v));
const linearTick = (v: number) => shownSignificant(v, 3);

export const ExperimentChart = memo(function ExperimentChart({
  spec,
  size,
}: {
  spec: ChartSpec;
  size?: ChartSize | undefined;
}) {
  return (
    <Frame size={size}>
      <ComposedChart margin={MARGIN} accessibilityLayer={false} {...(size ?? {})}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="x"
          type="number"
          domain={['dataMin', 'dataMax']}
          tickFormatter={linearTick}
          label={{ value: spec.xLabel, position: 'insideBottom', offset: -12 }}
        />
        {spec.logY ? (
          <YAxis
            type="number"
            scale="log"
            domain={logDomain(spec)}
            allowDataOverflow
            tickFormatter={logTick}
            width={56}
          />
        ) : (
          <YAxis type="number" domain={['auto', 'auto']} tickFormatter={linearTick} width={56} />
        )}
        {spec.band && (
          <ReferenceArea
            y1={spec.band[0]}
            y2={spec.band[1]}
            fill="#16a34a"
            fillOpacity={0.12}
            ifOverflow="hidden"
          />
        )}
        <Legend content={ChartLegend} verticalAlign="top" />
        {spec.lines.map((l) => (
          <Line
            key={l.name}
            data={l.points as { x: number; y: number }[]}
            dataKey="y"
            name={l.name}
            type="monotone"
            stroke={colour(l.colour)}
            strokeWidth={2}
            strokeDasharray={l.dashed ? '6 4' : undefined}
            dot={false}
            isAnimationActive={false}
          />
        ))}
        {spec.points.map((s) => (
          <Scatter
            key={s.name}
            data={s.points as { x: number; y: number; err: [number, number] }[]}
            dataKey="y"
            name={s.name}
            fill={colour(s.colour)}
            isAnimationActive={false}
          >
            <ErrorBar
              dataKey="err"
              direction="y"
              width={5}
              strokeWidth={1.5}
              stroke={colour(s.colour)}
              isAnimationActive={false}
            />
          </Scatter>
        ))}
      </ComposedChart>
    </Frame>
  );
});
