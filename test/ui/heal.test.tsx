// @vitest-environment jsdom
// The Network panel's moments: Heal announces which chain won and why, the graph rings each branch, and Add node
// joins the network and mines.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Controller } from '../../src/store/controller';
import { NetworkPanel } from '../../src/ui/NetworkPanel';
import { chainOf } from './chainTestKit';
import { advance, renderWith, setupController } from './renderApp';

/** `n` blocks on `node`, one GET /mine at a time (difficulty 2: a fraction of a virtual second each). */
function mine(c: Controller, node: string, n: number) {
  for (let i = 0; i < n; i++)
    act(() => {
      c.dispatch({ type: 'mine', node });
      advance(c, 5);
    });
}

/** Alice alone on one side, Bob and Carol on the other; each side mines `a` and `b` blocks. */
function split(a: number, b: number) {
  const controller = setupController();
  act(() => {
    controller.dispatch({ type: 'register-all' });
    advance(controller, 1);
    controller.dispatch({ type: 'partition', groups: [['alice'], ['bob', 'carol']] });
  });
  mine(controller, 'alice', a);
  mine(controller, 'bob', b);
  return controller;
}

describe('Heal', () => {
  it('announces in plain words which chain won and why, once every node has resolved', async () => {
    const controller = split(1, 2);
    const user = userEvent.setup();
    renderWith(<NetworkPanel />, controller);
    expect(screen.getByRole('list', { name: 'Branches' })).toHaveTextContent(
      /Branch 1: Bob, Carol · 3 blocks.*Branch 2: Alice · 2 blocks/,
    );
    await user.click(screen.getByRole('button', { name: /Heal network/ }));
    const status = screen.getByText(/^Healing: every node is asking its peers/);
    expect(status).toHaveAttribute('role', 'status');
    act(() => advance(controller, 3));
    expect(status).toHaveTextContent(
      "After the heal, Bob and Carol's chain won: 3 blocks against Alice's 2. The longest valid chain wins. Every node now follows it.",
    );
    expect(chainOf(controller, 'alice')).toEqual(chainOf(controller, 'bob'));
    // One branch again: no rings, no legend.
    expect(screen.queryByRole('list', { name: 'Branches' })).toBeNull();
    // Later blocks do not rewrite the moment.
    mine(controller, 'carol', 1);
    expect(status).toHaveTextContent("Bob and Carol's chain won: 3 blocks against Alice's 2");
  });

  it('calls out an equal-length tie and what will break it', async () => {
    const controller = split(1, 1);
    const user = userEvent.setup();
    renderWith(<NetworkPanel />, controller);
    await user.click(screen.getByRole('button', { name: /Heal network/ }));
    act(() => advance(controller, 3));
    expect(screen.getByText(/^After the heal/)).toHaveTextContent(
      'After the heal, the chains are tied: Alice (2 blocks) and Bob and Carol (2 blocks). A node only switches to a longer chain, so each keeps its own. The next block mined on either branch breaks the tie, and every node then follows that branch.',
    );
    expect(screen.getByRole('img', { name: /3 nodes, 3 links, 2 branches/ })).toBeInTheDocument();
  });

  it("an old run's heal (no resolve) still only removes the partition", () => {
    const controller = split(1, 2);
    act(() => {
      controller.dispatch({ type: 'heal' });
      advance(controller, 3);
    });
    expect(chainOf(controller, 'alice')).toHaveLength(2);
  });
});

describe('Add node', () => {
  it('registers the new node with every node and starts it mining, unless unticked', async () => {
    const user = userEvent.setup();
    const { controller } = renderWith(<NetworkPanel />);
    const panel = screen.getByRole('region', { name: 'Network' });
    await user.click(within(panel).getByRole('button', { name: /Add node/ }));
    act(() => advance(controller, 1));
    const dave = controller.sim().node('dave')!;
    expect(dave.peers()).toEqual(['alice:5000', 'bob:5000', 'carol:5000']);
    expect(controller.sim().node('alice')!.peers()).toEqual(['dave:5000']);
    expect(dave.autoMine()).toBe(true);

    await user.click(within(panel).getByRole('checkbox', { name: 'Join and mine' }));
    await user.click(within(panel).getByRole('button', { name: /Add node/ }));
    act(() => advance(controller, 1));
    expect(controller.sim().node('erin')!.peers()).toEqual([]);
    expect(controller.sim().node('erin')!.autoMine()).toBe(false);
  });

  it('says why the button is off at the maximum', () => {
    renderWith(<NetworkPanel />, setupController({}, 10));
    const add = screen.getByRole('button', { name: /Add node/ });
    expect(add).toBeDisabled();
    expect(add).toHaveAccessibleDescription(
      'Add node is off: this network already has 10 nodes, the most it can hold.',
    );
  });
});
