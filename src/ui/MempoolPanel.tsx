// The selected node's pending transactions: send one (POST /transactions/new), watch it wait in the mempool,
// go into a block, or come back after a reorg.
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useText } from '../i18n/useText';
import { amountText } from '../core/block';
import type { Block, Transaction } from '../core/types';
import { useApp, useSelectedNode } from './context';
import { nodeName } from './format';
import { ICON } from './icons';
import { TransactionForm } from './TransactionForm';
import { returnedKeys, txHistory, txKey, type TxFate, type TxRow } from './txHistory';
import './MempoolPanel.css';

const RECENT = 8;
const MAX_PENDING = 50;

function TxText({ tx }: { tx: Transaction }) {
  return (
    <span className="tx-text">
      <span className="mono">{tx.sender}</span> → <span className="mono">{tx.recipient}</span>:{' '}
      <strong className="mono">{amountText(tx)}</strong>
    </span>
  );
}

function fateText(fate: TxFate, t: TFunction): { icon: string; text: string; tone: string } {
  switch (fate.kind) {
    case 'included':
      return {
        icon: ICON.ok,
        text: fate.returned
          ? t('mempool.includedAfterReorg', { block: fate.block })
          : t('mempool.included', { block: fate.block }),
        tone: 'ok',
      };
    case 'pending':
      return {
        icon: ICON.idle,
        text: fate.returned ? t('mempool.returned') : t('mempool.pending'),
        tone: '',
      };
    case 'lost':
      return {
        icon: ICON.bad,
        text: fate.afterReplace ? t('mempool.lostReplaced') : t('mempool.lost'),
        tone: 'bad',
      };
  }
}

export function MempoolPanel() {
  const { t } = useText();
  const node = useSelectedNode();
  const txEvents = useApp((s) => s.txEvents);
  const id = node?.id ?? '';
  const chain = node?.chain;
  const mempool = node?.mempool;
  const history = useMemo(
    () => (chain && mempool ? txHistory(id, txEvents, chain, mempool) : []),
    [id, txEvents, chain, mempool],
  );
  const returned = useMemo(() => returnedKeys(id, txEvents), [id, txEvents]);
  // Where each transaction already sits in this chain: a pending copy of one is a double spend in waiting.
  const blockOf = useMemo(() => {
    const m = new Map<string, number>();
    for (const b of chain ?? ([] as readonly Block[]))
      for (const tx of b.transactions) m.set(txKey(tx), b.index);
    return m;
  }, [chain]);

  const recent: TxRow[] = history
    .filter((r) => r.fate.kind !== 'pending')
    .slice(-RECENT)
    .reverse();
  const nextBlock = (chain?.length ?? 0) + 1;
  return (
    <section className="panel mempool" aria-label={t('mempool.title')}>
      <h2>
        {t('mempool.title')} — {node ? nodeName(node.id) : t('mempool.noNode')}
      </h2>
      {!node || !mempool ? (
        <p className="muted">{t('mempool.addNode')}</p>
      ) : (
        <>
          <TransactionForm node={node.id} url={node.url} />
          <h3 className="mempool-heading">{t('mempool.pendingHeading', { count: mempool.length })}</h3>
          {mempool.length === 0 ? (
            <p className="muted mempool-empty">{t('mempool.empty')}</p>
          ) : (
            <ul className="tx-list" aria-label={t('mempool.pendingOf', { name: nodeName(node.id) })}>
              {mempool.slice(0, MAX_PENDING).map((tx, i) => {
                const key = txKey(tx);
                const back = returned.has(key);
                const dup = blockOf.get(key);
                return (
                  <li key={`${key}#${i}`} className="tx-item">
                    <TxText tx={tx} />{' '}
                    <span className="tx-fate">
                      <span aria-hidden="true">{back ? '↩' : ICON.idle} </span>
                      {back ? t('mempool.returned') : t('mempool.pending')} —{' '}
                      {t('mempool.goesInto', { block: nextBlock })}
                    </span>
                    {dup !== undefined && (
                      <span className="tx-fate bad">
                        {' '}
                        <span aria-hidden="true">{ICON.warn} </span>
                        {t('mempool.doubleSpend', { block: dup })}
                      </span>
                    )}
                  </li>
                );
              })}
              {mempool.length > MAX_PENDING && (
                <li className="muted">{t('mempool.more', { count: mempool.length - MAX_PENDING })}</li>
              )}
            </ul>
          )}
          {recent.length > 0 && (
            <>
              <h3 className="mempool-heading">{t('mempool.recent', { name: nodeName(node.id) })}</h3>
              <ul className="tx-list" aria-label={t('mempool.recentLabel')}>
                {recent.map((r) => {
                  const f = fateText(r.fate, t);
                  return (
                    <li key={r.key} className="tx-item">
                      <TxText tx={r.tx} />{' '}
                      <span className={`tx-fate ${f.tone}`}>
                        <span aria-hidden="true">{f.icon} </span>
                        {f.text}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
