// "Connect a real node": a Chainlab HTTP node (npm run node) or, through one's relay, a Python tutorial node.
// The app reads its chain over HTTP and its own nodes can register it and resolve against it (src/sim/hosts.ts).
import { useMemo, useState, type FormEvent } from 'react';
import { hashBlock } from '../core/block';
import type { Failure } from '../core/errors';
import { shownDifficulty } from '../core/pow';
import type { Block } from '../core/types';
import type { HostView } from '../sim/simulation';
import { BlockList } from './BlockList';
import { createChainChecker } from './chainView';
import { useApp, useController } from './context';
import { duration, shortHash } from './format';
import { ICON } from './icons';
import './RealNodes.css';

function HostItem({ host }: { host: HostView }) {
  const controller = useController();
  const nodes = useApp((s) => s.nodes);
  const selected = useApp((s) => s.selected === host.address);
  const chain = host.chain;
  const tip = chain ? (chain[chain.length - 1] as Block) : null;
  const registeredBy = nodes.filter((n) => n.peers.includes(host.address)).length;
  return (
    <li className={`node-card real${selected ? ' selected' : ''}`}>
      <div className="row node-head">
        <button
          type="button"
          className="node-name mono"
          aria-pressed={selected}
          onClick={() => controller.select(host.address)}
        >
          {host.address}
        </button>
        <span className="status">
          {host.url === `http://${host.address}` ? 'real node' : 'real node, via relay'}
        </span>
      </div>
      {host.error ? (
        <p className="message error" role="alert">
          {ICON.warn} {host.error.message} <code>{host.error.code}</code>
        </p>
      ) : chain && tip ? (
        <p className="node-facts">
          <span>
            height <strong>{chain.length - 1}</strong>
          </span>{' '}
          <span className="mono" title={hashBlock(tip)}>
            tip {shortHash(hashBlock(tip))}
          </span>{' '}
          {host.checkedAt !== null && <span className="muted">read at t = {duration(host.checkedAt)}</span>}
        </p>
      ) : (
        <p className="muted" role="status">
          Asking for its chain…
        </p>
      )}
      <p className="node-peers">
        {registeredBy === 0
          ? 'No node here has registered it yet.'
          : `${registeredBy} of ${nodes.length} nodes here have registered it: their resolves ask it for its chain.`}
      </p>
      <div className="row">
        <button
          type="button"
          onClick={() => controller.dispatch({ type: 'refresh-host', address: host.address })}
        >
          {ICON.resolve} Read its chain again
        </button>
        <button
          type="button"
          disabled={nodes.length === 0 || registeredBy === nodes.length}
          onClick={() => {
            for (const n of nodes)
              if (!n.peers.includes(host.address))
                controller.dispatch({ type: 'register', node: n.id, urls: [`http://${host.address}`] });
          }}
        >
          {ICON.link} Register it on every node
        </button>
        <button
          type="button"
          onClick={() => controller.dispatch({ type: 'disconnect-host', address: host.address })}
        >
          Disconnect
        </button>
      </div>
    </li>
  );
}

/** The Network panel's companion: connect real nodes by URL and see what they hold. */
export function RealNodesPanel() {
  const controller = useController();
  const hosts = useApp((s) => s.hosts);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<Failure | null>(null);
  const connect = (e: FormEvent) => {
    e.preventDefault();
    const r = controller.dispatch({ type: 'connect-host', url });
    if (!r.ok) return setError(r.error);
    setError(null);
    setUrl('');
  };
  return (
    <section className="panel real-nodes" aria-label="Real nodes">
      <h2>Real nodes</h2>
      <p className="muted">
        Connect a node running on a real port — <code>npm run node -- --port 5001</code>, or the
        tutorial&apos;s <code>python blockchain.py</code>. A Python node sends no CORS headers, so reach it
        through a Chainlab node that registered it: <code>http://127.0.0.1:5001/relay/127.0.0.1:5000</code>.
        The app only reads real nodes (GET /chain); nodes here that register one adopt its chain when they
        resolve, if it is longer and valid.
      </p>
      <form className="row" onSubmit={connect}>
        <label className="field grow">
          Node URL
          <input
            type="url"
            inputMode="url"
            placeholder="http://127.0.0.1:5001"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            required
          />
        </label>
        <button type="submit" className="primary">
          {ICON.link} Connect
        </button>
      </form>
      {error && (
        <p className="message error" role="alert">
          {ICON.warn} {error.message} <code>{error.code}</code>
        </p>
      )}
      {hosts.length > 0 && (
        <ul className="node-list">
          {hosts.map((h) => (
            <HostItem key={h.address} host={h} />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * A real node's chain in the Chain panel, read-only, checked as an imported file is: at the difficulty its blocks
 * show (a Python node mines at 4 whatever this network's slider says).
 */
export function HostChain({ host }: { host: HostView }) {
  const params = useApp((s) => s.params);
  const [checker] = useState(createChainChecker);
  const chain = host.chain;
  const shown = chain ? shownDifficulty(params.pow.rule, chain) : null;
  const opts = useMemo(
    () => ({
      pow: { ...params.pow, difficulty: shown ?? params.pow.difficulty },
      strictness: params.strictness,
    }),
    [params, shown],
  );
  const fault = useMemo(() => (chain ? checker(chain, opts) : null), [checker, chain, opts]);
  if (!chain)
    return <p className="muted">{host.error ? host.error.message : 'Its chain has not arrived yet.'}</p>;
  return (
    <>
      <p className="muted chain-hint">
        {chain.length} blocks, newest first, as {host.address} served them
        {host.checkedAt !== null ? ` at t = ${duration(host.checkedAt)}` : ''}; checked at difficulty{' '}
        {opts.pow.difficulty}, as its blocks show.{' '}
        {fault ? `Block ${fault.blockNumber} breaks a rule.` : 'Valid.'}
      </p>
      <BlockList chain={chain} firstFault={fault} opts={opts} editing={null} />
    </>
  );
}
