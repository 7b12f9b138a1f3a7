// Attempts per mined block against the geometric law P(attempts = k) = (1-p)^(k-1) p. A small hand-drawn SVG:
// this panel is in the first bundle, and recharts is kept out of it (App.tsx loads charts lazily).
import { useId, useMemo } from 'react';
import { useText } from '../i18n/useText';
import type { PowParams } from '../core/pow';
import { useApp } from './context';
import { count } from './format';
import { attemptHistogram, type Bin } from './powMath';

const W = 320;
const H = 150;
const LEFT = 30;
const RIGHT = 6;
const TOP = 10;
const BOTTOM = 26;

/** The bin's upper edge as a multiple of the average: "0.5×", "1×" … "more" for the open bin. */
function binLabel(bin: Bin, expected: number, more: string): string {
  if (bin.to === null) return more;
  return `${Math.round((bin.to / expected) * 10) / 10}×`;
}

export function AttemptHistogram({ pow }: { pow: PowParams }) {
  const { t } = useText();
  const mined = useApp((s) => s.mined);
  const miners = useApp((s) => s.nodes.filter((n) => n.mining || n.autoMine).length);
  const summaryId = useId();
  // Only blocks mined at today's difficulty share one expectation.
  const attempts = useMemo(
    () => mined.filter((m) => m.difficulty === pow.difficulty).map((m) => m.attempts),
    [mined, pow.difficulty],
  );
  const h = useMemo(() => attemptHistogram(attempts, pow), [attempts, pow]);
  const peak = Math.max(1, ...h.bins.map((b) => Math.max(b.observed, b.expected)));
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const slot = plotW / h.bins.length;
  const y = (v: number) => TOP + plotH - (v / peak) * plotH;
  const centre = (i: number) => LEFT + slot * (i + 0.5);

  return (
    <figure className="pow-histogram">
      <figcaption>
        <h3>{t('histogram.title')}</h3>
        <p id={summaryId}>
          {h.n === 0
            ? t('histogram.none', { expected: count(h.expectedMean) })
            : t('histogram.summary', {
                count: h.n,
                mean: count(h.mean),
                expected: count(h.expectedMean),
              })}
        </p>
      </figcaption>
      {h.n > 0 && (
        <>
          <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={summaryId} className="pow-histogram-svg">
            <line x1={LEFT} x2={W - RIGHT} y1={TOP + plotH} y2={TOP + plotH} className="axis" />
            <line x1={LEFT} x2={LEFT} y1={TOP} y2={TOP + plotH} className="axis" />
            <text x={LEFT - 4} y={TOP + 4} textAnchor="end" className="tick">
              {Math.ceil(peak)}
            </text>
            <text x={LEFT - 4} y={TOP + plotH} textAnchor="end" className="tick">
              0
            </text>
            {h.bins.map((b, i) => (
              <g key={b.from}>
                <rect
                  className="bar"
                  x={centre(i) - slot * 0.35}
                  width={slot * 0.7}
                  y={y(b.observed)}
                  height={TOP + plotH - y(b.observed)}
                />
                <text x={centre(i)} y={H - 8} textAnchor="middle" className="tick">
                  {binLabel(b, h.expectedMean, t('histogram.more'))}
                </text>
              </g>
            ))}
            <polyline
              className="expected"
              points={h.bins.map((b, i) => `${centre(i)},${y(b.expected)}`).join(' ')}
            />
            {h.bins.map((b, i) => (
              <circle key={b.from} className="expected-dot" cx={centre(i)} cy={y(b.expected)} r={3.5} />
            ))}
          </svg>
          <p className="pow-legend muted">
            <span className="legend-bar" aria-hidden="true" /> {t('histogram.found')} ·{' '}
            <span className="legend-dot" aria-hidden="true" /> {t('histogram.expected')} ·{' '}
            {t('histogram.axis', { expected: count(h.expectedMean) })}
            {miners > 1 && ` ${t('histogram.severalMiners')}`}
          </p>
        </>
      )}
    </figure>
  );
}
