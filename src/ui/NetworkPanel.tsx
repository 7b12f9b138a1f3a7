import { ICON } from './icons';
import type { NodeView } from '../store/appStore';
import { useApp, useController } from './context';
import { nodeName, shortHash } from './format';
import { hashBlock } from '../core/block';
import type { Block } from '../core/types';
import { NetworkGraph } from './NetworkGraph';
import { halves, moveAcross } from './network';
import './NetworkPanel.css';

const SIDE = ['', 'A', 'B'];

function status(n: NodeView, partitioned: boolean): { icon: string; text: string } {
  if (n.resolving) return { icon: ICON.resolve, text: 'resolving' };
  if (n.mining)
    return { icon: ICON.mine, text: partitioned && n.group ? `mining, side ${SIDE[n.group]}` : 'mining' };
  return { icon: ICON.idle, text: partitioned && n.group ? `idle, side ${SIDE[n.group]}` : 'idle' };
}

function NodeCard({ node, others }: { node: NodeView; others: readonly string[] }) {
  const controller = useController();
  const selected = useApp((s) => s.selected === node.id);
  const partitioned = useApp((s) => s.partitioned);
  const groups = useApp((s) => s.nodes).reduce<string[][]>(
    (g, n) => (n.group > 0 && g[n.group - 1]?.push(n.id), g),
    [[], []],
  );
  const st = status(node, partitioned);
  const tip = node.chain[node.chain.length - 1] as Block;
  const name = nodeName(node.id);
  const unregistered = others.filter((o) => !node.peers.includes(`${o}:5000`));
  return (
    <li className={`node-card${selected ? ' selected' : ''}${node.group ? ` side-${SIDE[node.group]}` : ''}`}>
      <div className="row node-head">
        <button
          type="button"
          className="node-name"
          aria-pressed={selected}
          onClick={() => controller.select(node.id)}
        >
          {name}
        </button>
        <span className="status">
          <span aria-hidden="true">{st.icon}</span> {st.text}
        </span>
      </div>
      <p className="node-facts">
        <span>
          height <strong>{node.chain.length - 1}</strong>
        </span>{' '}
        <span className="mono" title={hashBlock(tip)}>
          tip {shortHash(hashBlock(tip))}
        </span>{' '}
        <span>pending {node.mempool.length}</span>
      </p>
      <p className="node-peers">
        Peers:{' '}
        {node.peers.length === 0 ? (
          <span className="bad">none — resolve has nobody to ask</span>
        ) : (
          node.peers
            .map((p) => p.replace(':5000', ''))
            .map(nodeName)
            .join(', ')
        )}
      </p>
      <label className="row share">
        Hash power
        <input
          type="range"
          min={10}
          max={100}
          step={10}
          value={Math.round(node.share * 100)}
          onChange={(e) =>
            controller.dispatch({ type: 'set-share', node: node.id, share: Number(e.target.value) / 100 })
          }
        />
        <span className="mono">{Math.round(node.share * 100)} %</span>
      </label>
      <div className="row">
        {unregistered.length > 0 && (
          <select
            aria-label={`Register a peer on ${name}`}
            value=""
            onChange={(e) =>
              e.target.value &&
              controller.dispatch({
                type: 'register',
                node: node.id,
                urls: [`http://${e.target.value}:5000`],
              })
            }
          >
            <option value="">Register peer…</option>
            {unregistered.map((o) => (
              <option key={o} value={o}>
                {nodeName(o)}
              </option>
            ))}
          </select>
        )}
        {partitioned && (
          <button
            type="button"
            onClick={() => {
              const next = moveAcross(groups, node.id);
              controller.dispatch(next ? { type: 'partition', groups: next } : { type: 'heal' });
            }}
          >
            {ICON.move} Move to side {node.group === 1 ? 'B' : 'A'}
          </button>
        )}
        <button type="button" onClick={() => controller.dispatch({ type: 'remove-node', node: node.id })}>
          Remove {name}
        </button>
      </div>
    </li>
  );
}

/** The nodes, their links and their state; where the teacher adds nodes and splits the network. */
export function NetworkPanel() {
  const controller = useController();
  const nodes = useApp((s) => s.nodes);
  const partitioned = useApp((s) => s.partitioned);
  const ids = nodes.map((n) => n.id);
  return (
    <section className="panel network" aria-label="Network">
      <h2>Network</h2>
      <div className="row">
        <button
          type="button"
          onClick={() => controller.dispatch({ type: 'add-node' })}
          disabled={nodes.length >= 10}
        >
          {ICON.add} Add node
        </button>
        <button
          type="button"
          onClick={() => controller.dispatch({ type: 'register-all' })}
          disabled={nodes.length < 2}
        >
          {ICON.link} Register all peers
        </button>
        {partitioned ? (
          <button type="button" className="primary" onClick={() => controller.dispatch({ type: 'heal' })}>
            {ICON.heal} Heal network
          </button>
        ) : (
          <button
            type="button"
            onClick={() => controller.dispatch({ type: 'partition', groups: halves(ids) })}
            disabled={nodes.length < 2}
          >
            {ICON.cut} Partition network
          </button>
        )}
      </div>
      <NetworkGraph nodes={nodes} partitioned={partitioned} />
      <ul className="node-list">
        {nodes.map((n) => (
          <NodeCard key={n.id} node={n} others={ids.filter((o) => o !== n.id)} />
        ))}
      </ul>
      {nodes.length === 0 && <p className="muted">No nodes. Press “Add node” to start one.</p>}
    </section>
  );
}
