// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ConsensusPanel } from '../../src/ui/ConsensusPanel';
import type { Command } from '../../src/sim/commands';
import { advance as advanceNow, renderWith, setupController } from './renderApp';

type Controller = ReturnType<typeof setupController>;
// Store updates re-render the panel: wrap them in act() as a frame would be.
const advance = (c: Controller, seconds: number) => act(() => advanceNow(c, seconds));
const send = (c: Controller, cmd: Command) => act(() => void c.dispatch(cmd));

// Manual resolves only, so each test decides when a node compares chains (no announce-triggered resolves).
const manual = () => setupController({ params: { resolvePolicy: 'manual' } });

const log = () => screen.getByRole('list', { name: 'Resolves, newest first' });
const entries = () =>
  within(log())
    .getAllByRole('listitem')
    .filter((li) => li.classList.contains('resolve'));

describe('ConsensusPanel', () => {
  it('has its heading and says what to do before any resolve', () => {
    renderWith(<ConsensusPanel />, manual());
    const panel = screen.getByRole('region', { name: 'Consensus' });
    expect(within(panel).getByRole('heading', { level: 2, name: 'Consensus' })).toBeInTheDocument();
    expect(panel).toHaveTextContent('No resolves yet.');
  });

  it('shows "Our chain was replaced" and the adopted peer when a peer has a longer valid chain', () => {
    const controller = manual();
    send(controller, { type: 'register-all' });
    advance(controller, 1);
    send(controller, { type: 'mine', node: 'bob' });
    advance(controller, 5);
    expect(controller.store.getState().nodes.map((n) => n.chain.length)).toEqual([1, 2, 1]);
    renderWith(<ConsensusPanel />, controller);
    send(controller, { type: 'resolve', node: 'alice' });
    advance(controller, 3);

    const [entry] = entries();
    expect(entry).toHaveTextContent("Alice: Our chain was replaced by Bob's chain (2 blocks, ours had 1).");
    expect(entry).toHaveTextContent('Alice (1 block) asked Bob and Carol for their chains (GET /chain)');
    const lines = within(entry as HTMLElement).getAllByRole('listitem');
    expect(lines[0]).toHaveTextContent(
      /^✓ Adopted Bob 2 blocks vs our 1 — 2 blocks, valid, and better than every other chain\.$/,
    );
    expect(lines[1]).toHaveTextContent('Not better Carol 1 block vs our 1');
    expect(lines[1]).toHaveTextContent("1 block, less than Bob's chain");
    expect(entry).toHaveTextContent('manual');
    // Only the summary goes to the polite live region.
    expect(screen.getByRole('status')).toHaveTextContent(
      "Alice: Our chain was replaced by Bob's chain (2 blocks, ours had 1).",
    );
    expect(controller.store.getState().nodes[0]?.chain.length).toBe(2);
  });

  it('shows the note prominently when no peers are registered', () => {
    const { controller } = renderWith(<ConsensusPanel />, manual());
    send(controller, { type: 'mine', node: 'bob' });
    advance(controller, 5);
    send(controller, { type: 'resolve', node: 'alice' });
    advance(controller, 1);
    const [entry] = entries();
    expect(entry).toHaveTextContent('Alice: Our chain is authoritative.');
    const note = within(entry as HTMLElement).getByRole('note');
    expect(note).toHaveTextContent('No peers are registered, so there is nothing to compare with.');
    expect(note).toHaveTextContent('Register the other nodes as peers first');
  });

  it('shows E_TIMEOUT for a registered peer that was removed, once the timeout has passed', () => {
    const controller = manual();
    send(controller, { type: 'register-all' });
    advance(controller, 1);
    send(controller, { type: 'remove-node', node: 'carol' });
    renderWith(<ConsensusPanel />, controller);
    const timeout = controller.store.getState().params.timeout;
    send(controller, { type: 'resolve', node: 'alice' });
    advance(controller, timeout - 0.5);
    // Still waiting for Carol: nothing to log yet.
    expect(screen.queryByRole('list', { name: 'Resolves, newest first' })).toBeNull();
    advance(controller, 1);
    const [entry] = entries();
    expect(entry).toHaveTextContent('Alice: Our chain is authoritative.');
    const carol = within(entry as HTMLElement)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.includes('Carol')) as HTMLElement;
    expect(carol).toHaveTextContent('No answer Carol no chain');
    expect(carol).toHaveTextContent(`did not answer GET /chain within ${timeout} s.`);
    // The code is shown once, as a badge.
    expect(within(carol).getByText('E_TIMEOUT').tagName).toBe('CODE');
    expect(carol.textContent?.match(/E_TIMEOUT/g)).toHaveLength(1);
  });

  it('says why a longer but tampered chain is rejected, with its rule code', () => {
    const controller = manual();
    send(controller, { type: 'register-all' });
    advance(controller, 1);
    for (let i = 0; i < 2; i++) {
      send(controller, { type: 'mine', node: 'bob' });
      advance(controller, 5);
    }
    // Bob's copy of block 2 now pays its miner 100 instead of 1 (nothing is re-hashed).
    send(controller, { type: 'tamper', node: 'bob', blockNumber: 2, txIndex: 0, tx: { amount: 100 } });
    renderWith(<ConsensusPanel />, controller);
    send(controller, { type: 'resolve', node: 'alice' });
    advance(controller, 1);
    const bobLine = () => within(entries()[0] as HTMLElement).getAllByRole('listitem')[0] as HTMLElement;
    expect(entries()[0]).toHaveTextContent('Alice: Our chain is authoritative.');
    // Strict rules catch the changed reward first.
    expect(bobLine()).toHaveTextContent(
      /^✗ Invalid Bob 3 blocks vs our 1 — 3 blocks but invalid\. Block 2: the miner paid itself 100 coins; the reward is 1\. E_REWARD$/,
    );
    expect(within(bobLine()).getByText('E_REWARD').tagName).toBe('CODE');
    // The tutorial's valid_chain checks only links and proofs: block 3 no longer links to the changed block 2.
    send(controller, { type: 'set-params', patch: { strictness: 'tutorial' } });
    send(controller, { type: 'resolve', node: 'alice' });
    advance(controller, 1);
    expect(entries()).toHaveLength(2);
    expect(bobLine()).toHaveTextContent(/^✗ Invalid Bob 3 blocks vs our 1 — 3 blocks but invalid\./);
    expect(within(bobLine()).getByText('E_PREV_HASH').tagName).toBe('CODE');
    expect(controller.store.getState().nodes[0]?.chain).toHaveLength(1);
  });

  it('lists resolves newest first and filters them by node', async () => {
    const user = userEvent.setup();
    const { controller } = renderWith(<ConsensusPanel />, manual());
    send(controller, { type: 'resolve', node: 'alice' });
    advance(controller, 1);
    send(controller, { type: 'resolve', node: 'bob' });
    advance(controller, 1);
    expect(entries()).toHaveLength(2);
    expect(entries()[0]).toHaveTextContent('Bob: Our chain is authoritative.');
    expect(entries()[1]).toHaveTextContent('Alice: Our chain is authoritative.');
    await user.selectOptions(screen.getByLabelText('Show resolves of'), 'alice');
    expect(entries()).toHaveLength(1);
    expect(entries()[0]).toHaveTextContent('Alice: Our chain is authoritative.');
    await user.selectOptions(screen.getByLabelText('Show resolves of'), 'carol');
    expect(screen.getByRole('region', { name: 'Consensus' })).toHaveTextContent(
      'Carol has not resolved yet.',
    );
  });

  it('marks announce-triggered resolves and folds routine periodic ones, without announcing them', async () => {
    const user = userEvent.setup();
    const controller = setupController({ params: { resolvePolicy: 'on-announce' } });
    send(controller, { type: 'register-all' });
    advance(controller, 1);
    renderWith(<ConsensusPanel />, controller);
    send(controller, { type: 'mine', node: 'bob' });
    advance(controller, 5);
    const announced = entries();
    expect(announced.map((e) => e.textContent?.includes("Our chain was replaced by Bob's chain"))).toEqual([
      true,
      true,
    ]);
    for (const e of announced) expect(e).toHaveTextContent('after an announce');
    expect(announced[0]?.querySelector('details')).toBeNull();

    send(controller, { type: 'set-params', patch: { resolvePolicy: 'periodic', resolveInterval: 2 } });
    advance(controller, 4);
    const [routine] = entries();
    expect(routine).toHaveTextContent('periodic');
    expect(routine).toHaveTextContent('Our chain is authoritative.');
    const details = routine?.querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(within(details).getByText('Why nothing changed').tagName).toBe('SUMMARY');
    // Folded, its lines are not even drawn (routine resolves come in bursts); opened, they are there.
    expect(details.querySelectorAll('.verdict')).toHaveLength(0);
    await user.click(within(details).getByText('Why nothing changed'));
    expect(
      within(details)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(
      ['Alice', 'Carol'].map(
        (peer) =>
          `= Not better ${peer} 2 blocks vs our 2 — 2 blocks, the same as our chain; only a longer chain replaces it.`,
      ),
    );
    // The live region still holds the last change, not the routine resolve.
    expect(screen.getByRole('status')).toHaveTextContent("Our chain was replaced by Bob's chain");
  });

  it('renders the message sequence below the log', async () => {
    const { controller } = renderWith(<ConsensusPanel />, manual());
    send(controller, { type: 'resolve', node: 'alice' });
    advance(controller, 1);
    const consensus = screen.getByRole('region', { name: 'Consensus' });
    // The diagram's code loads after the first render (LazySequenceView.tsx).
    const messages = await within(consensus).findByRole('region', { name: 'Messages' });
    expect(within(messages).getByRole('heading', { level: 2, name: 'Messages' })).toBeInTheDocument();
  });
});

describe('a resolve line', () => {
  it('names the other nodes in its reason as people know them, not by address', async () => {
    const { reason } = await import('../../src/ui/outcomeText');
    const text = reason({
      peer: 'carol:5000',
      verdict: 'not-better',
      length: 2,
      text: "carol:5000: kept out — 2 blocks, less than alice:5000's chain; only a longer chain replaces it.",
    } as Parameters<typeof reason>[0]);
    expect(text).toBe("2 blocks, less than Alice's chain; only a longer chain replaces it.");
  });
});
