// The four charts (recharts 3). Only ChartsPanel imports this file, so recharts stays in the lazy chunk.
import { memo, useId, type ReactElement, type ReactNode } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useText } from '../i18n/useText';
import type { HeightPoint } from '../store/appStore';
import { rateTick, shortDuration, type IntervalPoint, type RateSample, type StalePoint } from './chartData';
import { ChartLegend } from './ChartLegend';
import { duration, nodeName, rate } from './format';

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

interface ChartProps {
  /** Fixed pixel size (tests, print); otherwise the chart fills its grid cell. */
  readonly size?: ChartSize | undefined;
  /** Whether the tooltip may glide; series never animate (ChartsPanel says why). */
  readonly animate: boolean;
}

const HEIGHT = 220;
const MARGIN = { top: 8, right: 12, bottom: 4, left: 0 };
// Colour and dash pattern both differ per node, so lines stay apart for colour-blind viewers and in grey print.
const COLOURS = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0e7490', '#4d7c0f', '#a21caf'];
const DASHES = [undefined, '8 4', '2 3', '10 3 2 3'];

export function nodeStroke(i: number) {
  return { stroke: COLOURS[i % COLOURS.length], strokeDasharray: DASHES[i % DASHES.length] };
}

const seconds = (t: number) => (t === 0 ? '0 s' : duration(t));
const timeLabel = (t: unknown) => `t = ${duration(Number(t))}`;

function Frame({ size, children }: { size?: ChartSize | undefined; children: ReactElement }) {
  return size ? (
    children
  ) : (
    <ResponsiveContainer width="100%" height={HEIGHT}>
      {children}
    </ResponsiveContainer>
  );
}

const dims = (size?: ChartSize) => (size ? { width: size.width, height: size.height } : {});

/** A chart with its heading and a one-line text alternative (the chart itself is a picture of that line). */
export function Figure({
  title,
  summary,
  children,
}: {
  title: string;
  summary: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="chart">
      <figcaption>
        <h3>{title}</h3>
        <p id={id} className="chart-summary">
          {summary}
        </p>
      </figcaption>
      <div role="img" aria-labelledby={id} className="chart-box">
        {children}
      </div>
    </figure>
  );
}

/** One line per node, in the node's colour and dash (colour is never the only cue). */
function nodeLines(ids: readonly string[], type: 'stepAfter' | 'linear') {
  return ids.map((id, i) => (
    <Line
      key={id}
      type={type}
      dataKey={id}
      name={nodeName(id)}
      dot={false}
      strokeWidth={2.5}
      {...nodeStroke(i)}
      isAnimationActive={false}
    />
  ));
}

function timeAxis() {
  return <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} tickFormatter={seconds} />;
}

export const HeightChart = memo(function HeightChart({
  data,
  ids,
  size,
  animate,
}: ChartProps & { data: readonly HeightPoint[]; ids: readonly string[] }) {
  return (
    <Frame size={size}>
      <LineChart data={data as HeightPoint[]} margin={MARGIN} accessibilityLayer={false} {...dims(size)}>
        <CartesianGrid strokeDasharray="3 3" />
        {timeAxis()}
        <YAxis allowDecimals={false} width={36} />
        <Tooltip labelFormatter={timeLabel} isAnimationActive={animate} />
        <Legend content={ChartLegend} />
        {nodeLines(ids, 'stepAfter')}
      </LineChart>
    </Frame>
  );
});

export const IntervalChart = memo(function IntervalChart({
  data,
  size,
  animate,
}: ChartProps & { data: readonly IntervalPoint[] }) {
  const { t } = useText();
  const retargeting = data.some((p) => p.goal !== undefined);
  return (
    <Frame size={size}>
      <ComposedChart
        data={data as IntervalPoint[]}
        margin={MARGIN}
        accessibilityLayer={false}
        {...dims(size)}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="index" />
        <YAxis tickFormatter={shortDuration} width={64} />
        <Tooltip
          labelFormatter={(i) => t('charts.tooltipBlock', { index: String(i) })}
          formatter={(v) => shortDuration(Number(v))}
          isAnimationActive={animate}
        />
        <Legend content={ChartLegend} />
        <Bar
          dataKey="interval"
          name={t('charts.sinceBefore')}
          fill="#60a5fa"
          stroke="#1d4ed8"
          isAnimationActive={false}
        />
        <Line
          type="stepAfter"
          dataKey="target"
          name={retargeting ? t('charts.expectedEach') : t('charts.expectedMean')}
          stroke="#92400e"
          strokeDasharray="6 3"
          strokeWidth={2.5}
          dot={false}
          isAnimationActive={false}
        />
        {retargeting && (
          <Line
            type="linear"
            dataKey="goal"
            name={t('charts.goal')}
            stroke="#047857"
            strokeDasharray="2 3"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        )}
      </ComposedChart>
    </Frame>
  );
});

export const RateChart = memo(function RateChart({
  data,
  ids,
  size,
  animate,
}: ChartProps & { data: readonly RateSample[]; ids: readonly string[] }) {
  return (
    <Frame size={size}>
      <LineChart data={data as RateSample[]} margin={MARGIN} accessibilityLayer={false} {...dims(size)}>
        <CartesianGrid strokeDasharray="3 3" />
        {timeAxis()}
        <YAxis tickFormatter={rateTick} width={48} />
        <Tooltip labelFormatter={timeLabel} formatter={(v) => rate(Number(v))} isAnimationActive={animate} />
        <Legend content={ChartLegend} />
        {nodeLines(ids, 'linear')}
      </LineChart>
    </Frame>
  );
});

export const StaleChart = memo(function StaleChart({
  data,
  size,
  animate,
}: ChartProps & { data: readonly StalePoint[] }) {
  const { t } = useText();
  return (
    <Frame size={size}>
      <LineChart data={data as StalePoint[]} margin={MARGIN} accessibilityLayer={false} {...dims(size)}>
        <CartesianGrid strokeDasharray="3 3" />
        {timeAxis()}
        <YAxis allowDecimals={false} width={36} />
        <Tooltip labelFormatter={timeLabel} isAnimationActive={animate} />
        <Legend content={ChartLegend} />
        <Line
          type="stepAfter"
          dataKey="stale"
          name={t('charts.staleLine')}
          stroke="#b91c1c"
          strokeWidth={2.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </Frame>
  );
});
