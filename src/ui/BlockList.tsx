import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { hashBlock } from '../core/block';
import type { Block, Chain, Transaction } from '../core/types';
import type { ChainFault, ValidationOptions } from '../core/validate';
import { useText } from '../i18n/useText';
import { BlockCard } from './BlockCard';
import { blockStatus } from './chainView';

export interface BlockListHandle {
  /** Scroll a block into view and move keyboard focus to it. */
  showBlock(blockNumber: number): void;
  /** Move keyboard focus to a block's card if it is on screen (after its editor closes). */
  focusBlock(blockNumber: number): void;
}

export interface Editing {
  readonly blockNumber: number;
  readonly txIndex: number;
}

interface Props {
  readonly chain: Chain;
  readonly firstFault: ChainFault | null;
  readonly opts: ValidationOptions;
  readonly editing: Editing | null;
  /** Without these the list is read-only (a real node's chain). */
  readonly onEdit?: (e: Editing | null) => void;
  readonly onApply?: (e: Editing, patch: Partial<Transaction>) => void;
  readonly ref?: Ref<BlockListHandle>;
}

// A card is ~150 px plus a line per transaction; measured sizes replace this as cards render.
const estimate = (block: Block | undefined) => 150 + 30 * (block?.transactions.length ?? 0);

/**
 * The chain newest first, so the tip is always at the top. Only the cards in view (plus a few) are in the DOM:
 * a 10 000-block chain renders a dozen cards.
 */
export function BlockList({ chain, firstFault, opts, editing, onEdit, onApply, ref }: Props) {
  const { t } = useText();
  const scroller = useRef<HTMLDivElement>(null);
  const [atTop, setAtTop] = useState(true);
  const blockAt = (i: number) => chain[chain.length - 1 - i];
  // The app is not built with React Compiler, which is what this rule guards; useVirtualizer is fine in React.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: chain.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => estimate(blockAt(i)),
    // Key by hash so a card keeps its measured size when new blocks push it down the list.
    getItemKey: (i) => hashBlock(blockAt(i) as Block),
    // A hidden panel (or a DOM without layout) measures 0: fall back to the estimate rather than render all.
    measureElement: (el, entry, instance) => {
      const size = measureElement(el, entry, instance);
      return size > 0 ? size : estimate(blockAt(instance.indexFromElement(el)));
    },
    overscan: 3,
    // New blocks arrive at the top. At the top, follow them (the tip stays in view); scrolled down or editing,
    // keep the card under the reader still ("end" anchors to the item at the scroll offset when edges change).
    anchorTo: atTop && !editing ? 'start' : 'end',
    onChange: (instance) => setAtTop((instance.scrollOffset ?? 0) < 8),
    // React 19 warns when flushSync runs inside a render-phase ref callback.
    useFlushSync: false,
  });

  useImperativeHandle(ref, () => {
    const focus = (blockNumber: number, preventScroll: boolean) =>
      scroller.current?.querySelector<HTMLElement>(`[data-block="${blockNumber}"]`)?.focus({ preventScroll });
    return {
      showBlock(blockNumber: number) {
        virtualizer.scrollToIndex(chain.length - blockNumber, { align: 'start' });
        // The card exists only once the virtualiser has rendered the new range.
        requestAnimationFrame(() => focus(blockNumber, false));
      },
      focusBlock: (blockNumber: number) => requestAnimationFrame(() => focus(blockNumber, true)),
    };
  }, [virtualizer, chain.length]);

  const items = virtualizer.getVirtualItems();
  return (
    <div ref={scroller} className="chain-scroll" tabIndex={0} role="group" aria-label={t('blockList.label')}>
      <ol className="chain-list" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const blockNumber = chain.length - item.index;
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-setsize={chain.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <BlockCard
                chain={chain}
                blockNumber={blockNumber}
                status={blockStatus(firstFault, blockNumber)}
                opts={opts}
                editing={editing?.blockNumber === blockNumber ? editing.txIndex : null}
                {...(onEdit && onApply
                  ? {
                      onEdit: (txIndex: number | null) =>
                        onEdit(txIndex === null ? null : { blockNumber, txIndex }),
                      onApply: (txIndex: number, patch: Partial<Transaction>) =>
                        onApply({ blockNumber, txIndex }, patch),
                    }
                  : {})}
              />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
