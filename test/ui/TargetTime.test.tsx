// @vitest-environment jsdom
// The difficulty control's "target block time" mode and the block-interval chart's moving target line, on a
// real run: three nodes mining at 2000 H/s each, so the starting difficulty gives a block every 43 ms and the
// retarget rule must raise the work towards the 1 s target block time.
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import ChartsPanel from '../../src/ui/ChartsPanel';
import { intervalSeries, longestChain } from '../../src/ui/chartData';
import { SettingsPanel } from '../../src/ui/SettingsPanel';
import { advance, renderWith, setupController } from './renderApp';

const SIZE = { width: 480, height: 220 };

describe('target block time mode', () => {
  it('switches to the header rule at the same work with a retarget rule, and back', async () => {
    const user = userEvent.setup();
    const { controller } = renderWith(<SettingsPanel />);
    await user.click(screen.getByRole('radio', { name: /target block time/ }));
    const p = controller.sim().params();
    expect(p.pow).toEqual({ rule: 'header', difficulty: 8 }); // 2 hex zeros = 8 bits
    expect(p.retarget.algorithm).toBe('bitcoin');
    expect(screen.queryByRole('slider', { name: /^Difficulty/ })).toBeNull();
    expect(screen.getByRole('slider', { name: /Window/ })).toHaveValue('10');

    await user.selectOptions(screen.getByRole('combobox', { name: /Retarget rule/ }), 'asert');
    expect(controller.sim().params().retarget.algorithm).toBe('asert');
    const halfLife = screen.getByRole('slider', { name: /Half-life/ });
    fireEvent.change(halfLife, { target: { value: '300' } });
    fireEvent.pointerUp(halfLife);
    expect(controller.sim().params().retarget.halfLife).toBe(300);

    // A tutorial rule cannot be retargeted: choosing one goes back to the fixed difficulty.
    await user.selectOptions(screen.getByRole('combobox', { name: /Proof rule/ }), 'tutorial');
    expect(controller.sim().params().retarget.algorithm).toBe('none');
    expect(screen.getByRole('radio', { name: /fixed difficulty/ })).toBeChecked();
  });

  it('retargets the running chain, and the interval chart’s expected line climbs towards the target', () => {
    const controller = setupController();
    controller.dispatch({ type: 'register-all' });
    controller.dispatch({
      type: 'set-params',
      patch: {
        pow: { rule: 'header', difficulty: 8 },
        retarget: { algorithm: 'lwma', interval: 1, windowBlocks: 5 },
      },
    });
    for (const id of ['alice', 'bob', 'carol'])
      controller.dispatch({ type: 'auto-mine', node: id, on: true });
    renderWith(
      <>
        <SettingsPanel />
        <ChartsPanel fixedSize={SIZE} />
      </>,
      controller,
    );
    act(() => advance(controller, 20));
    const s = controller.store.getState();
    const best = longestChain(s.nodes);
    const points = intervalSeries(s.mined, best, s.params.pow, 6000, 1);
    expect(points.length).toBeGreaterThan(20);
    const first = points[0]!.target;
    const last = points[points.length - 1]!.target;
    expect(first).toBeCloseTo(256 / 6000, 3);
    // LWMA-1 raised the work: the last blocks expect several times the first ones' interval.
    expect(last / first).toBeGreaterThan(4);
    expect(points.every((p) => p.goal === 1)).toBe(true);

    const chart = screen
      .getByRole('heading', { name: 'Block interval against the target' })
      .closest('figure')!;
    expect(within(chart).getByRole('img')).toHaveAccessibleName(/retarget rule moves it towards 1\.0 s\.$/);
    expect([...chart.querySelectorAll('.chart-legend-text')].map((e) => e.textContent)).toContain(
      'target block time (retarget rule)',
    );
    expect(screen.getByText(/Latest block’s target/)).toBeInTheDocument();
  });
});
