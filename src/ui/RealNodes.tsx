// "Connect a real node": a Chainlab HTTP node (npm run node) or, through one's relay, a Python tutorial node.
// The app reads its chain over HTTP and its own nodes can register it and resolve against it (src/sim/hosts.ts).
import { useState, type FormEvent } from 'react';
import { Trans } from 'react-i18next';
import type { Failure } from '../core/errors';
import type { Block } from '../core/types';
import { useText } from '../i18n/useText';
import type { HostView } from '../sim/simulation';
import { useApp, useController } from './context';
import { duration } from './format';
import { FailureText } from './FailureText';
import { HeightAndTip } from './HeightAndTip';
import { ICON } from './icons';
import './RealNodes.css';

function HostItem({ host }: { host: HostView }) {
  const { t } = useText();
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
          {host.url === `http://${host.address}` ? t('realNodes.real') : t('realNodes.viaRelay')}
        </span>
      </div>
      {host.error ? (
        <p className="message error" role="alert">
          {ICON.warn} <FailureText error={host.error} />
        </p>
      ) : chain && tip ? (
        <p className="node-facts">
          <HeightAndTip height={chain.length - 1} tip={tip} />{' '}
          {host.checkedAt !== null && (
            <span className="muted">{t('realNodes.readAt', { time: duration(host.checkedAt) })}</span>
          )}
        </p>
      ) : (
        <p className="muted" role="status">
          {t('realNodes.asking')}
        </p>
      )}
      <p className="node-peers">
        {registeredBy === 0
          ? t('realNodes.noneRegistered')
          : t('realNodes.registered', { count: registeredBy, total: nodes.length })}
      </p>
      <div className="row">
        <button
          type="button"
          onClick={() => controller.dispatch({ type: 'refresh-host', address: host.address })}
        >
          {ICON.resolve} {t('realNodes.readAgain')}
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
          {ICON.link} {t('realNodes.registerAll')}
        </button>
        <button
          type="button"
          onClick={() => controller.dispatch({ type: 'disconnect-host', address: host.address })}
        >
          {t('realNodes.disconnect')}
        </button>
      </div>
    </li>
  );
}

/** The Network panel's companion: connect real nodes by URL and see what they hold. */
export function RealNodesPanel() {
  const { t } = useText();
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
    <section className="panel real-nodes" aria-label={t('realNodes.title')}>
      <h2>{t('realNodes.title')}</h2>
      <p className="muted">
        <Trans i18nKey="realNodes.intro" t={t} components={{ c: <code /> }} />
      </p>
      <form className="row" onSubmit={connect}>
        <label className="field grow">
          {t('realNodes.url')}
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
          {ICON.link} {t('realNodes.connect')}
        </button>
      </form>
      {error && (
        <p className="message error" role="alert">
          {ICON.warn} <FailureText error={error} />
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
