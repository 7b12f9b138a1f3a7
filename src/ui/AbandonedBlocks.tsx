import { hashBlock } from '../core/block';
import type { Block } from '../core/types';
import { txLabel } from './chainView';
import { HashText } from './HashText';

const SHOWN = 100;

/**
 * Blocks this node mined or adopted and then dropped when resolve switched it to a longer chain. They stay in
 * view, dimmed, so the class can see what a reorg throws away (and which transactions went back to pending).
 */
export function AbandonedBlocks({ blocks }: { blocks: readonly Block[] }) {
  if (blocks.length === 0) return null;
  const newestFirst = blocks.slice(-SHOWN).reverse();
  return (
    <details className="abandoned">
      <summary>Abandoned blocks ({blocks.length})</summary>
      {blocks.length > SHOWN && <p className="muted">Showing the latest {SHOWN}.</p>}
      <ul>
        {newestFirst.map((b, i) => {
          const hash = hashBlock(b);
          return (
            <li key={`${hash}-${i}`} className="abandoned-block">
              <p className="block-head">
                <strong>Block {b.index}</strong>{' '}
                <span className="mark">
                  <span aria-hidden="true">↩</span> abandoned in a reorg
                </span>
              </p>
              <p>
                hash <HashText hash={hash} label={`hash of abandoned block ${b.index}`} />
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
