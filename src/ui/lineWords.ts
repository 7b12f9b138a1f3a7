// A resolve line's words in the reader's language, as the consensus log shows them. With every node mining about
// fifteen resolves come in a second, each with a line per peer, and most lines say word for word what a line of
// another entry said a moment before (the same peer, verdict and lengths): translating each one again was the
// page's largest script cost. The words are kept per line content and language.
import { i18n } from '../i18n/i18n';
import type { ResolveLine } from '../sim/events';
import { blocks } from './format';
import { outcomeText, reason } from './outcomeText';

type T = Parameters<typeof outcomeText>[0];

export interface LineWords {
  /** "Adopted", "Not better", … */
  readonly verdict: string;
  /** "3 blocks vs our 2", or that the peer gave no chain. */
  readonly size: string;
  /** Why, without what the line shows in front of it. */
  readonly text: string;
}

const VERDICT_WORD: Record<ResolveLine['verdict'], string> = {
  adopted: 'adopted',
  'not-better': 'notBetter',
  outbid: 'outbid',
  invalid: 'invalid',
  unavailable: 'unavailable',
};

/** Enough for every line of the entries shown; past it the oldest words go. */
const KEEP = 500;
const cache = new Map<string, LineWords>();
// Texts added later (a view's, a language's) may change words already kept.
i18n.on('added', () => cache.clear());

export function lineWords(t: T, line: ResolveLine, ownLength: number): LineWords {
  const key = `${i18n.language}\u0000${ownLength}\u0000${JSON.stringify(line)}`;
  let words = cache.get(key);
  if (words) return words;
  words = {
    verdict: t(`resolve.verdict.${VERDICT_WORD[line.verdict] as 'adopted'}`),
    size:
      line.length === null
        ? t('resolve.noChain')
        : t('resolve.size', { blocks: blocks(line.length), own: ownLength }),
    text: outcomeText(t, line) ?? reason(line),
  };
  cache.set(key, words);
  if (cache.size > KEEP) cache.delete(cache.keys().next().value as string);
  return words;
}
