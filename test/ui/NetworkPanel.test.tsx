// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NetworkPanel } from '../../src/ui/NetworkPanel';
import { halves, moveAcross } from '../../src/ui/network';
import { advance, renderWith } from './renderApp';

describe('Network panel', () => {
  it('adds a node, registers everyone, and shows who knows whom', async () => {
    const user = userEvent.setup();
    const { controller } = renderWith(<NetworkPanel />);
    const panel = screen.getByRole('region', { name: 'Network' });
    expect(within(panel).getAllByText(/none — resolve has nobody to ask/)).toHaveLength(3);
    await user.click(within(panel).getByRole('button', { name: /Add node/ }));
    expect(within(panel).getByRole('button', { name: 'Dave' })).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: /Register all peers/ }));
    act(() => advance(controller, 1));
    // Dave registered with Alice as he joined, before Register all added the rest.
    expect(within(panel).getAllByText(/^Peers:/)[0]!.textContent).toBe('Peers: Dave, Bob, Carol');
    expect(screen.getByRole('img', { name: /^4 nodes, 6 links/ })).toBeInTheDocument();
  });

  it('registers a single peer from a card', async () => {
    const user = userEvent.setup();
    const { controller } = renderWith(<NetworkPanel />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Register a peer on Alice' }), 'carol');
    act(() => advance(controller, 1));
    expect(controller.sim().node('alice')!.peers()).toEqual(['carol:5000']);
    expect(screen.getAllByText(/^Peers:/)[0]!.textContent).toBe('Peers: Carol');
  });

  it('partitions the network into two sides, marks cut links, and heals it', async () => {
    const user = userEvent.setup();
    const { controller } = renderWith(<NetworkPanel />);
    controller.dispatch({ type: 'register-all' });
    act(() => advance(controller, 1));
    await user.click(screen.getByRole('button', { name: /Partition network/ }));
    expect(controller.sim().partition()).toEqual([['alice', 'bob'], ['carol']]);
    expect(screen.getByRole('img', { name: '3 nodes, 3 links, 2 cut by the partition' })).toBeInTheDocument();
    expect(screen.getAllByText(/idle, side A/)).toHaveLength(2);
    expect(screen.getByText(/idle, side B/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Heal network/ }));
    expect(controller.sim().partition()).toBeNull();
  });

  it('shows a block found by one node on its card without rewriting any control', () => {
    const { controller } = renderWith(<NetworkPanel />);
    controller.dispatch({ type: 'register-all' });
    act(() => advance(controller, 1));
    const observer = new MutationObserver(() => undefined);
    observer.observe(screen.getByRole('region', { name: 'Network' }), { subtree: true, attributes: true });
    const controlChanges = () =>
      observer
        .takeRecords()
        .filter((r) => r.target instanceof HTMLInputElement || r.target instanceof HTMLSelectElement)
        .map((r) => `${(r.target as HTMLInputElement).type} ${r.attributeName}`);
    act(() => void controller.dispatch({ type: 'mine', node: 'bob' }));
    act(() => advance(controller, 5));
    // Bob mined block 2 and announced it; Alice and Carol took his chain.
    const facts = Array.from(
      document.querySelectorAll('.node-facts'),
      (p) => /^height \d+/.exec(p.textContent ?? '')?.[0],
    );
    expect(facts).toEqual(['height 1', 'height 1', 'height 1']);
    // React rewrites an input's name and type whenever its component renders: none of them did.
    expect(controlChanges()).toEqual([]);
    // The check bites: a change of hash power re-renders that card's slider.
    fireEvent.change(screen.getAllByRole('slider')[1]!, { target: { value: '30' } });
    expect(controlChanges()).toContain('range value');
    observer.disconnect();
  });

  it('sets hash power from the slider', () => {
    const { controller } = renderWith(<NetworkPanel />);
    const sliders = screen.getAllByRole('slider');
    fireEvent.change(sliders[1]!, { target: { value: '30' } });
    expect(controller.sim().node('bob')!.share()).toBeCloseTo(0.3);
    expect(screen.getByText('30 %')).toBeInTheDocument();
  });
});

describe('partition helpers', () => {
  it('splits in halves and moves a node across; an emptied side heals', () => {
    expect(halves(['a', 'b', 'c', 'd', 'e'])).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    expect(moveAcross([['a', 'b'], ['c']], 'a')).toEqual([['b'], ['c', 'a']]);
    expect(moveAcross([['a', 'b'], ['c']], 'c')).toBeNull();
  });
});
