// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App';
import { startClassroom } from '../../src/ui/boot';

describe('App', () => {
  it('opens on a running 3-node network with a hint of what to try, every panel named', async () => {
    const controller = startClassroom({ params: { pow: { rule: 'tutorial', difficulty: 2 } } });
    render(<App controller={controller} />);
    // The hint names the buttons as they read.
    expect(screen.getByRole('note')).toHaveTextContent(/press “Partition network”.*then “Heal network”/);
    // Each view's panels load when its tab opens; the first view opens by itself.
    const tabs = screen.getAllByRole('tab').map((t) => t.textContent);
    expect(tabs).toEqual(['Network & consensus', 'Chain', 'Lessons', 'Experiments']);
    for (const name of ['Network', 'Settings', 'Consensus', 'Messages'])
      expect(await screen.findByRole('region', { name }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Chain' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Chain' }));
    for (const name of ['Chain', 'Mempool', 'Proof of work'])
      expect(await screen.findByRole('region', { name }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Chain' })).toHaveAttribute('aria-selected', 'true');
    expect(window.location.hash).toBe('#chain');
    // The hint is about the Network view's buttons: not shown where they are not.
    expect(screen.queryByRole('note')).toBeNull();
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
    fireEvent.click(screen.getByRole('tab', { name: 'Experiments' }));
    expect(await screen.findByRole('region', { name: 'Charts' }, { timeout: 15_000 })).toBeInTheDocument();
    act(() => window.history.pushState(null, '', '#network'));
    // Each view's modules are transformed on first import under Vitest: seconds, not the 5 s default.
  }, 60_000);

  it('plays and pauses with Space, but not while a button or field has the focus', async () => {
    const controller = startClassroom({ params: { pow: { rule: 'tutorial', difficulty: 2 } } });
    render(<App controller={controller} />);
    act(() => void fireEvent.keyDown(document.body, { code: 'Space', key: ' ' }));
    expect(controller.store.getState().playing).toBe(false);
    act(() => void fireEvent.keyDown(document.body, { code: 'Space', key: ' ' }));
    expect(controller.store.getState().playing).toBe(true);
    const add = await screen.findByRole('button', { name: /Add node/ }, { timeout: 15_000 });
    act(() => void fireEvent.keyDown(add, { code: 'Space', key: ' ' }));
    expect(controller.store.getState().playing).toBe(true);
  });
});
