import { useId, useState } from 'react';
import { Trans } from 'react-i18next';
import { i18n } from '../i18n/i18n';
import { useText } from '../i18n/useText';
import { ICON } from './icons';
import type { Controller } from '../store/controller';
import { branchesOf, healNews, tipOf, type Tip } from './healNews';
import type { NodeView } from '../store/appStore';
import { useApp, useController } from './context';
import { blocks, nodeName, shortHash } from './format';
import { hashBlock } from '../core/block';
import type { Block } from '../core/types';
import { branchStyle, NetworkGraph } from './NetworkGraph';
import { halves, moveAcross } from './network';
import './NetworkPanel.css';

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

function NodeCard({ node, others }: { node: NodeView; others: readonly string[] }) {
  const { t } = useText();
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
          <Trans
            i18nKey="realNodes.height"
            t={t}
            values={{ height: node.chain.length - 1 }}
            components={{ b: <strong /> }}
          />
        </span>{' '}
        <span className="mono" title={hashBlock(tip)}>
          {t('realNodes.tip', { hash: shortHash(hashBlock(tip)) })}
        </span>{' '}
        <span>{t('network.pending', { n: node.mempool.length })}</span>
      </p>
      <p className="node-peers">
        {t('network.peers')}{' '}
        {node.peers.length === 0 ? (
          <span className="bad">{t('network.noPeers')}</span>
        ) : (
          node.peers
            .map((p) => p.replace(':5000', ''))
            .map(nodeName)
            .join(', ')
        )}
      </p>
      <label className="row share">
        {t('network.hashPower')}
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
            aria-label={t('network.registerOn', { name })}
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
              const next = moveAcross(groups, node.id);
              controller.dispatch(next ? { type: 'partition', groups: next } : { type: 'heal' });
            }}
          >
            {ICON.move} {t('network.moveTo', { side: node.group === 1 ? 'B' : 'A' })}
          </button>
        )}
        <button type="button" onClick={() => controller.dispatch({ type: 'remove-node', node: node.id })}>
          {t('network.remove', { name })}
        </button>
      </div>
    </li>
  );
}

/** The most nodes the app runs at once (the node names alice … judy). */
const MAX_NODES = 10;

/** The nodes, their links and their state; where the teacher adds nodes and splits the network. */
export function NetworkPanel() {
  const { t } = useText();
  const controller = useController();
  const nodes = useApp((s) => s.nodes);
  const partitioned = useApp((s) => s.partitioned);
  const ids = nodes.map((n) => n.id);
  const [joins, setJoins] = useState(true);
  const [heal, setHeal] = useState<HealWatch | null>(null);
  const full = nodes.length >= MAX_NODES;
  const fullId = useId();
  return (
    <section className="panel network" aria-label={t('network.title')}>
      <h2>{t('network.title')}</h2>
      <div className="row">
        <button
          type="button"
          onClick={() => addNode(controller, joins)}
          disabled={full}
          aria-describedby={full ? fullId : undefined}
        >
          {ICON.add} {t('network.add')}
        </button>
        <label className="row">
          <input type="checkbox" checked={joins} onChange={(e) => setJoins(e.target.checked)} />{' '}
          {t('network.joinAndMine')}
        </label>
        {full && (
          <span id={fullId} className="muted">
            {t('network.full', { max: MAX_NODES })}
          </span>
        )}
        <button
          type="button"
          onClick={() => controller.dispatch({ type: 'register-all' })}
          disabled={nodes.length < 2}
        >
          {ICON.link} {t('network.registerAll')}
        </button>
        {partitioned ? (
          <button
            type="button"
            className="primary"
            onClick={() => {
              // Every node resolves at once, so the heal has an outcome the class can see and hear.
              const before = nodes.map((n) => tipOf(n.id, n.chain));
              if (controller.dispatch({ type: 'heal', resolve: true }).ok) setHeal({ before });
            }}
          >
            {ICON.heal} {t('network.heal')}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => controller.dispatch({ type: 'partition', groups: halves(ids) })}
            disabled={nodes.length < 2}
          >
            {ICON.cut} {t('network.partition')}
          </button>
        )}
      </div>
      <HealStatus watch={heal} />
      <NetworkGraph nodes={nodes} partitioned={partitioned} />
      <BranchLegend nodes={nodes} />
      <ul className="node-list">
        {nodes.map((n) => (
          <NodeCard key={n.id} node={n} others={ids.filter((o) => o !== n.id)} />
        ))}
      </ul>
      {nodes.length === 0 && <p className="muted">{t('network.noNodes')}</p>}
      <p className="muted">
        {/* The classroom's serverless mode (README "A classroom network"): tabs talk over BroadcastChannel. */}
        {t('network.tabsHint')}{' '}
        <a className="tabs-link" href="?tabs" target="_blank" rel="noopener">
          {t('network.tabsLink')}
        </a>
      </p>
    </section>
  );
}

/** A new node, and unless the teacher unticked it: registered both ways with every node, and mining. */
function addNode(controller: Controller, joins: boolean): void {
  const before = new Set(
    controller
      .sim()
      .nodes()
      .map((n) => n.id),
  );
  if (!controller.dispatch({ type: 'add-node' }).ok || !joins) return;
  const added = controller
    .sim()
    .nodes()
    .find((n) => !before.has(n.id));
  if (!added) return;
  const others = [...before];
  if (others.length > 0) {
    controller.dispatch({ type: 'register', node: added.id, urls: others.map((o) => `http://${o}:5000`) });
    for (const o of others)
      controller.dispatch({ type: 'register', node: o, urls: [`http://${added.id}:5000`] });
  }
  controller.dispatch({ type: 'auto-mine', node: added.id, on: true });
}

interface HealWatch {
  readonly before: readonly Tip[];
}

/** The heal's outcome, announced once every node has finished resolving (a live region: role="status"). */
function HealStatus({ watch }: { watch: HealWatch | null }) {
  const nodes = useApp((s) => s.nodes);
  const playing = useApp((s) => s.playing);
  // The outcome is the moment the resolves end; blocks mined later must not rewrite it.
  const [news, setNews] = useState<{ watch: HealWatch; text: string } | null>(null);
  const settled = watch !== null && nodes.every((n) => !n.resolving);
  // Set during render (React's "storing information from previous renders"): the first settled render wins.
  if (watch && settled && news?.watch !== watch)
    setNews({
      watch,
      text: healNews(
        watch.before,
        nodes.map((n) => tipOf(n.id, n.chain)),
      ),
    });
  let text = '';
  if (watch && news?.watch === watch) text = news.text;
  else if (watch) text = playing ? i18n.t('network.healing') : i18n.t('network.healingPaused');
  return (
    <p role="status" className="heal-news">
      {text}
    </p>
  );
}

/** The graph's rings in words: which nodes follow which branch, while there is more than one. */
function BranchLegend({ nodes }: { nodes: readonly NodeView[] }) {
  const { t } = useText();
  const branches = branchesOf(nodes.map((n) => tipOf(n.id, n.chain)));
  if (branches.length < 2) return null;
  return (
    <ul className="branch-legend" aria-label={t('network.branches')}>
      {branches.map((b, i) => (
        <li key={b.tip}>
          <svg width="14" height="14" aria-hidden="true">
            <circle
              cx="7"
              cy="7"
              r="5"
              style={{
                fill: 'none',
                stroke: branchStyle(i).colour,
                strokeWidth: 3,
                strokeDasharray: branchStyle(i).dash || undefined,
              }}
            />
          </svg>{' '}
          {t('network.branch', {
            n: i + 1,
            nodes: b.nodes.map(nodeName).join(', '),
            blocks: blocks(b.length),
          })}{' '}
          <span className="mono">{shortHash(b.tip)}</span>
        </li>
      ))}
    </ul>
  );
}
