// @vitest-environment jsdom
// The Experiments panel after a finished run — the table, the agreement line, the charts' titles, axes and
// legends, the notes — under the pseudo-locale (every translation wrapped in ⟦…⟧, pseudo.ts): no text without
// the markers. literals.test.tsx sees the panel only before a run. Then the same run in Spanish.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { chooseLanguage, i18n, loadViewTexts } from '../../src/i18n/i18n';
import { createInProcessRunner } from '../../src/experiments/runner';
import ExperimentsPanel from '../../src/ui/ExperimentsPanel';
import { untranslatedTexts, usePseudoLocale } from './pseudo';

const SIZE = { width: 520, height: 280 };

/** Inputs by (English) label for a run of a second or two that still fills every column and chart. */
const TINY: Record<string, Record<string, string>> = {
  'stale-rate': { Trials: '2', Miners: '2', 'Blocks per run': '600', 'Delays d/T': '0.1' },
  'selfish-mining': {
    Trials: '2',
    'Honest nodes': '2',
    'Blocks per run': '300',
    'Pool shares α': '0.3',
    'Pool latencies \\(s\\)': '0.5',
  },
  'double-spend': { Trials: '60', 'Attacker shares q': '0.3', 'Confirmations z': '1' },
  retarget: {
    Trials: '10',
    'Blocks before the step': '100',
    'Blocks after the step': '1200',
    'Bitcoin window': '20',
    'LWMA window': '10',
    'ASERT half-life': '12',
  },
};

function fill(values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    const input = screen.getByLabelText(new RegExp(label));
    act(() => {
      fireEvent.change(input, { target: { value } });
    });
  }
}

async function runTiny(name: string, inputs = TINY[name] as Record<string, string>) {
  render(<ExperimentsPanel runner={createInProcessRunner()} fixedSize={SIZE} />);
  act(() => {
    fireEvent.change(screen.getByRole('combobox'), { target: { value: name } });
  });
  fill(inputs);
  act(() => {
    fireEvent.click(screen.getByRole('button', { name: /Run|Ejecutar/ }));
  });
  return screen.findByRole('table', {}, { timeout: 30_000 });
}

afterEach(() => document.body.replaceChildren());
afterAll(() => i18n.changeLanguage('en'));

describe('the Experiments panel after a run, under the pseudo-locale', () => {
  it.each(Object.keys(TINY))(
    '%s: no untranslated literal',
    async (name) => {
      await usePseudoLocale();
      const table = await runTiny(name);
      expect(within(table).getAllByRole('row').length).toBeGreaterThan(1);
      // The charts are drawn (titles, axes, legends), and the agreement line is there where rows are checked.
      expect(document.querySelectorAll('figure').length).toBeGreaterThan(0);
      expect(document.querySelectorAll('.chart-legend-item').length).toBeGreaterThan(0);
      expect(Object.fromEntries(untranslatedTexts(document.body))).toEqual({});
    },
    60_000,
  );

  it('an input out of range: the reason is translated too', async () => {
    await usePseudoLocale();
    render(<ExperimentsPanel runner={createInProcessRunner()} fixedSize={SIZE} />);
    fill({ 'Pool shares α': '0.3, 0.7' });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: /Run/ }));
    });
    expect(screen.getByRole('alert')).toHaveTextContent(
      '⟦⟦Pool shares α⟧ must be 1 to 10 numbers from 0.01 to 0.49, separated by commas.⟧',
    );
    expect(Object.fromEntries(untranslatedTexts(document.body))).toEqual({});
  });
});

describe('a list typed in Spanish, run after switching to English', () => {
  it('reads "0,5" and "0,2; 0,3" as the numbers they were typed as', async () => {
    await loadViewTexts();
    await chooseLanguage('es');
    render(<ExperimentsPanel runner={createInProcessRunner()} fixedSize={SIZE} />);
    act(() => {
      fireEvent.change(screen.getByRole('combobox'), { target: { value: 'selfish-mining' } });
    });
    fill({
      Ensayos: '2',
      'Nodos honestos': '2',
      'Bloques por ejecución': '300',
      'Partes del pool α': '0,2; 0,3',
      'Latencias del pool \\(s\\)': '0,5',
    });
    await act(() => chooseLanguage('en'));
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: /Run/ }));
    });
    const table = await screen.findByRole('table', {}, { timeout: 30_000 });
    expect(screen.queryByRole('alert')).toBeNull();
    const rows = within(table).getAllByRole('row').slice(1);
    // One row per pool latency and α: 0.5 s with α 0.2 and 0.3 (not latencies 0 and 5, nor four shares).
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .slice(0, 2)
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['0.5', '0.2'],
      ['0.5', '0.3'],
    ]);
  }, 60_000);
});

describe('the Experiments panel in Spanish', () => {
  it('names the columns, rules and reasons in Spanish, with Spanish decimals', async () => {
    await loadViewTexts();
    await chooseLanguage('es');
    // Spanish writes 0,3: a list field's items are separated by semicolons (src/ui/numberList.ts).
    const table = await runTiny('double-spend', {
      Ensayos: '60',
      'Partes del atacante q': '0,3',
      'Confirmaciones z': '1',
    });
    const [head, ...rows] = within(table).getAllByRole('row');
    expect(
      within(head!)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['regla', 'q', 'z', 'motor', '± EE', 'fórmula', '|Δ|/EE', 'Nakamoto §11']);
    const cells = rows.map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );
    expect(cells.map((c) => c.slice(0, 3))).toEqual([
      ['estrictamente más larga', '0,3', '1'],
      ['alcanzar', '0,3', '1'],
    ]);
    // Catch-up, q = 0.3, z = 1: the formula is Rosenfeld's 2q (src/math/theory.ts), written 0,6.
    expect(cells[1]![5]).toBe('0,6');
    expect(screen.getByRole('heading', { name: 'Éxito del atacante según las confirmaciones (alcanzar)' }));
    expect(screen.getByText('Nakamoto §11 q = 0,3')).toBeInTheDocument();
    expect(table).toHaveAccessibleName('Doble gasto: simulación junto a la teoría');
    fill({ 'Confirmaciones z': '0' });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: /Ejecutar/ }));
    });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Confirmaciones z: de 1 a 12 números enteros de 1 a 20, separados por punto y coma.',
    );
    // "1,2,4" could be 1,2 and 4 or three numbers: refused with the rule, not read as either.
    fill({ 'Confirmaciones z': '1,2,4' });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: /Ejecutar/ }));
    });
    expect(screen.getByRole('alert')).toHaveTextContent('separados por punto y coma');
    expect(screen.getByText(/Partes del atacante q \(separados por punto y coma\)/)).toBeInTheDocument();
  }, 60_000);
});
