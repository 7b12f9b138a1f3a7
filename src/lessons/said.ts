// A reveal's sentence as data: the key of its English template (src/i18n/lessons/en.ts) and the run's values.
// The command line prints it in English (english below); the page translates the same key and values in the
// reader's language (src/ui/lessonText.ts). Names, hashes, codes and transactions are values, never translated.
import { lessonsEn } from '../i18n/lessons/en';

type Catalog = typeof lessonsEn.lessonReveal;

type Unplural<K extends string> = K extends `${infer B}_one` | `${infer B}_other` ? B : K;

/** "tampering.detected", "common.blocks": a template's path under lessonReveal, without the plural suffix. */
export type SaidKey = {
  [L in keyof Catalog & string]: `${L}.${Unplural<keyof Catalog[L] & string>}`;
}[keyof Catalog & string];

/** A fraction shown as a percentage with one decimal (two below 1 %), as the Bitcoin paper's table does. */
export interface Percent {
  readonly percent: number;
}

/** Several values in a row: joined by a comma or a semicolon, or as a list of names ("Alice and Bob"). */
export interface List {
  readonly items: readonly (string | Said)[];
  readonly join: ', ' | '; ' | 'and';
}

export type Value = string | number | Said | List | Percent;

export interface Said {
  readonly key: SaidKey;
  /** `count` picks the plural form (_one, _other). */
  readonly values: { readonly [name: string]: Value };
}

export const said = (key: SaidKey, values: Said['values'] = {}): Said => ({ key, values });

/** A yes or a no, in the reader's language on the page. */
export const yesNo = (b: boolean): Said => said(b ? 'common.yes' : 'common.no');

/** A node id as people know it: "alice" → "Alice" (the same spelling as the page's nodeName). */
export const person = (id: string): string => id.charAt(0).toUpperCase() + id.slice(1);

export const isSaid = (v: Value): v is Said => typeof v === 'object' && 'key' in v;
export const isList = (v: Value): v is List => typeof v === 'object' && 'items' in v;

/** The Bitcoin paper's precision: 0.1 % steps, 0.01 % below 1 %. */
export const percentDigits = (fraction: number): number => (fraction < 0.01 ? 2 : 1);

/** The English template of `key` for `count` (i18next's plural suffixes, English rules). */
export function englishTemplate(key: SaidKey, count?: number): string {
  const [lesson, id] = key.split('.') as [keyof Catalog, string];
  const texts = lessonsEn.lessonReveal[lesson] as Record<string, string>;
  const form = count === undefined ? undefined : new Intl.PluralRules('en').select(count);
  return texts[`${id}_${form}`] ?? texts[`${id}_other`] ?? (texts[id] as string);
}

function plain(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (isSaid(v)) return english(v);
  if (isList(v)) {
    const items = v.items.map((i) => (typeof i === 'string' ? i : english(i)));
    return v.join === 'and'
      ? new Intl.ListFormat('en', { type: 'conjunction' }).format(items)
      : items.join(v.join);
  }
  return `${(v.percent * 100).toFixed(percentDigits(v.percent))} %`;
}

/** The sentence in English, numbers as plain digits: what the command line prints. */
export function english(s: Said): string {
  const count = s.values.count;
  return englishTemplate(s.key, typeof count === 'number' ? count : undefined).replace(
    /\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g,
    (_, name: string) => {
      const v = s.values[name];
      if (v === undefined) throw new Error(`${s.key}: no value for {{${name}}}`);
      return plain(v);
    },
  );
}
