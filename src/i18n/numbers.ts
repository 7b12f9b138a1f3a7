// Numbers as the reader's language writes them: "1.5" and "65 536" in English, "1,5" and "65.536" in German.
// English keeps the app's own spelling (a thin space between thousands), byte for byte what it always showed.
import { i18n } from './i18n';
import { numberFormat as format } from './numberFormat';

const english = () => !i18n.language || i18n.language.startsWith('en');

/** `x` with exactly `digits` decimals. */
export function fixed(x: number, digits: number): string {
  if (english()) return x.toFixed(digits);
  return format(i18n.language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(x);
}

/** A whole number with the language's thousands separator. */
export function whole(n: number): string {
  const r = Math.round(n);
  if (english()) return format('en-US', {}).format(r).replace(/,/g, '\u202f');
  return format(i18n.language, { maximumFractionDigits: 0 }).format(r);
}
