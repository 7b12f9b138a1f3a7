import { memo, useId, useState } from 'react';
import { i18n } from '../i18n/i18n';
import { useText } from '../i18n/useText';
import { ICON } from './icons';
import type { Controller } from '../store/controller';
import { branchesOf, healNews, tipOf, type Tip } from './healNews';
import type { NodeView } from '../store/appStore';
import { useApp, useController } from './context';
import { blocks, nodeName, shortHash } from './format';
import { branchStyle, NetworkGraph } from './NetworkGraph';
import { halves } from './network';
import { NodeCard } from './NodeCard';
import './NetworkPanel.css';

/** The most nodes the app runs at once (the node names alice … judy). */
const MAX_NODES = 10;

/**
 * Add, register all, partition or heal. Apart from the panel, which follows every node's changes (the graph and
 * the branches), so that its checkbox is not rewritten with each of them.
 */
const NetworkActions = memo(function NetworkActions({ onHeal }: { onHeal: (watch: HealWatch) => void }) {
  const { t } = useText();
  const controller = useController();
  const count = useApp((s) => s.nodes.length);
  const partitioned = useApp((s) => s.partitioned);
  const [joins, setJoins] = useState(true);
  const full = count >= MAX_NODES;
  const fullId = useId();
  // The nodes as they are at the click.
  const nodes = () => controller.store.getState().nodes;
  return (
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
        disabled={count < 2}
      >
        {ICON.link} {t('network.registerAll')}
      </button>
      {partitioned ? (
        <button
          type="button"
          className="primary"
          onClick={() => {
            // Every node resolves at once, so the heal has an outcome the class can see and hear.
            const before = nodes().map((n) => tipOf(n.id, n.chain));
            if (controller.dispatch({ type: 'heal', resolve: true }).ok) onHeal({ before });
          }}
        >
          {ICON.heal} {t('network.heal')}
        </button>
      ) : (
        <button
          type="button"
          onClick={() => controller.dispatch({ type: 'partition', groups: halves(nodes().map((n) => n.id)) })}
          disabled={count < 2}
        >
          {ICON.cut} {t('network.partition')}
        </button>
      )}
    </div>
  );
});

/** The nodes, their links and their state; where the teacher adds nodes and splits the network. */
export function NetworkPanel() {
  const { t } = useText();
  const nodes = useApp((s) => s.nodes);
  const partitioned = useApp((s) => s.partitioned);
  const [heal, setHeal] = useState<HealWatch | null>(null);
  return (
    <section className="panel network" aria-label={t('network.title')}>
      <h2>{t('network.title')}</h2>
      <NetworkActions onHeal={setHeal} />
      <HealStatus watch={heal} />
      <NetworkGraph nodes={nodes} partitioned={partitioned} />
      <BranchLegend nodes={nodes} />
      <ul className="node-list">
        {nodes.map((n) => (
          <NodeCard key={n.id} id={n.id} />
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
