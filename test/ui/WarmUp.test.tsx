// @vitest-environment jsdom
// The tutorial's warm-up (docs/protocol.md "Proof of work"): x = 5 → y = 21, sha256("105") = 1253e937…e860,
// by hand and by run.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { WarmUp } from '../../src/ui/WarmUp';
import { parseSettings, runFrom, tryY } from '../../src/ui/warmUpMath';

const SHA_105 = '1253e9373e781b7500266caa55150e08e210bc8cd8cc70d89985e3600155e860';
// Python: y = 0; while not sha256(str(7*y).encode()).hexdigest().endswith("00"): y += 1  → 983
const SHA_6881 = 'ae9a3fe9af5b61e41097dbe98a367ffe1d99a2cbf5b5bc42e659a2cd27548900';

describe('warm-up logic', () => {
  it('finds y = 21 for x = 5 after 22 tries, counting up from 0', () => {
    const tries = runFrom({ x: 5, ending: '0' }, 0);
    expect(tries).toHaveLength(22);
    expect(tries.slice(0, -1).every((t) => !t.ok)).toBe(true);
    expect(tries[21]).toEqual({ y: 21, text: '105', hash: SHA_105, ok: true });
  });

  it('prints x*y as Python str(int) does, even past 2^53', () => {
    expect(tryY({ x: 1_000_000_000, ending: '0' }, 123_456_789_012).text).toBe('123456789012000000000');
    expect(tryY({ x: -5, ending: '0' }, 21).text).toBe('-105');
  });

  it('checks what the student typed', () => {
    expect(parseSettings(' 7 ', 'A0')).toEqual({ ok: true, value: { x: 7, ending: 'a0' } });
    expect(parseSettings('2.5', '0').ok).toBe(false);
    expect(parseSettings('5', 'xyz').ok).toBe(false);
    expect(parseSettings('5', '00000').ok).toBe(false);
  });
});

describe('<WarmUp>', () => {
  it('steps y by y: a miss, then the answer y = 21 with sha256("105")', async () => {
    const user = userEvent.setup();
    render(<WarmUp />);
    const next = screen.getByRole('button', { name: 'Try next y' });
    await user.click(next);
    const table = screen.getByRole('table');
    const first = within(table).getAllByRole('row')[1] as HTMLElement;
    // sha256("0") = 5feceb66…3a27fb57e9: shortened, its last digit (9) is not the target 0.
    expect(
      within(first)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['0', '0', '5feceb…3a27fb57e9', '✗ no']);
    expect(screen.getByText(/Tried 1 value of y/)).toBeInTheDocument();

    for (let i = 1; i < 22; i++) await user.click(next);
    const status = screen.getByText(/✓ y = 21 after 22 tries/).closest('p') as HTMLElement;
    expect(status).toHaveTextContent(`sha256("105") = ${SHA_105}`);
    expect(within(status).getByText('0', { selector: 'mark' })).toBeInTheDocument();
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(
      within(rows.at(-1) as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['21', '105', '1253e9…600155e860', '✓ yes']);
    expect(screen.getByText('The last 12 of 22 tries')).toBeInTheDocument();
    expect(next).toBeDisabled();
  });

  it('runs to the answer for another x and ending, and says why bad input cannot run', async () => {
    const user = userEvent.setup();
    render(<WarmUp />);
    await user.click(screen.getByRole('button', { name: 'Run to the answer' }));
    expect(screen.getByText(/✓ y = 21 after 22 tries/)).toBeInTheDocument();

    const x = screen.getByLabelText('x');
    const ending = screen.getByLabelText('hash must end with');
    await user.clear(x);
    await user.type(x, '7');
    await user.clear(ending);
    await user.type(ending, '00');
    expect(screen.getByText('No tries yet.')).toBeInTheDocument();
    expect(screen.getByText(/endswith\("00"\)/)).toHaveTextContent('x = 7');
    await user.click(screen.getByRole('button', { name: 'Run to the answer' }));
    const status = screen.getByText(/✓ y = 983 after 984 tries/).closest('p') as HTMLElement;
    expect(status).toHaveTextContent(`sha256("6881") = ${SHA_6881}`);

    await user.clear(ending);
    await user.type(ending, 'zz');
    expect(screen.getByRole('alert')).toHaveTextContent('hex digits');
    expect(screen.getByRole('button', { name: 'Run to the answer' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Try next y' })).toBeDisabled();
  });
});
