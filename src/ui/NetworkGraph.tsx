import type { NodeView } from '../store/appStore';
import { nodeName } from './format';

/**
 * Nodes on a circle, a line for each registered peer link: solid when messages can pass, dashed and marked ✗
 * when a partition cuts it. A picture for the class; the node cards carry the same facts as text.
 */
export function NetworkGraph({ nodes, partitioned }: { nodes: readonly NodeView[]; partitioned: boolean }) {
  const size = 220;
  const r = 80;
  const pos = new Map(
    nodes.map((n, i) => {
      const a = (2 * Math.PI * i) / Math.max(nodes.length, 1) - Math.PI / 2;
      return [n.id, { x: size / 2 + r * Math.cos(a), y: size / 2 + r * Math.sin(a), n }];
    }),
  );
  const links: { a: string; b: string; cut: boolean; both: boolean }[] = [];
  for (const n of nodes) {
    for (const p of n.peers) {
      const other = p.replace(':5000', '');
      const o = pos.get(other)?.n;
      if (!o) continue;
      const both = o.peers.includes(`${n.id}:5000`);
      if (both && other < n.id) continue; // draw a mutual link once
      links.push({ a: n.id, b: other, cut: partitioned && n.group !== o.group, both });
    }
  }
  const summary = `${nodes.length} nodes, ${links.length} links${partitioned ? `, ${links.filter((l) => l.cut).length} cut by the partition` : ''}`;
  return (
    <svg className="net-graph" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={summary}>
      {links.map((l) => {
        const a = pos.get(l.a) as { x: number; y: number };
        const b = pos.get(l.b) as { x: number; y: number };
        return (
          <g key={`${l.a}-${l.b}`}>
            <line
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
              className={l.cut ? 'link cut' : 'link'}
              markerEnd={l.both ? undefined : 'url(#arrow)'}
            />
            {l.cut && (
              <text x={(a.x + b.x) / 2} y={(a.y + b.y) / 2 + 5} className="cut-mark" textAnchor="middle">
                ✗
              </text>
            )}
          </g>
        );
      })}
      <defs>
        <marker
          id="arrow"
          viewBox="0 0 10 10"
          refX="22"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="#6b7280" />
        </marker>
      </defs>
      {[...pos.values()].map(({ x, y, n }) => (
        <g key={n.id} className={`gnode${n.mining ? ' mining' : ''}${n.group ? ` side-${n.group}` : ''}`}>
          <circle cx={x} cy={y} r={18} />
          <text x={x} y={y + 4} textAnchor="middle">
            {nodeName(n.id).slice(0, 3)}
          </text>
          <text x={x} y={y + 32} textAnchor="middle" className="gheight">
            h {n.chain.length - 1}
          </text>
        </g>
      ))}
    </svg>
  );
}
