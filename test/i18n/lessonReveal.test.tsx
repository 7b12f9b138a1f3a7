// @vitest-environment jsdom
// What the Lessons panel says after a run comes through the translation layer (src/ui/lessonText.ts revealLine,
// catalog src/i18n/lessons/): under the pseudo-locale no English is left outside the markers, Spanish and German
// write the run's own numbers their way, and the command line keeps its plain English.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n/i18n';
import { english, isList, isSaid, said, type Said } from '../../src/lessons/said';
import { SCENARIOS, type ScenarioName } from '../../src/lessons/scenarios';
import { runLesson } from '../../src/share/lessonRun';
import { NO_PEERS_NOTE } from '../../src/sim/resolveLog';
import { revealLine } from '../../src/ui/lessonText';
import { ScenarioPanel } from '../../src/ui/ScenarioPanel';
import { renderWith } from '../ui/renderApp';
import { untranslatedTexts, usePseudoLocale, untranslatedPart } from './pseudo';

const t = i18n.t.bind(i18n);

async function language(code: 'es' | 'de' | 'en') {
  if (code !== 'en' && !i18n.hasResourceBundle(code, 'translation')) {
    const messages =
      code === 'es' ? (await import('../../src/i18n/es')).es : (await import('../../src/i18n/de')).de;
    i18n.addResourceBundle(code, 'translation', messages);
  }
  await i18n.changeLanguage(code);
}

afterEach(() => language('en'));
afterAll(() => language('en'));

/** Run `lesson` in the panel with the first choice predicted, skip to its end, and return the reveal. */
async function revealIn(lesson: ScenarioName, names: { lesson: RegExp; replace: RegExp; skip: RegExp }) {
  const user = userEvent.setup();
  renderWith(<ScenarioPanel />);
  const panel = screen.getAllByRole('region')[0] as HTMLElement;
  await user.selectOptions(within(panel).getByRole('combobox', { name: names.lesson }), lesson);
  await user.click(within(panel).getAllByRole('radio')[0] as HTMLElement);
  await user.click(within(panel).getAllByRole('button')[0] as HTMLElement);
  await user.click(within(panel).getByRole('button', { name: names.replace }));
  await user.click(within(panel).getByRole('button', { name: names.skip }));
  return within(panel).getByRole('region');
}

/** Every key a reveal uses, its pieces' keys included. */
function keysOf(line: Said): string[] {
  return [
    line.key,
    ...Object.values(line.values).flatMap((v) =>
      isSaid(v)
        ? keysOf(v)
        : isList(v)
          ? v.items.flatMap((i) => (typeof i === 'string' ? [] : keysOf(i)))
          : [],
    ),
  ];
}

describe('the reveal after a run', () => {
  it.each(['first-block', 'two-miners-race'] as const)(
    '%s: no untranslated literal in the pseudo-locale',
    async (lesson) => {
      await usePseudoLocale();
      const reveal = await revealIn(lesson, {
        lesson: /Lesson/,
        replace: /Replace my run/,
        skip: /Skip to the end/,
      });
      const lines = within(reveal).getAllByRole('listitem');
      expect(lines.length).toBeGreaterThanOrEqual(3);
      for (const li of lines) expect(li.textContent).toMatch(/^⟦.*⟧$/);
      // The sentences of the run (the prediction line above them is lessons.predicted, not this catalog's).
      expect(Object.fromEntries(untranslatedTexts(within(reveal).getByRole('list')))).toEqual({});
    },
  );

  it('every line of every lesson has its key in the catalog, and nothing English is left outside it', async () => {
    await usePseudoLocale();
    for (const name of Object.keys(SCENARIOS) as ScenarioName[]) {
      const { reveal } = runLesson(name);
      for (const line of reveal.lines) {
        for (const key of keysOf(line))
          expect(i18n.exists(`lessonReveal.${key}_other`) || i18n.exists(`lessonReveal.${key}`), key).toBe(
            true,
          );
        expect([name, untranslatedPart(revealLine(t, line))]).toEqual([name, '']);
      }
    }
  }, 60_000);

  it('in Spanish: the race’s loser abandoned 1 block, one plural form, the run’s own number', async () => {
    await language('es');
    const reveal = await revealIn('two-miners-race', {
      lesson: /Lección/,
      replace: /Reemplazar/,
      skip: /final/,
    });
    expect(reveal).toHaveTextContent(
      'Alice encontró primero el bloque 3; Bob resolvió, lo adoptó y abandonó 1 bloque.',
    );
    expect(reveal).toHaveTextContent(
      'De vuelta en la lista de pendientes de Bob: erin → frank: 3. Se volverá a minar.',
    );
  });

  it('in Spanish and German the numbers are written the language’s way; the proof stays as the block has it', async () => {
    const block = runLesson('first-block').reveal.lines[1] as Said;
    await language('es');
    expect(revealLine(t, block)).toBe(
      'Bloque 2: prueba 4456 tras 4457 intentos (se esperaban unos 65.536 con 4 ceros iniciales), 2,229 s de cálculo de hashes simulado.',
    );
    await language('de');
    expect(revealLine(t, block)).toBe(
      'Block 2: Beweis 4456 nach 4.457 Versuchen (erwartet waren etwa 65.536 bei 4 führenden Nullen), 2,229 s simuliertes Hashen.',
    );
    const chance = runLesson('majority-attack').reveal.lines[3] as Said;
    expect(revealLine(t, chance)).toContain('mit 30 %: z=1: 62,8 %, z=2: 44,6 %, z=6: 13,2 %.');
  });

  it('a reveal quoting the consensus log’s note says it in the reader’s language too', async () => {
    const line = said('flaw-equal-length.noPeers', { note: NO_PEERS_NOTE });
    expect(english(line)).toBe(`No peers: ${NO_PEERS_NOTE}`);
    await language('es');
    expect(revealLine(t, line)).toBe(`Sin pares: ${t('outcome.noPeers')}`);
    expect(revealLine(t, line)).not.toContain('registered');
  });

  it('the command line keeps plain English: digits as they are, names as people know them, real plurals', () => {
    const race = runLesson('two-miners-race').reveal.lines.map(english);
    expect(race[2]).toBe('Alice found block 3 first; Bob resolved, adopted it and abandoned 1 block.');
    const first = runLesson('first-block').reveal.lines.map(english);
    expect(first[1]).toBe(
      'Block 2: proof 4456 after 4457 attempts (about 65536 expected at 4 leading zeros), 2.229 s of simulated hashing.',
    );
  });
});
