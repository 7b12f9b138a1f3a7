// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SettingsPanel } from '../../src/ui/SettingsPanel';
import { ControlsBar } from '../../src/ui/ControlsBar';
import { advance, renderWith } from './renderApp';

describe('Settings panel', () => {
  it('shows expected attempts and time while sliding, and applies the difficulty on release', () => {
    const { controller } = renderWith(<SettingsPanel />);
    controller.dispatch({ type: 'auto-mine', node: 'alice', on: true }); // 2000 H/s simulated
    expect(screen.getByText('256')).toBeInTheDocument(); // 16^2
    const slider = screen.getByRole('slider', { name: /Difficulty/ });
    fireEvent.change(slider, { target: { value: '4' } });
    expect(screen.getByText(/^65\s536$/)).toBeInTheDocument();
    expect(screen.getByText('33 s')).toBeInTheDocument(); // 65 536 / 2000 H/s
    expect(screen.getByText(/release to apply/)).toBeInTheDocument();
    // A screen reader hears the new attempts as the slider moves, not the time, which follows the measured
    // hash rate several times a second.
    const live = document.querySelector('.expect [aria-live]');
    expect(live).toHaveTextContent(/65\s536/);
    expect(live).not.toHaveTextContent('33 s');
    expect(screen.getByText('33 s').closest('[aria-live]')).toBeNull();
    expect(controller.sim().params().pow.difficulty).toBe(2);
    fireEvent.pointerUp(slider);
    expect(controller.sim().params().pow.difficulty).toBe(4);
  });

  it('switches to the header rule keeping about the same work, and changes fork choice', async () => {
    const user = userEvent.setup();
    const { controller } = renderWith(<SettingsPanel />);
    await user.selectOptions(screen.getByRole('combobox', { name: /Proof rule/ }), 'header');
    expect(controller.sim().params().pow).toEqual({ rule: 'header', difficulty: 8 });
    expect(screen.getByText('256')).toBeInTheDocument(); // 2^8 = 16^2
    await user.selectOptions(screen.getByRole('combobox', { name: /Fork choice/ }), 'most-work');
    expect(controller.sim().params().forkChoice).toBe('most-work');
  });
});

describe('Settings panel with miners reporting', () => {
  it('follows the measured hash rate without touching its controls', () => {
    const { controller } = renderWith(<SettingsPanel />);
    const panel = screen.getByRole('region', { name: 'Settings' });
    const observer = new MutationObserver(() => undefined);
    observer.observe(panel, { subtree: true, attributes: true });
    // What changed on the panel's inputs and selects since the last call.
    const controlChanges = () =>
      observer
        .takeRecords()
        .filter((r) => r.target instanceof HTMLInputElement || r.target instanceof HTMLSelectElement)
        .map((r) => `${(r.target as HTMLInputElement).type} ${r.attributeName}`);
    // A miner reports 1 MH/s, then 2 MH/s: 256 attempts take 256 µs, then 128 µs.
    const report = (rate: number) =>
      act(() =>
        controller.store.setState({ progress: { alice: { jobId: 1, attempts: 10, nonce: 10, rate } } }),
      );
    report(1e6);
    expect(panel).toHaveTextContent('Expected time per block at 1.0 MH/s:');
    controlChanges();
    report(2e6);
    expect(panel).toHaveTextContent('Expected time per block at 2.0 MH/s:');
    // Only the sentence re-rendered: React rewrites an input's name and type whenever its component renders.
    expect(controlChanges()).toEqual([]);
    // The check bites: a change of setting does re-render the controls.
    act(() => void controller.dispatch({ type: 'set-params', patch: { net: { loss: 0.5 } } }));
    expect(controlChanges()).toContain('range value');
    observer.disconnect();
  });
});

describe('Network settings', () => {
  it('sets latency in milliseconds and loss in percent, showing the value beside the name', () => {
    const { controller } = renderWith(<SettingsPanel />);
    fireEvent.change(screen.getByRole('slider', { name: /Latency/ }), { target: { value: '400' } });
    fireEvent.change(screen.getByRole('slider', { name: /Message loss/ }), { target: { value: '25' } });
    expect(controller.sim().params().net).toMatchObject({ latency: 0.4, loss: 0.25 });
    expect(screen.getByText('400 ms')).toBeInTheDocument();
    expect(screen.getByText('25 %')).toBeInTheDocument();
  });
});

describe('Controls bar', () => {
  it('mines one block on the selected node and pauses the clock', async () => {
    const user = userEvent.setup();
    const { controller } = renderWith(<ControlsBar />);
    act(() => controller.flush());
    await user.click(screen.getByRole('button', { name: /Mine/ }));
    act(() => advance(controller, 30));
    expect(controller.sim().node('alice')!.chain()).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: /Pause/ }));
    expect(controller.store.getState().playing).toBe(false);
    expect(screen.getByRole('button', { name: /Play/ })).toBeInTheDocument();
  });
});
