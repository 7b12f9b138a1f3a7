// Charts of the run so far. Loaded with React.lazy (App.tsx): recharts is imported only here and in
// ChartFigures.tsx, so the first paint does not wait for it.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useText } from '../i18n/useText';
import { appendCapped } from '../store/appStore';
import {
  chainHashes,
  intervalSeries,
  longestChain,
  mean,
  networkRate,
  rateSample,
  shortDuration,
  staleSeries,
  type RateSample,
} from './chartData';
import { Figure, HeightChart, IntervalChart, RateChart, StaleChart, type ChartSize } from './ChartFigures';
import { useApp, useAppShallow, useController } from './context';
import { count, duration, nodeName, rate } from './format';
import { describeDifficulty } from './powMath';
import './ChartsPanel.css';

/** Virtual seconds between hash-rate samples, and how many are kept (5 minutes of history). */
const SAMPLE_EVERY = 1;
const SAMPLES_KEPT = 300;
/** Bars in the interval chart: more would be thinner than a pixel on a phone. */
const INTERVALS_SHOWN = 100;

const REDUCED = '(prefers-reduced-motion: reduce)';
const subscribeMotion = (cb: () => void) => {
  if (typeof window.matchMedia !== 'function') return () => {};
  const mq = window.matchMedia(REDUCED);
  mq.addEventListener('change', cb);
  return () => mq.removeEventListener('change', cb);
};
const reducedMotion = () => typeof window.matchMedia === 'function' && window.matchMedia(REDUCED).matches;

/** Hash rates are not kept in the store, so the panel samples them while it is on screen. */
function useRateSamples(): readonly RateSample[] {
  const { store } = useController();
  const [samples, setSamples] = useState<readonly RateSample[]>(() => [rateSample(store.getState())]);
  useEffect(
    () =>
      store.subscribe((s) =>
        setSamples((list) => {
          const last = list[list.length - 1];
          if (!last || s.now < last.t) return [rateSample(s)]; // the run was reset
          // At most one sample a wall second: at 10× a sample per virtual second redrew the charts 10 times a
          // second (issue 17); they change on new blocks anyway.
          if (s.now - last.t < SAMPLE_EVERY * Math.max(1, s.speed)) return list;
          return appendCapped(list, [rateSample(s, last)], SAMPLES_KEPT);
        }),
      ),
    [store],
  );
  return samples;
}

export default function ChartsPanel({ fixedSize }: { fixedSize?: ChartSize }) {
  const { t } = useText();
  const heights = useApp((s) => s.heights);
  const mined = useApp((s) => s.mined);
  const pow = useApp((s) => s.params.pow);
  // The target block time a retarget rule aims at (none with a fixed difficulty).
  const goal = useApp((s) =>
    s.params.retarget.algorithm !== 'none' && s.params.pow.rule === 'header'
      ? s.params.retarget.interval
      : undefined,
  );
  const ids = useAppShallow((s) => s.nodes.map((n) => n.id));
  const miningIds = useAppShallow((s) => s.nodes.filter((n) => n.mining).map((n) => n.id));
  const best = useApp((s) => longestChain(s.nodes));
  const samples = useRateSamples();
  const totalRate = useApp((s) => networkRate(samples, s.nodes, s.params.hashRate));
  const reduced = useSyncExternalStore(subscribeMotion, reducedMotion, () => false);
  // Series never animate: the data changes every block, and a restarted draw-in animation hides the line
  // (seen in Chromium). Only the tooltip moves, and not for reduced motion or fixed-size (test) charts.
  const animate = !fixedSize && !reduced;

  const onChain = useMemo(() => chainHashes(best), [best]);
  const intervals = useMemo(
    () => intervalSeries(mined, best, pow, totalRate, goal).slice(-INTERVALS_SHOWN),
    [mined, best, pow, totalRate, goal],
  );
  const stale = useMemo(() => staleSeries(mined, onChain), [mined, onChain]);

  const lastHeight = heights[heights.length - 1];
  const heightSummary =
    lastHeight && ids.some((id) => (lastHeight[id] ?? 0) > 0)
      ? t('charts.heightSummary', {
          time: duration(lastHeight.t),
          heights: ids.map((id) => `${nodeName(id)} ${lastHeight[id] ?? 0}`).join(', '),
        })
      : t('charts.heightEmpty');

  const target = describeDifficulty(pow).expected / totalRate;
  const latest = intervals[intervals.length - 1];
  const intervalSummary =
    intervals.length === 0
      ? t('charts.intervalEmpty', { target: shortDuration(target) })
      : goal !== undefined && latest
        ? t('charts.intervalRetarget', {
            mean: shortDuration(mean(intervals.map((p) => p.interval))),
            n: intervals.length,
            expected: shortDuration(latest.target),
            rate: rate(totalRate),
            goal: shortDuration(goal),
          })
        : t('charts.intervalFixed', {
            mean: shortDuration(mean(intervals.map((p) => p.interval))),
            n: intervals.length,
            target: shortDuration(target),
            attempts: count(describeDifficulty(pow).expected),
            rate: rate(totalRate),
          });

  const lastSample = samples[samples.length - 1];
  const rateSummary = lastSample
    ? t('charts.rateSummary', {
        time: duration(lastSample.t),
        rates: ids
          .map((id) => {
            const r = lastSample[id] ?? 0;
            return `${nodeName(id)} ${r > 0 ? rate(r) : miningIds.includes(id) ? t('charts.starting') : t('charts.idle')}`;
          })
          .join(', '),
        rate: rate(totalRate),
      })
    : t('charts.rateEmpty');

  const lastStale = stale[stale.length - 1];
  const staleSummary = lastStale
    ? t('charts.staleSummary', { stale: lastStale.stale, mined: lastStale.mined })
    : t('charts.staleEmpty');

  return (
    <section className="panel charts-panel" aria-label={t('charts.title')}>
      <h2>{t('charts.title')}</h2>
      <div className="charts-grid">
        <Figure title={t('charts.heightTitle')} summary={heightSummary}>
          <HeightChart data={heights} ids={ids} size={fixedSize} animate={animate} />
        </Figure>
        <Figure title={t('charts.intervalTitle')} summary={intervalSummary}>
          <IntervalChart data={intervals} size={fixedSize} animate={animate} />
        </Figure>
        <Figure title={t('charts.rateTitle')} summary={rateSummary}>
          <RateChart data={samples} ids={ids} size={fixedSize} animate={animate} />
        </Figure>
        <Figure title={t('charts.staleTitle')} summary={staleSummary}>
          <StaleChart data={stale} size={fixedSize} animate={animate} />
        </Figure>
      </div>
    </section>
  );
}
