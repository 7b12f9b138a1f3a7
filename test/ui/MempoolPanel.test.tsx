// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Command } from '../../src/sim/commands';
import { MempoolPanel } from '../../src/ui/MempoolPanel';
import { checkTxFields } from '../../src/ui/txForm';
import { advance as advanceNow, renderWith, setupController } from './renderApp';

type Controller = ReturnType<typeof setupController>;
const advance = (c: Controller, seconds: number) => act(() => advanceNow(c, seconds));
const send = (c: Controller, cmd: Command) => act(() => void c.dispatch(cmd));

const panel = () => screen.getByRole('region', { name: 'Mempool' });
const field = (name: string) => within(panel()).getByRole('textbox', { name }) as HTMLInputElement;
const sendButton = () => within(panel()).getByRole('button', { name: 'Send transaction' });

async function fill(
  user: ReturnType<typeof userEvent.setup>,
  sender: string,
  recipient: string,
  amount: string,
) {
  for (const [name, value] of [
    ['Sender', sender],
    ['Recipient', recipient],
    ['Amount', amount],
  ] as const) {
    await user.clear(field(name));
    if (value) await user.type(field(name), value);
  }
}

describe('MempoolPanel', () => {
  it('names the selected node and says what to do when nothing is pending', () => {
    renderWith(<MempoolPanel />, setupController({ params: { resolvePolicy: 'manual' } }));
    expect(within(panel()).getByRole('heading', { level: 2 })).toHaveTextContent('Mempool — Alice');
    expect(panel()).toHaveTextContent(
      'No pending transactions — send one with the form above; the next mined block will include it.',
    );
  });

  it('rejects an empty or negative amount inline, without sending, and keeps what was typed', async () => {
    const user = userEvent.setup();
    const { controller } = renderWith(
      <MempoolPanel />,
      setupController({ params: { resolvePolicy: 'manual' } }),
    );
    const dispatch = vi.spyOn(controller, 'dispatch');
    await fill(user, 'alice', 'bob', '');
    await user.click(sendButton());
    const amount = field('Amount');
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(amount).toHaveAccessibleDescription('Enter an amount.');
    expect(amount).toHaveFocus();

    await user.type(amount, '-5');
    await user.click(sendButton());
    expect(amount).toHaveAccessibleDescription('The amount must be more than 0.');
    expect(dispatch).not.toHaveBeenCalled();
    expect([field('Sender').value, field('Recipient').value, amount.value]).toEqual(['alice', 'bob', '-5']);
    expect(field('Sender')).not.toHaveAttribute('aria-invalid');
    expect(controller.store.getState().messages).toHaveLength(0);

    // Fixing the field clears its message before anything is sent.
    await user.clear(amount);
    await user.type(amount, '5');
    expect(amount).not.toHaveAttribute('aria-invalid');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('shows a valid transaction as pending, with the node’s 201 reply, then included in the mined block', async () => {
    const user = userEvent.setup();
    const controller = setupController({ params: { resolvePolicy: 'manual' } });
    renderWith(<MempoolPanel />, controller);
    await fill(user, 'alice', 'bob', '5');
    await user.click(sendButton());
    expect(within(panel()).getByRole('status')).toHaveTextContent('Sent to Alice, waiting for its reply');
    advance(controller, 0.01);
    expect(within(panel()).getByRole('status')).toHaveTextContent(
      'Alice replied: 201 Transaction will be added to Block 2',
    );
    const pending = within(panel()).getByRole('list', { name: 'Pending transactions of Alice' });
    expect(pending).toHaveTextContent('alice → bob: 5 ○ pending — goes into block 2 when mined');
    expect(field('Amount').value).toBe('5');

    send(controller, { type: 'mine', node: 'alice' });
    advance(controller, 10);
    const chain = controller.store.getState().nodes[0]?.chain ?? [];
    expect(chain).toHaveLength(2);
    expect(chain[1]?.transactions).toEqual([
      { sender: 'alice', recipient: 'bob', amount: 5 },
      { sender: '0', recipient: 'alice', amount: 1 },
    ]);
    expect(within(panel()).queryByRole('list', { name: 'Pending transactions of Alice' })).toBeNull();
    expect(panel()).toHaveTextContent('No pending transactions');
    const recent = within(panel()).getByRole('list', { name: 'Recent transactions' });
    expect(recent).toHaveTextContent('alice → bob: 5 ✓ included in block 2');
  });

  it('takes amounts as Python does: 17 digits stay exact, 5.0 and 1e16 stay floats, and the block hashes', async () => {
    const user = userEvent.setup();
    const controller = setupController({ params: { resolvePolicy: 'manual' } });
    renderWith(<MempoolPanel />, controller);
    for (const typed of ['10000000000000001', '5.0', '1e16']) {
      await fill(user, 'alice', 'bob', typed);
      await user.click(sendButton());
      advance(controller, 0.01);
      expect(within(panel()).getByRole('status')).toHaveTextContent('Alice replied: 201');
    }
    const pending = within(panel()).getByRole('list', { name: 'Pending transactions of Alice' });
    expect(pending).toHaveTextContent('alice → bob: 10000000000000001');
    expect(pending).toHaveTextContent('alice → bob: 5.0');
    expect(pending).toHaveTextContent('alice → bob: 1e+16');
    send(controller, { type: 'mine', node: 'alice' });
    advance(controller, 10);
    const block = controller.store.getState().nodes[0]?.chain[1];
    expect(block?.transactions.map((t) => t.amount)).toEqual([10000000000000001n, 5, 1e16, 1]);
    expect(controller.store.getState().notices).toEqual([]);
    expect(controller.store.getState().crash).toBeNull();
  });

  it('shows a transaction whose block lost a fork as "returned after a reorg"', async () => {
    const user = userEvent.setup();
    const controller = setupController({ params: { resolvePolicy: 'manual' } });
    send(controller, { type: 'register-all' });
    advance(controller, 1);
    renderWith(<MempoolPanel />, controller);
    await fill(user, 'carol', 'dave', '2.5');
    await user.click(sendButton());
    advance(controller, 0.01);
    send(controller, { type: 'mine', node: 'alice' });
    advance(controller, 10);
    expect(within(panel()).getByRole('list', { name: 'Recent transactions' })).toHaveTextContent(
      'carol → dave: 2.5 ✓ included in block 2',
    );
    // Bob mines two blocks without it; Alice adopts his longer chain and gets the transaction back.
    for (let i = 0; i < 2; i++) {
      send(controller, { type: 'mine', node: 'bob' });
      advance(controller, 10);
    }
    send(controller, { type: 'resolve', node: 'alice' });
    advance(controller, 2);
    expect(controller.store.getState().nodes[0]?.chain).toHaveLength(3);
    const pending = within(panel()).getByRole('list', { name: 'Pending transactions of Alice' });
    expect(pending).toHaveTextContent(
      'carol → dave: 2.5 ↩ returned after a reorg — goes into block 4 when mined',
    );
  });

  it('lets a negative amount through in tutorial mode, as the tutorial node does', async () => {
    const user = userEvent.setup();
    const controller = setupController({ params: { resolvePolicy: 'manual', strictness: 'tutorial' } });
    renderWith(<MempoolPanel />, controller);
    await fill(user, 'alice', 'bob', '-5');
    await user.click(sendButton());
    advance(controller, 0.01);
    expect(within(panel()).getByRole('status')).toHaveTextContent(
      'Alice replied: 201 Transaction will be added to Block 2',
    );
    expect(controller.store.getState().nodes[0]?.mempool).toEqual([
      { sender: 'alice', recipient: 'bob', amount: -5 },
    ]);
  });
});

describe('checkTxFields', () => {
  it('mirrors the node’s rules', () => {
    const ok = { sender: 'alice', recipient: 'bob', amount: '1' };
    expect(checkTxFields(ok, false)).toEqual({});
    expect(checkTxFields({ ...ok, sender: '  ' }, false).sender).toMatch(/Enter a sender/);
    expect(checkTxFields({ ...ok, sender: '0' }, false).sender).toMatch(/mining rewards/);
    expect(checkTxFields({ ...ok, sender: '0' }, true)).toEqual({});
    expect(checkTxFields({ ...ok, amount: '0x10' }, false).amount).toBe('“0x10” is not a number.');
    expect(checkTxFields({ ...ok, amount: '0' }, false).amount).toBe('The amount must be more than 0.');
    expect(checkTxFields({ ...ok, amount: '1e400' }, false).amount).toBe('“1e400” is not a number.');
    expect(checkTxFields({ ...ok, recipient: 'x'.repeat(201) }, false).recipient).toBe(
      'At most 200 characters.',
    );
  });
});
