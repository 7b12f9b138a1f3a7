// @vitest-environment jsdom
// The proof-of-work panel against a real controller (in-process miner, seed 7, tutorial difficulty 2).
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { leadingHexZeros } from '../../src/core/hash';
import { proofHash, proofInput } from '../../src/core/pow';
import type { Block } from '../../src/core/types';
import { count } from '../../src/ui/format';
import { PowPanel } from '../../src/ui/PowPanel';
import { advance, renderWith, setupController } from './renderApp';

type Controller = ReturnType<typeof setupController>;

let consoleError: MockInstance;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
});
afterEach(() => {
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});

const panel = () => screen.getByRole('region', { name: 'Proof of work' });
const row = (name: string) =>
  within(panel())
    .getByRole('button', { name: `Select ${name}` })
    .closest('li') as HTMLElement;
const step = (c: Controller, seconds: number) => act(() => advance(c, seconds));

describe('<PowPanel>', () => {
  it("shows the expected attempts for the store's difficulty and follows a change", () => {
    const { controller } = renderWith(<PowPanel />);
    expect(screen.getByRole('heading', { level: 2, name: 'Proof of work' })).toBeInTheDocument();
    expect(within(panel()).getByText('256', { selector: 'strong' })).toBeInTheDocument();
    expect(panel()).toHaveTextContent('starts with 2 leading hex zeros: on average 256 attempts per block');

    act(() => void controller.dispatch({ type: 'set-params', patch: { pow: { difficulty: 3 } } }));
    expect(within(panel()).getByText('4 096', { selector: 'strong' })).toBeInTheDocument();
    expect(panel()).toHaveTextContent('3 leading hex zeros');
    act(() => void controller.dispatch({ type: 'set-params', patch: { pow: { difficulty: 4 } } }));
    expect(within(panel()).getByText('65 536', { selector: 'strong' })).toBeInTheDocument();
  });

  it('shows ⚒ mining with live attempts and rate for a node that auto-mines, ○ idle for the others', () => {
    const { controller } = renderWith(<PowPanel />);
    expect(row('Alice')).toHaveTextContent('○ idle');
    act(() => void controller.dispatch({ type: 'auto-mine', node: 'alice', on: true }));
    step(controller, 0.03);
    const progress = controller.store.getState().progress.alice;
    expect(progress?.attempts).toBe(60); // 2000 H/s × 0.03 s; seed 7 finds its first block at attempt 100
    expect(row('Alice')).toHaveTextContent('⚒ mining block 2 (auto) height 0');
    expect(row('Alice')).toHaveTextContent('60 attempts · 2.0 kH/s');
    expect(row('Alice')).toHaveTextContent('23% of the 256 needed on average');
    expect(row('Alice')).toHaveTextContent(`proof ${progress?.nonce} →`);
    expect(row('Bob')).toHaveTextContent('○ idle');
    expect(row('Bob')).toHaveTextContent('Not searching for a proof right now.');
  });

  it("highlights the leading zeros of the real hash of the proof being tried on the node's tip", () => {
    const { controller } = renderWith(<PowPanel />);
    act(() => void controller.dispatch({ type: 'auto-mine', node: 'alice', on: true }));
    const state = () => controller.store.getState();
    // Step one attempt at a time (2000 H/s) until the proof being tried hashes to at least one leading zero.
    let hash = '';
    for (let i = 0; i < 2000 && leadingHexZeros(hash) === 0; i++) {
      step(controller, 1 / 2000);
      const alice = state().nodes.find((n) => n.id === 'alice');
      const nonce = state().progress.alice?.nonce;
      if (!alice || nonce === undefined) continue;
      const tip = alice.chain[alice.chain.length - 1] as Block;
      hash = proofHash(proofInput(state().params.pow, tip, { timestamp: 0, transactions: [] }), nonce);
    }
    const zeros = leadingHexZeros(hash);
    expect(zeros).toBeGreaterThan(0);
    const shown = within(row('Alice')).getByTitle(hash);
    expect(shown).toHaveTextContent(`${hash.slice(0, 16)}…`);
    expect(within(shown).getByText('0'.repeat(zeros), { selector: 'mark' })).toBeInTheDocument();
    expect(row('Alice')).toHaveTextContent(`${zeros >= 2 ? '✓' : '✗'} ${zeros}/2 zeros`);
  });

  it('summarises attempts per block against the geometric expectation', () => {
    const { controller } = renderWith(<PowPanel />);
    expect(panel()).toHaveTextContent('No blocks mined at this difficulty yet; expected 256 attempts each');
    act(() => void controller.dispatch({ type: 'auto-mine', node: 'alice', on: true }));
    act(() => void controller.dispatch({ type: 'auto-mine', node: 'bob', on: true }));
    step(controller, 2);
    const attempts = controller.store.getState().mined.map((m) => m.attempts);
    expect(attempts.length).toBeGreaterThanOrEqual(5);
    const mean = attempts.reduce((a, b) => a + b, 0) / attempts.length;
    const summary = `${attempts.length} blocks; mean attempts ${count(mean)} vs expected 256`;
    expect(within(panel()).getByRole('img', { name: summary })).toBeInTheDocument();
    expect(within(panel()).getByRole('img', { name: summary }).querySelectorAll('rect.bar')).toHaveLength(8);
  });

  it('highlights the selected node and selects another from its name', async () => {
    const user = userEvent.setup();
    renderWith(<PowPanel />);
    expect(row('Alice')).toHaveAttribute('aria-current', 'true');
    expect(row('Alice')).toHaveTextContent('● selected');
    await user.click(within(panel()).getByRole('button', { name: 'Select Bob' }));
    expect(row('Bob')).toHaveAttribute('aria-current', 'true');
    expect(row('Alice')).not.toHaveAttribute('aria-current');
  });

  it('opens the warm-up puzzle', async () => {
    const user = userEvent.setup();
    renderWith(<PowPanel />);
    await user.click(screen.getByText("Warm-up: the tutorial's first puzzle"));
    await user.click(screen.getByRole('button', { name: 'Run to the answer' }));
    expect(panel()).toHaveTextContent('✓ y = 21 after 22 tries');
  });
});
