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

  it('runs the double-spend race and draws points with error bars over both formulas, plus the table', async () => {
    const { user } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Experiment' }), 'double-spend');
    await user.clear(field(/Trials/));
    await user.type(field(/Trials/), '4000');
    await user.click(screen.getByRole('button', { name: /Run/ }));
    const table = await screen.findByRole(
      'table',
      { name: /Double spend: simulated beside theory/ },
      { timeout: 10_000 },
    );
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(1 + 33);
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toContain('Rosenfeld');
    // q = 0.1, z = 1: Rosenfeld's exact 2q in the theory column.
    expect(within(rows[2]!).getAllByRole('cell')[4]).toHaveTextContent('0.2');
    expect(screen.getByText(/Error bars: ± 2 standard errors/).textContent).toMatch(
      /^(3[0-3]) of 33 simulated points lie within 3 standard errors of theory/,
    );
    const figure = screen
      .getByRole('heading', { name: 'Attacker success against confirmations' })
      .closest('figure')!;
    // Six theory curves (Rosenfeld and Nakamoto for three q) and error bars on the simulated points.
    expect(figure.querySelectorAll('.recharts-line-curve')).toHaveLength(6);
    expect(figure.querySelectorAll('.recharts-errorBar').length).toBeGreaterThan(20);
    expect(screen.getByText(/Done in/)).toBeInTheDocument();
  });

  it('shows progress while a long run works, and cancel stops it without a result', async () => {
    const { user } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Experiment' }), 'stale-rate');
    await user.click(screen.getByRole('button', { name: /Run/ }));
    const bar = await screen.findByRole('progressbar', { name: 'Experiment progress' });
    expect(screen.getByRole('button', { name: /Run/ })).toBeDisabled();
    await screen.findByText(/% — d\/T = 0.005, run 1 of 8/, {}, { timeout: 5000 });
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
      'Trials (runs of the state machine) must be a whole number from 2 to 1000.',
    );
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});
