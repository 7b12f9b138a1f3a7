// A student's own node in the class (docs/architecture.md "A classroom network"): its chain at a glance, the
// tutorial's requests as buttons (mine, resolve, a transaction), what happened to it in sentences (a block that
// lost the race says so), and the class it is part of. Big type: students read it across a room.
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { hashBlock } from '../../core/block';
import type { ClassNode } from '../../classroom/classNode';
import type { SessionView } from '../../classroom/session';

const short = (hash: string) => `${hash.slice(0, 10)}…`;

export function StudentNode({ node, session }: { node: ClassNode; session: SessionView }) {
  const view = useSyncExternalStore(node.subscribe, node.view);
  const [busy, setBusy] = useState<string | null>(null);
  const [amount, setAmount] = useState('5');
  const [recipient, setRecipient] = useState('');
  const n = view.node;
  const tip = hashBlock(n.chain.block);
  const mining = n.autoMine || n.job !== null;
  const others = session.roster.filter((r) => r.name !== node.name);
  const groups = session.groups;

  async function run(label: string, fn: () => Promise<unknown>) {
    setBusy(label);
    try {
      await fn();
    } finally {
      setBusy(null);
    }
  }

  function send(e: FormEvent) {
    e.preventDefault();
    void run('Sending', () =>
      node.request({
        method: 'POST',
        path: '/transactions/new',
        body: { sender: node.name, recipient: recipient.trim() || 'someone', amount: Number(amount) },
      }),
    );
  }

  return (
    <div className="class-student">
      <section className="class-card class-me" aria-label="Your node">
        <h2>
          {node.name} <span className="class-address">{node.address}</span>
        </h2>
        <div className="class-figures">
          <p>
            <span className="class-big" data-testid="height">
              {n.chain.length}
            </span>{' '}
            blocks
          </p>
          <p>
            tip <code data-testid="tip">{short(tip)}</code>
          </p>
          <p>difficulty {view.difficulty}</p>
        </div>
        <p className="class-state" role="status">
          {!session.online
            ? 'Not connected: your node keeps its chain and reconnects by itself.'
            : view.paused
              ? 'The teacher has paused mining.'
              : mining
                ? `Mining block ${n.chain.length + 1}…`
                : 'Not mining.'}
          {groups
            ? ` You are in group ${(session.group ?? 0) + 1} of ${groups.length}: the class is split.`
            : ''}
        </p>
        <div className="class-actions">
          <button
            type="button"
            disabled={busy !== null}
            onClick={() => void run('Mining', () => node.request({ method: 'GET', path: '/mine' }))}
          >
            {busy === 'Mining' ? 'Mining…' : 'Mine a block'}
          </button>
          <button type="button" aria-pressed={n.autoMine} onClick={() => node.autoMine(!n.autoMine)}>
            {n.autoMine ? 'Stop mining' : 'Keep mining'}
          </button>
          <button
            type="button"
            disabled={busy !== null}
            onClick={() =>
              void run('Resolving', () => node.request({ method: 'GET', path: '/nodes/resolve' }))
            }
          >
            {busy === 'Resolving' ? 'Resolving…' : 'Resolve'}
          </button>
        </div>
        <form className="class-tx" onSubmit={send}>
          <label>
            Send to
            <input
              value={recipient}
              onChange={(e) => setRecipient(e.target.value)}
              placeholder="a name"
              maxLength={64}
            />
          </label>
          <label>
            Amount
            <input
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              inputMode="numeric"
              maxLength={12}
            />
          </label>
          <button type="submit" disabled={busy !== null}>
            New transaction
          </button>
        </form>
      </section>
      <section className="class-card" aria-label="What happened">
        <h2>What happened</h2>
        <ol className="class-log" aria-live="polite">
          {[...view.log].reverse().map((l) => (
            <li key={l.id} className={`class-log-${l.tone}`}>
              {l.text}
            </li>
          ))}
          {view.log.length === 0 && <li>Nothing yet: mine a block, or wait for a neighbour's.</li>}
        </ol>
      </section>
      <section className="class-card" aria-label="The class">
        <h2>The class ({others.length + 1} nodes)</h2>
        <ul className="class-roster">
          {others.map((r) => (
            <li key={r.name} className={r.online ? '' : 'class-offline'}>
              <strong>{r.name}</strong> {r.height} blocks {r.tip ? <code>{short(r.tip)}</code> : null}
              {r.online ? '' : ' (offline)'}
            </li>
          ))}
          {others.length === 0 && <li>Nobody else yet.</li>}
        </ul>
      </section>
    </div>
  );
}
