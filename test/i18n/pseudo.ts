// The pseudo-locale for tests: every translation wrapped in ⟦…⟧ (src/i18n/i18n.ts), and a reader of the page
// that lists the texts shown to people that did not come through the translation layer.
import { i18n, pseudoMessages, PSEUDO_CLOSE, PSEUDO_OPEN } from '../../src/i18n/i18n';

export const PSEUDO = 'en-XA';

export async function usePseudoLocale(): Promise<void> {
  if (!i18n.hasResourceBundle(PSEUDO, 'translation'))
    i18n.addResourceBundle(PSEUDO, 'translation', await pseudoMessages());
  await i18n.changeLanguage(PSEUDO);
}

/** People's names as the app spells them, and the languages' own names in the Language select. */
const NAMES = new Set([
  'Alice',
  'Bob',
  'Carol',
  'Dave',
  'Erin',
  'Frank',
  'Grace',
  'Heidi',
  'Chainlab',
  'English',
  'Español',
  'Deutsch',
  'Aa', // the presenter-mode icon (src/ui/icons.ts)
  // as the protocol spells them in transactions and node ids
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
]);

/** SI unit symbols, written the same in every language here. */
const UNITS = new Set(['s', 'ms', 'min', 'h', 'H/s', 'kH/s', 'MH/s', 'GH/s']);

/**
 * Words exempt by rule: no letters at all (numbers, icons, punctuation), hashes and their short forms
 * ("000a1b…9f3e"), names, unit symbols, and protocol text that stays byte-exact (methods, paths such as
 * /nodes/resolve, addresses such as http://127.0.0.1:5001). Everything else a person can read must carry the markers.
 */
export function exempt(word: string): boolean {
  if (!/\p{L}/u.test(word)) return true;
  if (/^\p{L}$/u.test(word)) return true; // a variable of a formula: x, y, t
  if (/^(0x)?[0-9a-f]{4,}(…[0-9a-f]*)?$/i.test(word)) return true;
  if (/^(GET|POST)$/.test(word) || /^\/[\w/.:-]*$/.test(word)) return true;
  if (/^https?:?\/\/[\w/.:-]+$/.test(word)) return true; // an address: http://127.0.0.1:5001 (punctuation stripped)
  return NAMES.has(word) || UNITS.has(word);
}

const translated = (text: string) => text.startsWith(PSEUDO_OPEN) && text.endsWith(PSEUDO_CLOSE);

/** A translation whose values are translations nests: "⟦⟦bitcoin⟧ is back…⟧". Strip from the inside out. */
function stripWrapped(text: string): string {
  const once = (x: string) => x.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  let out = text;
  while (once(out) !== out) out = once(out);
  return out;
}

/** Translated texts can be split by JSX ("⟦Mine⟧ on ⟦…⟧"): strip the wrapped parts, judge what is left. */
export function untranslatedPart(text: string): string {
  if (translated(text.trim())) return '';
  return stripWrapped(text)
    .split(/\s+/)
    .filter((w) => w !== '' && !exempt(w.replace(/[.,:;!?()«»"“”'’]/g, '')))
    .join(' ');
}

const LANDMARK =
  'section[aria-label], section[aria-labelledby], [role="region"], nav[aria-label], [role="tablist"], header, [role="tabpanel"], [role="dialog"]';

/** The name of the panel a node sits in, without markers: where an untranslated text was found. */
function landmarkOf(el: Element): string {
  const mark = el.closest(LANDMARK);
  if (!mark) return 'page';
  const labelledBy = mark.getAttribute('aria-labelledby');
  const name =
    mark.getAttribute('aria-label') ??
    (labelledBy ? document.getElementById(labelledBy.split(' ')[0] as string)?.textContent : null) ??
    mark.tagName.toLowerCase();
  return name.replace(/[⟦⟧]/g, '').trim();
}

/**
 * A translation with markup (react-i18next's <Trans>: "⟦pick <var>x</var>, then…⟧") becomes several text nodes;
 * a piece is translated when, in the text of an enclosing element, it sits between an opening and a closing
 * marker.
 */
function insideMarkers(node: Node): boolean {
  let el = node.parentElement;
  for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
    let before = '';
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && n !== node; n = walker.nextNode()) before += n.textContent ?? '';
    const own = (node.textContent ?? '').trim();
    const after = (el.textContent ?? '').slice(before.length + (node.textContent ?? '').length);
    const opened =
      own.startsWith(PSEUDO_OPEN) || before.lastIndexOf(PSEUDO_OPEN) > before.lastIndexOf(PSEUDO_CLOSE);
    const close = after.indexOf(PSEUDO_CLOSE);
    const closed =
      own.endsWith(PSEUDO_CLOSE) || (close !== -1 && !after.slice(0, close).includes(PSEUDO_OPEN));
    if (opened && closed) return true;
  }
  return false;
}

const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt'] as const;

/** Every untranslated text under `root`, as "panel → text", texts in attributes included. */
export function untranslatedTexts(root: Element): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (el: Element, text: string) => {
    const rest = untranslatedPart(text);
    if (rest === '') return;
    const where = landmarkOf(el);
    found.set(where, [...(found.get(where) ?? []), text.trim()]);
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    // Code is shown as the program or protocol has it, in every language.
    if (!parent || parent.closest('script, style, code, pre, [hidden], [aria-hidden="true"]')) continue;
    if (insideMarkers(n)) continue;
    add(parent, n.textContent ?? '');
  }
  for (const el of root.querySelectorAll('*'))
    for (const a of ATTRIBUTES) {
      const v = el.getAttribute(a);
      if (v) add(el, v);
    }
  return found;
}
