// The Experiments panel's list fields ("α values: 0.1, 0.3") in the reader's own way of writing numbers. Where
// the decimal sign is a comma (Spanish, German: 0,1), a comma cannot also separate the items, so there the
// items are separated by semicolons ("0,1; 0,3"). A comma followed by a space separates items in every
// language, so a list typed the English way still reads the same after switching language.

/** Whether the language writes 0.5 as "0,5" (Intl knows; 'en' → false, 'de' and 'es' → true). */
export function usesDecimalComma(language: string): boolean {
  return new Intl.NumberFormat(language).format(0.5).includes(',');
}

/**
 * Numbers for a list field's text, written with a decimal comma or not (the language it was typed in); a
 * semicolon anywhere means decimal commas whatever the language, so "0,1; 0,3" reads the same in English. A word
 * or an empty item becomes NaN, which specProblem refuses.
 */
export function parseNumberList(text: string, decimalComma: boolean): number[] {
  const semicolons = text.includes(';');
  const comma = semicolons || decimalComma;
  const items = semicolons ? text.split(';') : decimalComma ? text.split(/,\s+/) : text.split(',');
  return items.map((item) => {
    const plain = comma ? item.trim().replace(',', '.') : item.trim();
    return plain === '' || plain.includes(',') ? NaN : Number(plain);
  });
}

/** A list field's default text: "0.1, 0.3" in English, "0,1; 0,3" in German. */
export function formatNumberList(values: readonly number[], decimalComma: boolean): string {
  return decimalComma ? values.map((v) => String(v).replace('.', ',')).join('; ') : values.join(', ');
}
