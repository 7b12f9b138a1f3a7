// @vitest-environment jsdom
// The settings panel's live retarget preview on a running network: three rules, and "Use" moves the slider.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SettingsPanel } from '../../src/ui/SettingsPanel';
import { advance, renderWith, setupController } from './renderApp';

describe('Retarget preview', () => {
  it('asks for a few blocks first, then shows what each rule would set, and applies one', async () => {
    const user = userEvent.setup();
    const controller = setupController();
    controller.dispatch({ type: 'register-all' });
    for (const id of ['alice', 'bob', 'carol'])
      controller.dispatch({ type: 'auto-mine', node: id, on: true });
    renderWith(<SettingsPanel />, controller);
    await user.click(screen.getByText('Retarget rules, live'));
    expect(screen.getByText(/Mine at least 11 blocks/)).toBeInTheDocument();
    // 3 × 2000 H/s against 256 attempts: a block every ~43 ms, far faster than the 10 s target.
    act(() => advance(controller, 3));
    const table = screen.getByRole('table', { name: /last 10 blocks/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Bitcoin (10-block period)',
      'LWMA (10 blocks)',
      'ASERT (half-life 10 blocks)',
    ]);
    // 10 s / 43 ms ≈ 230 × too fast: Bitcoin's step is clamped to ×4, LWMA's to ×10.89 (2788 attempts ≈ 16^3).
    expect(within(rows[0]!).getByText(/×4\.0/)).toBeInTheDocument();
    expect(within(rows[1]!).getByText('2 788 (×11)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use LWMA (10 blocks): difficulty 3' }));
    expect(controller.sim().params().pow.difficulty).toBe(3);
  });

  it('works its rows out only while open, and keeps the target across folding', async () => {
    const user = userEvent.setup();
    const controller = setupController();
    controller.dispatch({ type: 'register-all' });
    for (const id of ['alice', 'bob', 'carol'])
      controller.dispatch({ type: 'auto-mine', node: id, on: true });
    const { container } = renderWith(<SettingsPanel />, controller);
    act(() => advance(controller, 3));
    // Folded, the section holds its title only.
    expect(container.querySelector('.retarget-preview')?.textContent).toBe('Retarget rules, live');
    await user.click(screen.getByText('Retarget rules, live'));
    const target = screen.getByRole('spinbutton', { name: /target/i });
    await user.clear(target);
    await user.type(target, '5');
    await user.click(screen.getByText('Retarget rules, live'));
    expect(container.querySelector('.retarget-table')).toBeNull();
    await user.click(screen.getByText('Retarget rules, live'));
    expect(screen.getByRole('spinbutton', { name: /target/i })).toHaveValue(5);
    expect(screen.getByRole('table', { name: /last 10 blocks/ })).toBeInTheDocument();
  });
});
