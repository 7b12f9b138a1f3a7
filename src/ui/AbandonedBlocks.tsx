import { hashBlock } from '../core/block';
import { useText } from '../i18n/useText';
import type { Block } from '../core/types';
import { txLabel } from './chainView';
import { HashText } from './HashText';

const SHOWN = 100;

/**
 * Blocks this node mined or adopted and then dropped when resolve switched it to a longer chain. They stay in
 * view, dimmed, so the class can see what a reorg throws away (and which transactions went back to pending).
 */
export function AbandonedBlocks({ blocks }: { blocks: readonly Block[] }) {
  const { t } = useText();
  if (blocks.length === 0) return null;
  const newestFirst = blocks.slice(-SHOWN).reverse();
  return (
    <details className="abandoned">
      <summary>{t('abandoned.title', { count: blocks.length })}</summary>
      {blocks.length > SHOWN && <p className="muted">{t('abandoned.latest', { count: SHOWN })}</p>}
      <ul>
        {newestFirst.map((b, i) => {
          const hash = hashBlock(b);
          return (
            <li key={`${hash}-${i}`} className="abandoned-block">
              <p className="block-head">
                <strong>{t('abandoned.block', { index: b.index })}</strong>{' '}
                <span className="mark">
                  <span aria-hidden="true">↩</span> {t('abandoned.mark')}
                </span>
              </p>
              <p>
                {t('abandoned.hash')}{' '}
                <HashText hash={hash} label={t('abandoned.hashLabel', { index: b.index })} />
              </p>
              <ul className="txs">
                {b.transactions.map((tx, j) => (
                  <li key={j} className="mono">
                    {txLabel(tx)}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
