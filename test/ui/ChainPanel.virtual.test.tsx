// @vitest-environment jsdom
// A 10 000-block chain must stay smooth: only the cards in view are in the DOM, scrolling and "Show block" work.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { forgeBlock } from '../../src/core/block';
import type { Block } from '../../src/core/types';
import { ChainPanel } from '../../src/ui/ChainPanel';
import { card, chainOf, mark, mockListLayout } from './chainTestKit';
import { renderWith, setupController } from './renderApp';

mockListLayout();

describe('ChainPanel with a long chain', () => {
  it('renders only a window of cards for a 10 000-block chain', async () => {
    const controller = setupController({ params: { pow: { rule: 'tutorial', difficulty: 0 } } });
    const chain: Block[] = [chainOf(controller, 'alice')[0] as Block];
    // At difficulty 0 every proof is valid, so forging 10 000 blocks needs no search.
    for (let i = 1; i < 10_000; i++) {
      const last = chain[i - 1] as Block;
      chain.push(forgeBlock(last, [], 'alice', i, last.timestamp + 2));
    }
    const setChain = (next: readonly Block[]) =>
      act(() => {
        controller.dispatch({ type: 'load-chain', node: 'alice', chain: next });
        controller.flush();
      });
    /** A new block on alice's tip, as if she had mined it. */
    const grow = () => {
      const current = chainOf(controller, 'alice');
      const last = current[current.length - 1] as Block;
      setChain([...current, forgeBlock(last, [], 'alice', 7, last.timestamp + 2)]);
    };
    setChain(chain);
    const { container } = renderWith(<ChainPanel />, controller);
    const cards = screen.getAllByRole('article');
    expect(cards.length).toBeGreaterThan(2);
    expect(cards.length).toBeLessThan(20);
    expect(card(10_000)).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: 'Block 1' })).toBeNull();
    expect(screen.getByText(/Alice's chain is valid/)).toBeInTheDocument();

    // At the top, a new block shows up as the new tip, and the list stays scrolled to the top.
    const scroller = container.querySelector('.chain-scroll') as HTMLElement;
    grow();
    expect(card(10_001)).toBeInTheDocument();
    expect(scroller.scrollTop).toBe(0);

    // Scrolling halfway down brings the middle of the chain in (cards are estimated at 180 px).
    act(() => {
      scroller.scrollTop = 180 * 5000;
      fireEvent.scroll(scroller);
    });
    expect(screen.getByRole('article', { name: 'Block 5001' })).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: 'Block 10001' })).toBeNull();
    expect(screen.getAllByRole('article').length).toBeLessThan(20);

    // Scrolled down, a new block must not shift the cards the reader is looking at.
    const shown = () => screen.getAllByRole('article').map((a) => a.getAttribute('data-block'));
    const before = shown();
    grow();
    expect(chainOf(controller, 'alice')).toHaveLength(10_002);
    expect(shown()).toEqual(before);

    // A tampered block far down the list: the status names it and "Show block" brings it into view.
    act(() => {
      controller.dispatch({
        type: 'tamper',
        node: 'alice',
        blockNumber: 20,
        txIndex: 0,
        tx: { recipient: 'eve' },
      });
    });
    expect(screen.getByText(/Block 21: previous_hash no longer matches block 20's hash/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Show block 21' }));
    await waitFor(() => expect(card(21)).toHaveFocus());
    expect(mark(21)).toBe('✗ invalid');
    expect(mark(20)).toBe('✓ valid');
    expect(mark(22)).toBe('✗ invalid');
  });
});
