// A student's own node in the class (docs/architecture.md "A classroom network"): its chain at a glance, the
// tutorial's requests as buttons (mine, resolve, a transaction), what happened to it in sentences (a block that
// lost the race says so), and the class it is part of. Big type: students read it across a room. Texts in the
// reader's language (src/i18n/classroom/en.ts); the log's lines are worded by LogText.tsx.
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { hashBlock } from '../../core/block';
import type { ClassNode } from '../../classroom/classNode';
import type { SessionView } from '../../classroom/session';
import { useText } from '../../i18n/useText';
import { blocks } from '../format';
import { LogText } from './LogText';

type Busy = 'mine' | 'resolve' | 'send';

const short = (hash: string) => `${hash.slice(0, 10)}…`;

export function StudentNode({ node, session }: { node: ClassNode; session: SessionView }) {
  const { t } = useText();
  const view = useSyncExternalStore(node.subscribe, node.view);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [amount, setAmount] = useState('5');
  const [recipient, setRecipient] = useState('');
  const n = view.node;
  const tip = hashBlock(n.chain.block);
  const mining = n.autoMine || n.job !== null;
  const others = session.roster.filter((r) => r.name !== node.name);
  const groups = session.groups;

  async function run(label: Busy, fn: () => Promise<unknown>) {
    setBusy(label);
    try {
      await fn();
    } finally {
      setBusy(null);
    }
  }

  function send(e: FormEvent) {
    e.preventDefault();
    void run('send', () =>
      node.request({
        method: 'POST',
        path: '/transactions/new',
        body: { sender: node.name, recipient: recipient.trim() || 'someone', amount: Number(amount) },
      }),
    );
  }

  return (
    <div className="class-student">
      <section className="class-card class-me" aria-label={t('classroom.node.yourNode')}>
        <h2>
          {node.name} <code className="class-address">{node.address}</code>
        </h2>
        <div className="class-figures">
          <p>
            <span className="class-big" data-testid="height">
              {n.chain.length}
            </span>{' '}
            {t('classroom.node.blocks', { count: n.chain.length })}
          </p>
          <p>
            {t('classroom.node.tip')} <code data-testid="tip">{short(tip)}</code>
          </p>
          <p>{t('classroom.node.difficulty', { n: view.difficulty })}</p>
        </div>
        <p className="class-state" role="status">
          {!session.online
            ? t('classroom.node.offline')
            : view.paused
              ? t('classroom.node.paused')
              : mining
                ? t('classroom.node.miningBlock', { n: n.chain.length + 1 })
                : t('classroom.node.notMining')}
          {groups
            ? ` ${t('classroom.node.group', { group: (session.group ?? 0) + 1, groups: groups.length })}`
            : ''}
        </p>
        <div className="class-actions">
          <button
            type="button"
            disabled={busy !== null}
            onClick={() => void run('mine', () => node.request({ method: 'GET', path: '/mine' }))}
          >
            {busy === 'mine' ? t('classroom.node.mining') : t('classroom.node.mine')}
          </button>
          <button type="button" aria-pressed={n.autoMine} onClick={() => node.autoMine(!n.autoMine)}>
            {n.autoMine ? t('classroom.node.stopMining') : t('classroom.node.keepMining')}
          </button>
          <button
            type="button"
            disabled={busy !== null}
            onClick={() => void run('resolve', () => node.request({ method: 'GET', path: '/nodes/resolve' }))}
          >
            {busy === 'resolve' ? t('classroom.node.resolving') : t('classroom.node.resolve')}
          </button>
        </div>
        <form className="class-tx" onSubmit={send}>
          <label>
            {t('classroom.node.sendTo')}
            <input
              value={recipient}
              onChange={(e) => setRecipient(e.target.value)}
              placeholder={t('classroom.node.aName')}
              maxLength={64}
            />
          </label>
          <label>
            {t('classroom.node.amount')}
            <input
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              inputMode="numeric"
              maxLength={12}
            />
          </label>
          <button type="submit" disabled={busy !== null}>
            {t('classroom.node.newTx')}
          </button>
        </form>
      </section>
      <section className="class-card" aria-label={t('classroom.node.whatHappened')}>
        <h2>{t('classroom.node.whatHappened')}</h2>
        <ol className="class-log" aria-live="polite">
          {[...view.log].reverse().map((l) => (
            <li key={l.id} className={`class-log-${l.tone}`}>
              <LogText line={l} />
            </li>
          ))}
          {view.log.length === 0 && <li>{t('classroom.node.nothingYet')}</li>}
        </ol>
      </section>
      <section className="class-card" aria-label={t('classroom.node.theClass', { count: others.length + 1 })}>
        <h2>{t('classroom.node.theClass', { count: others.length + 1 })}</h2>
        <ul className="class-roster">
          {others.map((r) => (
            <li key={r.name} className={r.online ? '' : 'class-offline'}>
              <strong>{r.name}</strong> {blocks(r.height)} {r.tip ? <code>{short(r.tip)}</code> : null}
              {r.online ? '' : ` ${t('classroom.node.offlineTag')}`}
            </li>
          ))}
          {others.length === 0 && <li>{t('classroom.node.nobodyElse')}</li>}
        </ul>
      </section>
    </div>
  );
}
