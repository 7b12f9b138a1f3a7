// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App';
import { startClassroom } from '../../src/ui/boot';

describe('App', () => {
  it('opens on a running 3-node network with a hint of what to try, every panel named', async () => {
    const controller = startClassroom({ params: { pow: { rule: 'tutorial', difficulty: 2 } } });
    render(<App controller={controller} />);
    expect(screen.getByRole('note')).toHaveTextContent(/Partition the network/);
    for (const name of ['Network', 'Settings', 'Chain', 'Mempool', 'Proof of work', 'Consensus', 'Messages'])
      expect(screen.getByRole('region', { name })).toBeInTheDocument();
    expect(
      controller
        .sim()
        .nodes()
        .map((n) => [n.id, n.autoMine()]),
    ).toEqual([
      ['alice', true],
      ['bob', true],
      ['carol', true],
    ]);
    expect(await screen.findByRole('region', { name: 'Charts' }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('plays and pauses with Space, but not while a button or field has the focus', () => {
    const controller = startClassroom({ params: { pow: { rule: 'tutorial', difficulty: 2 } } });
    render(<App controller={controller} />);
    act(() => void fireEvent.keyDown(document.body, { code: 'Space', key: ' ' }));
    expect(controller.store.getState().playing).toBe(false);
    act(() => void fireEvent.keyDown(document.body, { code: 'Space', key: ' ' }));
    expect(controller.store.getState().playing).toBe(true);
    const add = screen.getByRole('button', { name: /Add node/ });
    act(() => void fireEvent.keyDown(add, { code: 'Space', key: ' ' }));
    expect(controller.store.getState().playing).toBe(true);
  });
});
