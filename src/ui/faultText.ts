// A chain fault in the reader's language: the core words it in English for the command line (src/core/validate.ts)
// and hands its sentence's id and facts along as data; the page words it here. A fault without them (made
// before they existed, or by hand) shows its English.
import type { ParseKeys, TFunction } from 'i18next';
import type { ChainFault } from '../core/validate';

type T = TFunction<'translation', undefined>;

export function faultText(t: T, fault: ChainFault): string {
  const d = fault.detail;
  if (!d) return fault.message;
  // Plural forms follow `count` (i18next): the leading zeros and the rewards are counted things.
  const count =
    d.id === 'powZeros' || d.id === 'powZeroBits'
      ? d.values.zeros
      : d.id === 'rewardCount'
        ? d.values.count
        : undefined;
  const sentence = t(`fault.${d.id}` as ParseKeys, { ...d.values, count, defaultValue: '' });
  if (!sentence) return fault.message;
  return t('fault.at', { n: fault.blockNumber, sentence });
}
