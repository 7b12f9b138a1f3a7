// @vitest-environment jsdom
// The Chain panel with a real controller and real hashes: mining, switching nodes, tampering, re-mining, reorgs.
// The 10 000-block virtualisation test is in ChainPanel.virtual.test.tsx.
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashBlock } from '../../src/core/block';
import type { Block, Chain } from '../../src/core/types';
import { validateChain } from '../../src/core/validate';
import type { Controller } from '../../src/store/controller';
import { i18n } from '../../src/i18n/i18n';
import { ChainPanel } from '../../src/ui/ChainPanel';
import { shortHash } from '../../src/ui/format';
import { card, chainOf, mark, mockListLayout } from './chainTestKit';
import { advance, renderWith, setupController } from './renderApp';

mockListLayout();

// jsdom has no scrollIntoView (an applied edit scrolls its verdict into view): record who asks for it.
const scrolled = vi.fn<(arg?: boolean | ScrollIntoViewOptions) => void>();
beforeEach(() => {
  scrolled.mockReset();
  Object.defineProperty(Element.prototype, 'scrollIntoView', {
    value: scrolled,
    configurable: true,
    writable: true,
  });
});
afterEach(() => {
  delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
});

/** Mine `n` blocks on `node`, one /mine request at a time (difficulty 2: a fraction of a virtual second each). */
function mine(c: Controller, node: string, n: number) {
  for (let i = 0; i < n; i++) {
    const before = chainOf(c, node).length;
    act(() => {
      c.dispatch({ type: 'mine', node });
      advance(c, 5);
    });
    expect(chainOf(c, node).length).toBe(before + 1);
  }
}

/**
 * A fork: alice mines one block cut off from bob and carol, who mine two (bob mines, carol follows bob's
 * announcements). `lost` is alice's block 2.
 */
function forked() {
  const controller = setupController();
  act(() => {
    controller.dispatch({ type: 'register-all' });
    advance(controller, 1);
  });
  act(() => {
    controller.dispatch({ type: 'partition', groups: [['alice'], ['bob', 'carol']] });
  });
  mine(controller, 'alice', 1);
  mine(controller, 'bob', 2);
  return { controller, lost: chainOf(controller, 'alice')[1] as Block };
}

/** alice: genesis, a block with alice → bob: 5 and her reward, then three more blocks. */
function tamperSetup() {
  const controller = setupController();
  act(() => {
    controller.dispatch({
      type: 'transaction',
      node: 'alice',
      body: { sender: 'alice', recipient: 'bob', amount: 5 },
    });
  });
  mine(controller, 'alice', 4);
  const view = renderWith(<ChainPanel />, controller);
  return { ...view, user: userEvent.setup() };
}

/** The hash the editor should show for block 2 with its first transaction's amount set to `amount`. */
function editedHash(chain: Chain, amount: number): string {
  const b = chain[1] as Block;
  return hashBlock({ ...b, transactions: b.transactions.map((t, i) => (i === 0 ? { ...t, amount } : t)) });
}

describe('ChainPanel', () => {
  it('shows mined blocks with their real hashes, newest first', () => {
    const { controller } = renderWith(<ChainPanel />);
    expect(screen.getByRole('heading', { level: 2, name: 'Chain — Alice' })).toBeInTheDocument();
    mine(controller, 'alice', 2);
    const chain = chainOf(controller, 'alice');
    const tip = card(3);
    const hash = hashBlock(chain[2] as Block);
    expect(within(tip).getByTitle(hash)).toHaveTextContent(shortHash(hash));
    expect(within(tip).getByTitle(hashBlock(chain[1] as Block))).toBeInTheDocument();
    expect(mark(3)).toBe('✓ valid');
    expect(within(tip).getByText('reward → Alice: 1')).toBeInTheDocument();
    expect(
      within(tip).getByText(`+${((chain[2] as Block).timestamp - 1700000000).toFixed(1)} s`),
    ).toBeInTheDocument();
    const order = screen.getAllByRole('article').map((a) => a.getAttribute('data-block'));
    expect(order).toEqual(['3', '2', '1']);
    expect(
      screen.getByText(/Alice's chain is valid: every link, proof and strict rule checks out/),
    ).toBeInTheDocument();
  });

  it('switches node with the picker, by mouse and by keyboard', async () => {
    const controller = setupController();
    mine(controller, 'alice', 2);
    renderWith(<ChainPanel />, controller);
    const user = userEvent.setup();
    const panel = screen.getByRole('region', { name: 'Chain' });
    await user.click(within(panel).getByRole('radio', { name: /^Bob/ }));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Chain — Bob');
    expect(controller.store.getState().selected).toBe('bob');
    expect(screen.getAllByRole('article')).toHaveLength(1);
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Chain — Carol');
    expect(within(panel).getByRole('radio', { name: /^Carol/ })).toBeChecked();
  });

  it('re-hashes the edited block as the student types, without changing the chain', async () => {
    const { controller, user } = tamperSetup();
    const chain = chainOf(controller, 'alice');
    await user.click(screen.getByRole('button', { name: 'Edit transaction 1 of block 2' }));
    const form = screen.getByRole('form', { name: 'Edit transaction 1 of block 2' });
    const amount = within(form).getByLabelText('Amount');
    await user.clear(amount);
    await user.type(amount, '7');
    expect(within(form).getByTitle(editedHash(chain, 7))).toBeInTheDocument();
    await user.type(amount, '0');
    expect(within(form).getByTitle(editedHash(chain, 70))).toBeInTheDocument();
    expect(within(form).getByText(/If applied, blocks 3–5 would be invalid/)).toHaveTextContent(
      'E_PREV_HASH',
    );
    expect(chainOf(controller, 'alice')).toBe(chain);
    await user.clear(amount);
    expect(within(form).getByText('The amount must be a number.')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it('takes an amount of 17 digits in the editor, exactly, without a blank page', async () => {
    const { controller, user } = tamperSetup();
    await user.click(screen.getByRole('button', { name: 'Edit transaction 1 of block 2' }));
    const amount = screen.getByLabelText('Amount');
    await user.clear(amount);
    await user.type(amount, '10000000000000000');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(chainOf(controller, 'alice')[1]?.transactions[0]?.amount).toBe(10n ** 16n);
    expect(within(card(2)).getByText(/alice → bob: 10000000000000000/)).toBeInTheDocument();
    expect(mark(3)).toBe('✗ invalid');
  });

  it('applying the edit breaks the next block with E_PREV_HASH and every later one; re-mining repairs it', async () => {
    const { controller, user } = tamperSetup();
    const before = chainOf(controller, 'alice');
    await user.click(screen.getByRole('button', { name: 'Edit transaction 1 of block 2' }));
    const amount = screen.getByLabelText('Amount');
    await user.clear(amount);
    await user.type(amount, '50');
    await user.click(screen.getByRole('button', { name: 'Apply' }));

    const after = chainOf(controller, 'alice');
    expect(after[1]?.transactions[0]?.amount).toBe(50);
    expect(mark(2)).toBe('✓ valid');
    const broken = card(3);
    expect(mark(3)).toBe('✗ invalid');
    expect(
      within(broken).getByText(/Block 3: previous_hash no longer matches block 2's hash/),
    ).toHaveTextContent('E_PREV_HASH');
    for (const n of [4, 5]) {
      expect(mark(n)).toBe('✗ invalid');
      expect(within(card(n)).getByText(/After an invalid block/)).toBeInTheDocument();
    }
    expect(
      screen.getByText(
        "Block 2's proof still checks out: the tutorial's proof does not cover the transactions.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Alice's chain is invalid\./)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Re-mine from block 3' }));
    // Off the page's thread (the miner), with a progress bar and a way out.
    expect(
      screen.getByText(/Re-mining block 3 \(3–5\): [\d\u202f]+ of about 768 hashes/),
    ).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Re-mining progress' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel re-mining' })).toBeInTheDocument();
    expect(await screen.findByText(/Alice's chain is valid/)).toBeInTheDocument();
    const repaired = chainOf(controller, 'alice');
    expect(validateChain(repaired, controller.sim().validation()).ok).toBe(true);
    expect(repaired[1]).toBe(after[1]);
    expect(hashBlock(repaired[1] as Block)).not.toBe(hashBlock(before[1] as Block));
    for (const n of [2, 3, 4, 5]) expect(mark(n)).toBe('✓ valid');
    expect(screen.getByText(/every block after it now links to its new hash/)).toBeInTheDocument();
  });

  it('opening Edit pauses the run and says so; Play lifts the banner', async () => {
    const { controller, user } = tamperSetup();
    act(() => controller.play());
    await user.click(screen.getByRole('button', { name: 'Edit transaction 1 of block 2' }));
    expect(controller.store.getState().playing).toBe(false);
    expect(
      screen.getByText(/The network is paused while you edit, so no new block can replace your change/),
    ).toHaveAttribute('role', 'status');
    act(() => controller.play());
    expect(screen.queryByText(/The network is paused while you edit/)).toBeNull();
  });

  it('Cancel stops a re-mine and leaves the broken chain as it was', async () => {
    const { controller, user } = tamperSetup();
    act(() => controller.dispatch({ type: 'set-params', patch: { pow: { difficulty: 5 } } }));
    await user.click(screen.getByRole('button', { name: 'Edit transaction 1 of block 2' }));
    await user.type(screen.getByLabelText('Amount'), '0');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    const edited = chainOf(controller, 'alice');
    await user.click(screen.getByRole('button', { name: 'Re-mine from block 3' }));
    await user.click(screen.getByRole('button', { name: 'Cancel re-mining' }));
    expect(screen.queryByRole('progressbar')).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    expect(chainOf(controller, 'alice')).toBe(edited);
    expect(screen.getByRole('button', { name: 'Re-mine from block 3' })).toBeEnabled();
  });

  it('says so when the network replaces an edited chain, and why', async () => {
    const { controller, lost } = forked();
    expect(lost).toBeDefined();
    const user = userEvent.setup();
    renderWith(<ChainPanel />, controller);
    await user.click(screen.getByRole('button', { name: 'Edit transaction 1 of block 2' }));
    await user.type(screen.getByLabelText('Amount'), '0');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    // Alice's 2 blocks against Bob's 3: after the heal, her resolve takes Bob's longer chain.
    act(() => {
      controller.dispatch({ type: 'heal', resolve: true });
      advance(controller, 3);
    });
    expect(
      screen.getByText(/The network replaced Alice's edited chain \(block 2 was changed\): Alice adopted/),
    ).toHaveTextContent("Bob's chain of 3 blocks instead of its own 2 blocks");
  });

  it('keeps blocks abandoned in a reorg visible, dimmed and labelled', async () => {
    const { controller, lost } = forked();
    act(() => {
      controller.dispatch({ type: 'heal' });
      controller.dispatch({ type: 'resolve', node: 'alice' });
      advance(controller, 5);
    });
    const adopted = chainOf(controller, 'alice');
    expect(adopted).toEqual(chainOf(controller, 'bob'));
    renderWith(<ChainPanel />, controller);
    const user = userEvent.setup();
    await user.click(screen.getByText('Abandoned blocks (1)'));
    const item = screen.getByText('abandoned in a reorg').closest('li') as HTMLElement;
    expect(item).toHaveClass('abandoned-block');
    expect(within(item).getByText('Block 2')).toBeInTheDocument();
    expect(within(item).getByTitle(hashBlock(lost))).toBeInTheDocument();
    // The live block 2 is bob's, not the one alice dropped.
    expect(within(card(2)).getByTitle(hashBlock(adopted[1] as Block))).toBeInTheDocument();
    expect(hashBlock(adopted[1] as Block)).not.toBe(hashBlock(lost));
  });

  it('compares nodes side by side and marks where they fork', async () => {
    const { controller } = forked();
    renderWith(<ChainPanel />, controller);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Compare side by side' }));
    expect(
      screen.getByText('A fork: they agree on blocks 1–1 and differ from block 2 on.'),
    ).toBeInTheDocument();
    const table = screen.getByRole('table');
    const row2 = within(table).getByRole('row', { name: /^2 / });
    expect(row2).toHaveClass('diverged');
    expect(within(row2).getAllByText('differs:')).toHaveLength(3);
    const row3 = within(table).getByRole('row', { name: /^3 / });
    expect(row3).not.toHaveClass('diverged');
    // Unticking carol leaves alice and bob; bob alone cannot be unticked below two nodes.
    await user.click(screen.getByRole('checkbox', { name: 'Carol' }));
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Block', 'Alice', 'Bob']);
    expect(screen.getByRole('checkbox', { name: 'Bob' })).toBeDisabled();
  });

  it('copies a hash, or shows it selected when there is no clipboard', async () => {
    const { controller } = renderWith(<ChainPanel />);
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Copy hash of block 1' }));
    const genesis = hashBlock(chainOf(controller, 'alice')[0] as Block);
    expect(writeText).toHaveBeenCalledWith(genesis);
    expect(screen.getByText('Copied')).toBeInTheDocument();
    const real = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Copy hash of block 1' }));
      const field = await screen.findByRole('textbox');
      expect(field).toHaveValue(genesis);
      expect(field).toHaveFocus();
    } finally {
      if (real) Object.defineProperty(navigator, 'clipboard', real);
    }
  });

  it('names the copy button in the language chosen', async () => {
    const { es } = await import('../../src/i18n/es');
    i18n.addResourceBundle('es', 'translation', es, true, true);
    await i18n.changeLanguage('es');
    try {
      renderWith(<ChainPanel />);
      const button = screen.getByRole('button', { name: 'Copiar el hash del bloque 1' });
      expect(button).toHaveTextContent('Copiar');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});

describe('ChainPanel after an edit', () => {
  const statusOf = (verdict: RegExp) => screen.getByText(verdict).closest('.chain-status') as HTMLElement;

  it('brings the verdict, the broken rule and Re-mine into view after Apply, and focuses the verdict', async () => {
    const { controller, user } = tamperSetup();
    // New blocks, an editor opened and cancelled: nothing was edited, nothing moves.
    mine(controller, 'alice', 1);
    await user.click(screen.getByRole('button', { name: 'Edit transaction 1 of block 2' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(scrolled).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Edit transaction 1 of block 2' }));
    await user.type(screen.getByLabelText('Amount'), '0');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    const status = statusOf(/Alice's chain is invalid/);
    expect(scrolled).toHaveBeenCalledTimes(1);
    expect(scrolled).toHaveBeenCalledWith({ block: 'nearest' });
    expect(scrolled.mock.contexts[0]).toBe(status);
    expect(status).toHaveFocus();
    expect(within(status).getByText(/Block 3: previous_hash no longer matches/)).toHaveTextContent(
      'E_PREV_HASH',
    );
    // Tab goes on to the way back.
    await user.tab();
    expect(screen.getByRole('button', { name: 'Show block 3' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Re-mine from block 3' })).toHaveFocus();
  });

  it('focuses the status too when an edit of the tip leaves the chain valid', async () => {
    const controller = setupController();
    mine(controller, 'alice', 1);
    act(() => {
      controller.dispatch({
        type: 'transaction',
        node: 'alice',
        body: { sender: 'alice', recipient: 'bob', amount: 5 },
      });
    });
    mine(controller, 'alice', 1);
    renderWith(<ChainPanel />, controller);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Edit transaction 1 of block 3' }));
    await user.type(screen.getByLabelText('Amount'), '0');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    const status = statusOf(/Alice's chain is valid/);
    expect(scrolled.mock.contexts).toEqual([status]);
    expect(status).toHaveFocus();
  });

  it('shows why when the network replaces the edited chain, while that chain is on screen', async () => {
    const { controller } = forked();
    const user = userEvent.setup();
    renderWith(<ChainPanel />, controller);
    await user.click(screen.getByRole('button', { name: 'Edit transaction 1 of block 2' }));
    await user.type(screen.getByLabelText('Amount'), '0');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    scrolled.mockReset();
    act(() => {
      controller.dispatch({ type: 'heal', resolve: true });
      advance(controller, 3);
    });
    const note = screen.getByText(/The network replaced Alice's edited chain/);
    expect(scrolled.mock.contexts).toEqual([note]);
    expect(scrolled).toHaveBeenCalledWith({ block: 'nearest' });
    // Focus stays where the student left it: the note is a status, read out on its own.
    expect(note).not.toHaveFocus();
    // Later blocks do not scroll again.
    mine(controller, 'bob', 1);
    expect(scrolled).toHaveBeenCalledTimes(1);
  });

  it('does not scroll when the student has moved on to another node', async () => {
    const { controller } = forked();
    const user = userEvent.setup();
    renderWith(<ChainPanel />, controller);
    await user.click(screen.getByRole('button', { name: 'Edit transaction 1 of block 2' }));
    await user.type(screen.getByLabelText('Amount'), '0');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    await user.click(screen.getByRole('radio', { name: /^Bob/ }));
    scrolled.mockReset();
    act(() => {
      controller.dispatch({ type: 'heal', resolve: true });
      advance(controller, 3);
    });
    expect(screen.getByText(/The network replaced Alice's edited chain/)).toBeInTheDocument();
    // Back on Alice later: her chain was replaced a while ago, nothing jumps.
    await user.click(screen.getByRole('radio', { name: /^Alice/ }));
    expect(scrolled).not.toHaveBeenCalled();
  });
});
