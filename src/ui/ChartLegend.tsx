// The charts' legend, drawn here rather than by recharts: recharts labels each icon "<name> legend icon" in
// English, which a screen reader reads in every language. A line shows its dash, a bar its colour, a series of
// points a dot; the icons are decoration, the names are the text (in ink colour: a series colour is too pale
// for a bar's light fill).
import type { LegendPayload } from 'recharts';
import './ChartLegend.css';

export function ChartLegend({ payload }: { payload?: readonly LegendPayload[] }) {
  return (
    <ul className="chart-legend">
      {(payload ?? []).map((e, i) => (
        <li key={i} className="chart-legend-item">
          <svg width={16} height={10} aria-hidden="true">
            <LegendIcon entry={e} />
          </svg>
          <span className="chart-legend-text">{e.value}</span>
        </li>
      ))}
    </ul>
  );
}

function LegendIcon({ entry }: { entry: LegendPayload }) {
  if (entry.type === 'line') {
    const dash = (entry.payload as { strokeDasharray?: string } | undefined)?.strokeDasharray;
    return <line x1={0} y1={5} x2={16} y2={5} stroke={entry.color} strokeWidth={2} strokeDasharray={dash} />;
  }
  if (entry.type === 'circle') return <circle cx={8} cy={5} r={4} fill={entry.color} />;
  return <rect x={2} y={1} width={12} height={8} fill={entry.color} />;
}
