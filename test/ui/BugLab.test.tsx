// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BugLab } from '../../src/ui/BugLab';
import { advance, renderWith, setupController } from './renderApp';

const lab = () => screen.getByRole('region', { name: 'Bug lab' });
const sw = (name: RegExp) => within(lab()).getByRole('switch', { name });

describe('Bug lab', () => {
  it('shows each flaw as a switch with its paragraph, off by default except the tutorial proof rule', async () => {
    const user = userEvent.setup();
    const { controller } = renderWith(<BugLab />);
    expect(sw(/Trusts the claimed length/)).not.toBeChecked();
    expect(sw(/No check of the reward/)).not.toBeChecked();
    expect(sw(/Pending transactions not reconciled/)).not.toBeChecked();
    expect(sw(/No timeout for offline peers/)).not.toBeChecked();
    expect(sw(/Proof not bound to the block/)).toBeChecked();
    expect(lab()).toHaveTextContent(
      'Equal-length chains never replace (#64–#89) — built into “longest chain wins”',
    );
    expect(lab()).toHaveTextContent('The fix is one line: use len(chain).');

    await user.click(sw(/Trusts the claimed length/));
    expect(controller.sim().params().flaws.trustClaimedLength).toBe(true);
    await user.click(sw(/No check of the reward/));
    expect(controller.sim().params().strictness).toBe('tutorial');
    await user.click(sw(/Proof not bound to the block/));
    expect(controller.sim().params().pow).toEqual({ rule: 'header', difficulty: 8 });
    expect(sw(/Proof not bound to the block/)).not.toBeChecked();

    await user.click(within(lab()).getByRole('button', { name: /Tutorial-faithful: all flaws on/ }));
    for (const s of within(lab()).getAllByRole('switch')) expect(s).toBeChecked();
    expect(controller.sim().params()).toMatchObject({ resolvePolicy: 'manual', randomStart: false });
    await user.click(within(lab()).getByRole('button', { name: 'All flaws off' }));
    for (const s of within(lab()).getAllByRole('switch')) expect(s).not.toBeChecked();
  });

  it('"Show me" runs the flaw’s scenario and says what happened', async () => {
    const user = userEvent.setup();
    const { controller } = renderWith(<BugLab />);
    const before = controller.sim();
    await user.click(within(lab()).getByRole('button', { name: 'Show me: Trusts the claimed length' }));
    // The teacher's run is only replaced once they say so.
    const ask = within(lab()).getByRole('alertdialog');
    expect(ask).toHaveTextContent('Showing this flaw replaces your current run and its settings.');
    await user.click(within(ask).getByRole('button', { name: 'Keep my run' }));
    expect(controller.sim()).toBe(before);
    expect(within(lab()).queryByRole('alertdialog')).toBeNull();
    await user.click(within(lab()).getByRole('button', { name: 'Show me: Trusts the claimed length' }));
    await user.click(within(lab()).getByRole('button', { name: 'Replace my run' }));
    expect(controller.sim()).not.toBe(before);
    const shown = within(lab()).getByRole('list', { name: 'What happened: Trusts the claimed length' });
    expect(shown).toHaveTextContent('Carol claimed 1,000 blocks and sent 2');
    expect(controller.sim().node('alice')!.chain()).toHaveLength(2);
  });

  it('makes the selected node greedy, and lets it copy a peer’s proof', async () => {
    const user = userEvent.setup();
    const controller = setupController({ params: { resolvePolicy: 'manual' } });
    renderWith(<BugLab />, controller);
    await user.click(within(lab()).getByRole('button', { name: 'Pay itself 1 000 per block' }));
    act(() => void controller.dispatch({ type: 'mine', node: 'alice' }));
    advance(controller, 30);
    expect(controller.sim().node('alice')!.chain().at(-1)!.transactions.at(-1)).toEqual({
      sender: '0',
      recipient: 'alice',
      amount: 1000,
    });

    act(() => void controller.dispatch({ type: 'mine', node: 'bob' }));
    advance(controller, 30);
    await user.selectOptions(
      within(lab()).getByRole('combobox', { name: /Copy the latest proof of/ }),
      'bob',
    );
    await user.click(within(lab()).getByRole('button', { name: 'Copy proof' }));
    // alice was one block ahead, so bob's proof is for another parent: refused, as an event with a code.
    expect(controller.store.getState().notices.at(-1)?.error).toMatchObject({ code: 'E_POW' });

    const other = setupController({ params: { resolvePolicy: 'manual' } });
    renderWith(<BugLab />, other);
    act(() => void other.dispatch({ type: 'mine', node: 'bob' }));
    advance(other, 30);
    const labs = screen.getAllByRole('region', { name: 'Bug lab' });
    await user.click(within(labs[1]!).getByRole('button', { name: 'Copy proof' }));
    const alice = other.sim().node('alice')!.chain();
    expect(alice).toHaveLength(2);
    expect(alice[1]!.proof).toBe(other.sim().node('bob')!.chain()[1]!.proof);
  });
});
