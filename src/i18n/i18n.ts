// The app's one translation layer: an i18next instance with English bundled (the views' English texts come with
// the views, loadViewTexts) and every other language a chunk of its own, loaded when it is chosen (or at start, before the first render, when it was chosen last time) so the
// first render carries only the English texts; the service worker keeps the chunks for offline use. The language
// is remembered in localStorage and mirrored in <html lang> so screen readers pronounce the page in the right
// language.
//
// One instance for the page, unlike the simulation's factories: the language is a setting of the person at the
// screen, shared by every panel, and react-i18next's hooks read it from here without a provider, so component
// tests render in English with no extra setup.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Messages } from './en';
import { installNumberFormat } from './numberFormat';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'de', name: 'Deutsch' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const LANGUAGE_STORAGE_KEY = 'chainlab.language';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en } }, // the others arrive through loadLanguage
  // React escapes what it renders; escaping here too would show &amp; to students.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
installNumberFormat(i18n);

i18n.on('languageChanged', (code) => {
  if (typeof document !== 'undefined') document.documentElement.lang = code;
});

export function isLanguage(code: string | null | undefined): code is LanguageCode {
  return LANGUAGES.some((l) => l.code === code);
}

/** The remembered choice, else the browser's first language we have, else English. */
export function preferredLanguage(
  stored: string | null,
  browser: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): LanguageCode {
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked (private mode, sandboxed frame): the choice lasts for this page only
  }
}

let viewTexts: Promise<void> | null = null;

/**
 * The English texts of the views (enViews.ts), a chunk loaded with the views' code: App.tsx waits for it before
 * it shows a view, so no view ever shows a key. The first render's frame (top bar, tabs) needs only en.ts.
 */
export function loadViewTexts(): Promise<void> {
  viewTexts ??= import('./enViews').then(({ enViews }) => {
    i18n.addResourceBundle('en', 'translation', enViews, true, false);
  });
  return viewTexts;
}

/** Each language but English as a chunk of its own: only the chosen one is ever downloaded. */
const LOADERS: Record<Exclude<LanguageCode, 'en'>, () => Promise<Messages>> = {
  es: () => import('./es').then((m) => m.es),
  de: () => import('./de').then((m) => m.de),
};

/**
 * Switch every panel to `code` once its texts have loaded, never showing a half-loaded language: until then the
 * page stays in the language it was in.
 */
async function loadLanguage(code: LanguageCode): Promise<void> {
  if (code !== 'en' && !i18n.hasResourceBundle(code, 'translation'))
    i18n.addResourceBundle(code, 'translation', await LOADERS[code]());
  await i18n.changeLanguage(code);
}

/** Switch every panel to `code` (after loading its texts) and remember it for the next visit. */
export function chooseLanguage(code: LanguageCode): Promise<void> {
  storage()?.setItem(LANGUAGE_STORAGE_KEY, code);
  return loadLanguage(code);
}

/**
 * At page start: the language the reader chose last time (main.tsx renders once this settles, so the page
 * never flashes English first). A chunk that fails to load leaves the page in English.
 */
export function startLanguage(): Promise<void> {
  return loadLanguage(preferredLanguage(storage()?.getItem(LANGUAGE_STORAGE_KEY) ?? null)).catch(() =>
    i18n.changeLanguage('en').then(() => undefined),
  );
}

/** Pseudo-locale markers: a text shown to people that lacks them did not come through t(). */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

type Tree = { readonly [key: string]: string | Tree };

function wrapAll(tree: Tree): Tree {
  return Object.fromEntries(
    Object.entries(tree).map(([k, v]) => [
      k,
      typeof v === 'string' ? `${PSEUDO_OPEN}${v}${PSEUDO_CLOSE}` : wrapAll(v),
    ]),
  );
}

/** Every English text wrapped in markers, as the language 'en-XA' (a tag reserved for pseudo-locales). */
export async function pseudoMessages(): Promise<Messages> {
  const { enViews } = await import('./enViews');
  return wrapAll({ ...en, ...enViews }) as Messages;
}
