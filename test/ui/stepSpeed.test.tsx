// @vitest-environment jsdom
// Step and Speed say what they do: Step with nothing in flight says so; Speed is labelled network time.
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ControlsBar } from '../../src/ui/ControlsBar';
import { renderWith, setupController } from './renderApp';

describe('Step and Speed', () => {
  it('Step with nothing in flight says so instead of doing nothing; with a message in flight it runs it', async () => {
    const user = userEvent.setup();
    const controller = setupController();
    renderWith(<ControlsBar />, controller);
    expect(controller.sim().peek()).toBeNull();
    await user.click(screen.getByRole('button', { name: /Step$/ }));
    expect(controller.store.getState().playing).toBe(false);
    expect(
      screen.getByText(/^Nothing to step: no message, timer or found proof is waiting\./),
    ).toHaveAttribute('role', 'status');
    act(() => void controller.dispatch({ type: 'mine', node: 'alice' }));
    const moment = controller.sim().moment();
    await user.click(screen.getByRole('button', { name: /Step$/ }));
    expect(controller.sim().moment()).toBe(moment + 1);
    expect(screen.queryByText(/^Nothing to step/)).toBeNull();
  });

  it('labels Speed as network time', () => {
    renderWith(<ControlsBar />);
    expect(screen.getByRole('combobox', { name: /Speed \(network time\)/ })).toBeInTheDocument();
  });
});
