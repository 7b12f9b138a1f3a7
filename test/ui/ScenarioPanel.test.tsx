// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ScenarioPanel } from '../../src/ui/ScenarioPanel';
import { renderWith } from './renderApp';

const panel = () => screen.getByRole('region', { name: 'Lessons' });
const runButton = () => within(panel()).getByRole('button', { name: /Run/ });

describe('Lessons panel', () => {
  it('asks for a prediction first, then runs the lesson from its seed and reveals what this run did', async () => {
    const user = userEvent.setup();
    const { controller } = renderWith(<ScenarioPanel />);
    expect(within(panel()).getByRole('heading', { level: 2 })).toHaveTextContent('Lessons');
    await user.selectOptions(within(panel()).getByRole('combobox', { name: 'Lesson' }), 'tampering');
    expect(panel()).toHaveTextContent('What to watch: Alice changes an amount in block 2');
    expect(runButton()).toBeDisabled();
    expect(panel()).toHaveTextContent('Predict first, then run.');

    const question = within(panel()).getByRole('group', { name: /Predict: After Alice re-mines/ });
    await user.click(within(question).getByRole('radio', { name: /honest chain grew meanwhile/ }));
    await user.click(runButton());
    await user.click(within(panel()).getByRole('button', { name: 'Replace my run' }));

    // The lesson plays from its start: three fresh nodes, the answer held back until the run has played.
    expect(controller.store.getState()).toMatchObject({ watching: true, playing: true });
    expect(controller.store.getState().nodes.map((n) => n.chain.length)).toEqual([1, 1, 1]);
    expect(within(panel()).queryByRole('region', { name: 'Reveal' })).toBeNull();
    expect(panel()).toHaveTextContent('The lesson is playing');
    let frames = 0;
    for (let t = 0; controller.store.getState().watching && frames < 2000; t += 100, frames++)
      act(() => controller.tick(t));
    expect(frames).toBeGreaterThan(10); // it took a while: watched, not jumped
    expect(controller.store.getState().timeline.moment).toBe(controller.store.getState().timeline.end);

    const reveal = within(panel()).getByRole('region', { name: 'Reveal' });
    expect(reveal).toHaveTextContent('You predicted: No: the honest chain grew meanwhile');
    expect(reveal).toHaveTextContent('✓ The run agrees.');
    expect(reveal).toHaveTextContent('her chain failed at block 3 with E_PREV_HASH');
    expect(reveal).toHaveTextContent('abandoned 5 blocks');
    // The app now shows the lesson's finished run, paused at its end.
    expect(
      controller
        .sim()
        .nodes()
        .map((n) => [n.id, n.chain().length]),
    ).toEqual([
      ['alice', 7],
      ['bob', 7],
      ['carol', 7],
    ]);
    expect(controller.store.getState().playing).toBe(false);
    expect(controller.store.getState().resolves.length).toBeGreaterThan(3);
    expect(runButton()).toBeDisabled();

    await user.click(within(panel()).getByRole('button', { name: /Reset/ }));
    await user.click(within(panel()).getByRole('button', { name: 'Replace my run' }));
    expect(within(panel()).queryByRole('region', { name: 'Reveal' })).toBeNull();
    expect(
      controller
        .sim()
        .nodes()
        .map((n) => n.chain().length),
    ).toEqual([1, 1, 1]);
    expect(runButton()).toBeDisabled();
  });

  it('says so when the prediction was wrong', async () => {
    const user = userEvent.setup();
    renderWith(<ScenarioPanel />);
    await user.click(within(panel()).getByRole('radio', { name: /Neither: miners are not paid/ }));
    await user.click(runButton());
    await user.click(within(panel()).getByRole('button', { name: 'Replace my run' }));
    await user.click(within(panel()).getByRole('button', { name: 'Skip to the end' }));
    const reveal = within(panel()).getByRole('region', { name: 'Reveal' });
    expect(reveal).toHaveTextContent('✗ The run shows: The reward: sender "0" pays Alice 1 coin.');
    // The proof is the block's JSON value, byte-exact; the count of attempts is a number written the English way.
    expect(reveal).toHaveTextContent('proof 4456 after 4,457 attempts');
  });

  it('runs the tutorial’s flaws one at a time', async () => {
    const user = userEvent.setup();
    const { controller } = renderWith(<ScenarioPanel />);
    await user.selectOptions(within(panel()).getByRole('combobox', { name: 'Lesson' }), 'tutorial-flaws');
    await user.selectOptions(within(panel()).getByRole('combobox', { name: 'Flaw' }), 'flaw-no-timeout');
    await user.click(within(panel()).getByRole('radio', { name: 'It never finishes' }));
    await user.click(runButton());
    await user.click(within(panel()).getByRole('button', { name: 'Replace my run' }));
    await user.click(within(panel()).getByRole('button', { name: 'Skip to the end' }));
    const reveal = within(panel()).getByRole('region', { name: 'Reveal' });
    expect(reveal).toHaveTextContent('marking Carol as E_TIMEOUT');
    // alice is still waiting for the offline carol: the node card would say "resolving".
    expect(controller.store.getState().nodes.find((n) => n.id === 'alice')?.resolving).toBe(true);
    expect(controller.sim().params().flaws.noTimeout).toBe(false);
  });
});
