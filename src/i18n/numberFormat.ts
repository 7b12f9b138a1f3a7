// The {{n, number}} format with a bounded cache. i18next's own caches one Intl.NumberFormat per language and per
// *all* the options of the t() call, the other interpolated values included: the timeline's "moment {{moment,
// number}} of {{end, number}}, t = {{time}}" made a new formatter (and its ICU data) at every update, about 500 a
// minute kept for the life of the page with every node mining (issue 17). Here the key is the language and the
// options Intl.NumberFormat reads, so there are a handful per language.
import type { i18n as I18n } from 'i18next';

/** The options of Intl.NumberFormat a format string may set ("{{n, number(maximumFractionDigits: 1)}}"). */
const NUMBER_OPTIONS = [
  'compactDisplay',
  'currency',
  'currencyDisplay',
  'currencySign',
  'localeMatcher',
  'maximumFractionDigits',
  'maximumSignificantDigits',
  'minimumFractionDigits',
  'minimumIntegerDigits',
  'minimumSignificantDigits',
  'notation',
  'numberingSystem',
  'roundingMode',
  'roundingPriority',
  'signDisplay',
  'style',
  'unit',
  'unitDisplay',
  'useGrouping',
] as const;

const formats = new Map<string, Intl.NumberFormat>();

/** How many formatters are kept (for the tests). */
export const cachedNumberFormats = (): number => formats.size;

/** The formatter for `lng` and the number options among `options` (the rest are the t() call's values). */
export function numberFormat(lng: string | undefined, options: Record<string, unknown>): Intl.NumberFormat {
  const picked: Record<string, unknown> = {};
  for (const k of NUMBER_OPTIONS) if (options[k] !== undefined) picked[k] = options[k];
  const key = `${lng ?? ''}|${JSON.stringify(picked)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lng, picked as Intl.NumberFormatOptions);
    formats.set(key, f);
  }
  return f;
}

/** Use numberFormat for i18next's "number" format. */
export function installNumberFormat(i18n: I18n): void {
  i18n.services.formatter?.add('number', (value, lng, options) =>
    numberFormat(lng, (options ?? {}) as Record<string, unknown>).format(value as number),
  );
}
