// @vitest-environment jsdom
// Every text the app shows comes through the translation layer: the whole app, each view (lazy ones loaded),
// rendered under a pseudo-locale in which every translation is wrapped in ⟦…⟧. A text without the markers is a
// literal in a component (hashes, numbers and names are exempt by rule, pseudo.ts).
import { act, render, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n/i18n';
import { App } from '../../src/ui/App';
import { startClassroom } from '../../src/ui/boot';
import { untranslatedTexts, usePseudoLocale, untranslatedPart } from './pseudo';

/**
 * Panels whose components are not yet converted. A panel leaves this list when its texts are all translated;
 * the last test fails while a listed panel is already clean, so the list can only shrink.
 */
const NOT_YET_TRANSLATED = new Set<string>([]);

const VIEWS = ['network', 'chain', 'lessons', 'experiments'] as const;

beforeAll(usePseudoLocale);
afterAll(() => i18n.changeLanguage('en'));

const seen = new Map<string, string[]>();

describe('no untranslated literal on screen', () => {
  it('the rule: markers pass, names, numbers and hashes are exempt, English words are caught', () => {
    expect(untranslatedPart('⟦Mine⟧')).toBe('');
    expect(untranslatedPart('Alice mined 12 blocks: 000a1b…9f3e in 3.5 s (GET /chain)')).toBe(
      'mined blocks: in',
    );
    expect(untranslatedPart('⟦Speed⟧ 2×')).toBe('');
    expect(untranslatedPart('Mine on ⟦Alice⟧')).toBe('Mine on');
    // A translated value inside a translation (the Experiments charts' summaries).
    expect(untranslatedPart('⟦⟦bitcoin⟧ is back⟧; ⟦⟦lwma⟧ too⟧.')).toBe('');
    expect(untranslatedPart('⟦⟦bitcoin⟧ is back⟧ and more')).toBe('and more');
  });

  it('a translation with markup counts as translated in every piece, an English piece beside it does not', () => {
    document.body.innerHTML =
      '<p id="a">⟦pick <var>x</var>, then count <var>y</var> up⟧</p><p id="b">⟦Tried⟧ <b>3</b> values</p>';
    expect([...untranslatedTexts(document.body).values()].flat()).toEqual(['values']);
    document.body.innerHTML = '';
  });

  for (const view of VIEWS)
    it(`the ${view} view`, async () => {
      window.location.hash = view;
      const controller = startClassroom({ params: { pow: { rule: 'tutorial', difficulty: 2 } } });
      const { unmount } = render(<App controller={controller} />);
      // A paused clock: the texts are what they are at the start, and the machine is free to load the views.
      act(() => controller.pause());
      // Lazy views and panels show a busy placeholder until their code has loaded: wait until none has been
      // busy for half a second.
      await screen.findByRole('tabpanel');
      for (let quiet = 0, i = 0; quiet < 10 && i < 400; i++) {
        await act(() => new Promise((r) => setTimeout(r, 50)));
        quiet = document.querySelector('[aria-busy="true"]') ? 0 : quiet + 1;
      }
      const found = untranslatedTexts(document.body);
      for (const [where, texts] of found) seen.set(where, [...(seen.get(where) ?? []), ...texts]);
      const unexpected = [...found].filter(([where]) => !NOT_YET_TRANSLATED.has(where));
      unmount();
      controller.dispose?.();
      expect(Object.fromEntries(unexpected)).toEqual({});
    }, 60_000);

  it('every panel still listed as not translated really still has literals', () => {
    const clean = [...NOT_YET_TRANSLATED].filter((where) => !seen.has(where));
    expect(clean).toEqual([]);
  });
});
