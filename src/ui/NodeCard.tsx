// One node's card in the Network panel: its state in words, its peers, and what the teacher can change on it.
// With every node mining the store changes ten times a second; each card reads only its own node, and its parts
// only what they show, so a resolve re-renders one card's status and a block its facts, and no control (React
// rewrites an input's name and type on every re-render).
import { memo } from 'react';
import type { Block, Chain } from '../core/types';
import { i18n } from '../i18n/i18n';
import { useText } from '../i18n/useText';
import type { NodeView } from '../store/appStore';
import { useApp, useAppShallow, useController } from './context';
import { nodeName } from './format';
import { HeightAndTip } from './HeightAndTip';
import { ICON } from './icons';
import { moveAcross } from './network';

const SIDE = ['', 'A', 'B'];

function status(n: NodeView, partitioned: boolean): { icon: string; text: string } {
  const t = i18n.t;
  if (n.resolving) return { icon: ICON.resolve, text: t('network.resolving') };
  if (n.mining)
    return {
      icon: ICON.mine,
      text: partitioned && n.group ? t('network.miningSide', { side: SIDE[n.group] }) : t('network.mining'),
    };
  return {
    icon: ICON.idle,
    text: partitioned && n.group ? t('network.idleSide', { side: SIDE[n.group] }) : t('network.idle'),
  };
}

export const NodeCard = memo(function NodeCard({ id }: { id: string }) {
  // Re-rendered in a new language: status() words through i18n.t.
  useText();
  const controller = useController();
  const node = useApp((s) => s.nodes.find((n) => n.id === id));
  const selected = useApp((s) => s.selected === id);
  const partitioned = useApp((s) => s.partitioned);
  if (!node) return null;
  const st = status(node, partitioned);
  return (
    <li className={`node-card${selected ? ' selected' : ''}${node.group ? ` side-${SIDE[node.group]}` : ''}`}>
      <div className="row node-head">
        <button
          type="button"
          className="node-name"
          aria-pressed={selected}
          onClick={() => controller.select(id)}
        >
          {nodeName(id)}
        </button>
        <span className="status">
          <span aria-hidden="true">{st.icon}</span> {st.text}
        </span>
      </div>
      <NodeFacts chain={node.chain} pending={node.mempool.length} />
      <NodePeers peers={node.peers} />
      <NodeControls id={id} />
    </li>
  );
});

/** Height, tip and pending transactions: re-rendered when they change, not when the node starts resolving. */
const NodeFacts = memo(function NodeFacts({ chain, pending }: { chain: Chain; pending: number }) {
  const { t } = useText();
  return (
    <p className="node-facts">
      <HeightAndTip height={chain.length - 1} tip={chain[chain.length - 1] as Block} />{' '}
      <span>{t('network.pending', { n: pending })}</span>
    </p>
  );
});

const NodePeers = memo(function NodePeers({ peers }: { peers: readonly string[] }) {
  const { t } = useText();
  return (
    <p className="node-peers">
      {t('network.peers')}{' '}
      {peers.length === 0 ? (
        <span className="bad">{t('network.noPeers')}</span>
      ) : (
        peers
          .map((p) => p.replace(':5000', ''))
          .map(nodeName)
          .join(', ')
      )}
    </p>
  );
});

/** Hash power, registering a peer, moving across a partition, removing: re-rendered only when these change. */
const NodeControls = memo(function NodeControls({ id }: { id: string }) {
  const { t } = useText();
  const controller = useController();
  const share = useApp((s) => s.nodes.find((n) => n.id === id)?.share ?? 0);
  const group = useApp((s) => s.nodes.find((n) => n.id === id)?.group ?? 0);
  const partitioned = useApp((s) => s.partitioned);
  // The nodes this one has not registered yet, in the store's order.
  const unregistered = useAppShallow((s) => {
    const peers = s.nodes.find((n) => n.id === id)?.peers ?? [];
    return s.nodes.filter((o) => o.id !== id && !peers.includes(`${o.id}:5000`)).map((o) => o.id);
  });
  const name = nodeName(id);
  const percent = Math.round(share * 100);
  return (
    <>
      <label className="row share">
        {t('network.hashPower')}
        <input
          type="range"
          min={10}
          max={100}
          step={10}
          value={percent}
          onChange={(e) =>
            controller.dispatch({ type: 'set-share', node: id, share: Number(e.target.value) / 100 })
          }
        />
        <span className="mono">{percent} %</span>
      </label>
      <div className="row">
        {unregistered.length > 0 && (
          <select
            aria-label={t('network.registerOn', { name })}
            value=""
            onChange={(e) =>
              e.target.value &&
              controller.dispatch({ type: 'register', node: id, urls: [`http://${e.target.value}:5000`] })
            }
          >
            <option value="">{t('network.registerPeer')}</option>
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
              // The sides as they are at the click: the controls do not follow every node's changes.
              const groups = controller.store
                .getState()
                .nodes.reduce<string[][]>((g, n) => (n.group > 0 && g[n.group - 1]?.push(n.id), g), [[], []]);
              const next = moveAcross(groups, id);
              controller.dispatch(next ? { type: 'partition', groups: next } : { type: 'heal' });
            }}
          >
            {ICON.move} {t('network.moveTo', { side: group === 1 ? 'B' : 'A' })}
          </button>
        )}
        <button type="button" onClick={() => controller.dispatch({ type: 'remove-node', node: id })}>
          {t('network.remove', { name })}
        </button>
      </div>
    </>
  );
});
