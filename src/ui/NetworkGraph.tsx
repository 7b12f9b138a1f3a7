import { useText } from '../i18n/useText';
import type { NodeView } from '../store/appStore';
import { nodeName } from './format';
import { branchesOf, tipOf } from './healNews';

/** Branch colours and dash patterns, longest branch first (src/ui/healNews.ts branchesOf). */
export const BRANCH_STYLES: readonly { readonly colour: string; readonly dash: string }[] = [
  { colour: '#15803d', dash: '' },
  { colour: '#b45309', dash: '6 3' },
  { colour: '#be185d', dash: '2 3' },
  { colour: '#0e7490', dash: '8 2 2 2' },
];

export const branchStyle = (i: number) =>
  BRANCH_STYLES[i % BRANCH_STYLES.length] as (typeof BRANCH_STYLES)[0];

function BranchRing({ x, y, branch }: { x: number; y: number; branch: number }) {
  const st = branchStyle(branch);
  // Inline style: the graph's stylesheet fills every circle, and a ring must stay hollow.
  return (
    <circle
      cx={x}
      cy={y}
      r={25}
      className="branch-ring"
      style={{ fill: 'none', stroke: st.colour, strokeWidth: 3, strokeDasharray: st.dash || undefined }}
    />
  );
}

/**
 * Nodes on a circle, a line for each registered peer link: solid when messages can pass, dashed and marked ✗
 * when a partition cuts it. A picture for the class; the node cards carry the same facts as text.
 */
export function NetworkGraph({ nodes, partitioned }: { nodes: readonly NodeView[]; partitioned: boolean }) {
  const { t } = useText();
  const size = 224;
  const r = 74;
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
  // After a fork, a ring in the branch's colour (and dash pattern, for readers who cannot tell the colours
  // apart) around every node that follows it; one branch: no rings.
  const branches = branchesOf(nodes.map((n) => tipOf(n.id, n.chain)));
  const branchOf = new Map<string, number>();
  if (branches.length > 1) branches.forEach((b, i) => b.nodes.forEach((id) => branchOf.set(id, i)));
  const summary =
    t('network.graph', { nodes: nodes.length, links: links.length }) +
    (partitioned ? t('network.graphCut', { n: links.filter((l) => l.cut).length }) : '') +
    (branches.length > 1 ? t('network.graphBranches', { n: branches.length }) : '');
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
          <circle cx={x} cy={y} r={20} />
          {branchOf.has(n.id) && <BranchRing x={x} y={y} branch={branchOf.get(n.id) as number} />}
          {/* Inside role="img" only the summary is read; the short name is a picture of the node. */}
          <text x={x} y={y + 4} textAnchor="middle" aria-hidden="true">
            {nodeName(n.id).slice(0, 3)}
          </text>
          <text x={x} y={y + 34} textAnchor="middle" className="gheight">
            h {n.chain.length - 1}
          </text>
        </g>
      ))}
    </svg>
  );
}
