// @vitest-environment jsdom
// The Experiments panel with an in-process runner (jsdom has no Worker): pick an experiment, run it with a
// progress bar, cancel it, and read the simulated points over the theory curve and the table.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createInProcessRunner } from '../../src/experiments/runner';
import ExperimentsPanel from '../../src/ui/ExperimentsPanel';

let consoleError: MockInstance;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
});
afterEach(() => {
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});

const SIZE = { width: 520, height: 280 };

function setup() {
  const runner = createInProcessRunner();
  render(<ExperimentsPanel runner={runner} fixedSize={SIZE} />);
  return { runner, user: userEvent.setup() };
}

const field = (label: RegExp) => screen.getByRole('spinbutton', { name: label });

describe('<ExperimentsPanel>', () => {
  it('is a region headed "Experiments" that lists the four experiments', () => {
    setup();
    const region = screen.getByRole('region', { name: 'Experiments' });
    expect(within(region).getByRole('heading', { level: 2, name: 'Experiments' })).toBeInTheDocument();
    const options = within(screen.getByRole('combobox', { name: 'Experiment' })).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'Stale blocks and propagation delay',
      'Selfish mining',
      'Double spend',
      'Difficulty retargeting',
    ]);
  });

  it('runs the double-spend race on the engine and draws points with error bars over the formula, plus the table', async () => {
    const { user } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Experiment' }), 'double-spend');
    await user.clear(field(/Trials/));
    await user.type(field(/Trials/), '100');
    const list = (label: RegExp) => screen.getByRole('textbox', { name: label });
    await user.clear(list(/Attacker shares q/));
    await user.type(list(/Attacker shares q/), '0.3');
    await user.clear(list(/Confirmations z/));
    await user.type(list(/Confirmations z/), '1,2');
    await user.click(screen.getByRole('button', { name: /Run/ }));
    const table = await screen.findByRole(
      'table',
      { name: /Double spend: simulated beside theory/ },
      { timeout: 20_000 },
    );
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(1 + 4);
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(expect.arrayContaining(['rule', 'engine', 'formula']));
    // Catch-up, q = 0.3, z = 1: the formula is Rosenfeld's 2q (the give-up barrier moves it by < 10⁻⁴).
    expect(within(rows[3]!).getAllByRole('cell')[5]).toHaveTextContent('0.6');
    const figure = screen
      .getByRole('heading', { name: 'Attacker success against confirmations (catch-up)' })
      .closest('figure')!;
    // The formula and Nakamoto's approximation for one q, and error bars on the engine's points.
    expect(figure.querySelectorAll('.recharts-line-curve')).toHaveLength(2);
    expect(figure.querySelectorAll('.recharts-errorBar').length).toBeGreaterThan(0);
    expect(screen.getByText(/Done in/)).toBeInTheDocument();
  }, 40_000);

  it('shows progress while a long run works, and cancel stops it without a result', async () => {
    const { user } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Experiment' }), 'stale-rate');
    await user.click(screen.getByRole('button', { name: /Run/ }));
    const bar = await screen.findByRole('progressbar', { name: 'Experiment progress' });
    expect(screen.getByRole('button', { name: /Run/ })).toBeDisabled();
    await screen.findByText(
      /% — d\/T = [0-9.]+(, run \d+ of 30|: the reference model)/,
      {},
      { timeout: 15_000 },
    );
    expect(Number(bar.getAttribute('value'))).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: /Cancel/ }));
    expect(await screen.findByText(/Cancelled/)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Run/ })).toBeEnabled();
    // Real engine work runs before the first progress line: on a busy machine that takes seconds.
  }, 20_000);

  it('explains out-of-range input instead of running', async () => {
    setup();
    act(() => {
      fireEvent.change(field(/Trials/), { target: { value: '1' } });
    });
    await userEvent.click(screen.getByRole('button', { name: /Run/ }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Trials (engine runs per row) must be a whole number from 2 to 1000.',
    );
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});
