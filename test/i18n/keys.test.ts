// @vitest-environment jsdom
// The language files: Spanish and German have every key of the English file and no other, each keeps the
// placeholders of its English text ({{count}} must stay {{count}}), and each is really translated. The choice is
// remembered and named in <html lang>.
import { afterEach, describe, expect, it } from 'vitest';
import { de } from '../../src/i18n/de';
import { en } from '../../src/i18n/en';
import { enViews } from '../../src/i18n/enViews';
import { es } from '../../src/i18n/es';
import {
  chooseLanguage,
  i18n,
  LANGUAGE_STORAGE_KEY,
  preferredLanguage,
  startLanguage,
} from '../../src/i18n/i18n';
import { count, duration, rate } from '../../src/ui/format';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

/**
 * The experiments' formula symbols, a name with a section sign, and the retarget rules as the engine and the
 * command line spell them (src/core/retarget.ts): the same in every language.
 */
const EXPERIMENT_SYMBOLS = [
  'experimentText.stale-rate.columns.delayOverInterval',
  'experimentText.selfish-mining.columns.theory',
  'experimentText.double-spend.columns.nakamoto',
  'experimentText.double-spend.said.row',
  'experimentText.retarget.cells.rule.bitcoin',
  'experimentText.retarget.cells.rule.lwma',
  'experimentText.retarget.cells.rule.asert',
  'experimentWords.nakamoto',
];

/** Texts that are the same word in that language. */
const SAME_AS_ENGLISH: Record<string, ReadonlySet<string>> = {
  es: new Set([
    'controls.time',
    'settings.ruleTutorial',
    'warmUp.no',
    'lessonReveal.common.no',
    'mempool.title',
    'abandoned.hash',
    ...EXPERIMENT_SYMBOLS,
  ]),
  de: new Set([
    ...EXPERIMENT_SYMBOLS,
    'controls.time',
    'controls.pause',
    'mempool.title',
    'abandoned.block',
    'compare.block',
    'block.title',
    'network.peers',
    'experiments.experiment',
    'fault.at',
  ]),
};

const english = flatten({ ...en, ...enViews });

describe.each([
  ['es', es],
  ['de', de],
])('the %s file', (code, messages) => {
  const other = flatten(messages);

  it('has every key of the English file, and no other', () => {
    expect([...other.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('keeps every placeholder of the English text', () => {
    for (const [key, text] of english)
      expect([key, placeholders(other.get(key) ?? '')]).toEqual([key, placeholders(text)]);
  });

  it('is translated: no text is left in English', () => {
    const same = [...english].filter(
      ([key, text]) => other.get(key) === text && !SAME_AS_ENGLISH[code]?.has(key),
    );
    expect(same).toEqual([]);
  });
});

describe('choosing a language', () => {
  afterEach(async () => {
    localStorage.clear();
    await i18n.changeLanguage('en');
  });

  it('prefers the remembered choice, then the browser’s languages, then English', () => {
    expect(preferredLanguage('de', ['es-MX'])).toBe('de');
    expect(preferredLanguage(null, ['fr-FR', 'es-MX'])).toBe('es');
    expect(preferredLanguage('xx', ['fr-FR'])).toBe('en');
  });

  it('switches the texts, names the page’s language and is remembered for the next visit', async () => {
    // Only English is loaded up front; another language's texts arrive when it is chosen.
    expect(i18n.hasResourceBundle('de', 'translation')).toBe(false);
    await chooseLanguage('de');
    expect(i18n.t('language.label')).toBe('Sprache');
    expect(document.documentElement.lang).toBe('de');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('de');
    await i18n.changeLanguage('en');
    await startLanguage();
    expect(i18n.t('language.label')).toBe('Sprache');
  });

  it('writes numbers and plurals the language’s way', async () => {
    await chooseLanguage('de');
    expect(i18n.t('units.blocks', { count: 12345 })).toBe('12.345 Blöcke');
    expect(i18n.t('units.blocks', { count: 1 })).toBe('1 Block');
    expect([count(65536), duration(1.2), rate(2.4e6), duration(3 * 86400)]).toEqual([
      '65.536',
      '1,2 s',
      '2,4 MH/s',
      '3,0 Tage',
    ]);
    await chooseLanguage('es');
    expect([count(65536), duration(1.2)]).toEqual(['65.536', '1,2 s']);
    await chooseLanguage('en');
    expect(i18n.t('units.blocks', { count: 12345 })).toBe('12,345 blocks');
    // English keeps the app's own spelling: a thin space between thousands.
    expect([count(65536), duration(1.2), rate(2.4e6), duration(3 * 86400)]).toEqual([
      '65\u202f536',
      '1.2 s',
      '2.4 MH/s',
      '3.0 days',
    ]);
  });
});
