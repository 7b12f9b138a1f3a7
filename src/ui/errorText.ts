// A Failure (src/core/errors.ts) in the reader's language. The engine words its failures in English, some with
// the code's generic sentence, most with a specific one. In English the specific sentence is shown as it is. In
// another language the code's generic sentence is shown, translated, and the specific English is kept beside it
// only when it carries facts a student needs (a limit, a line, a block number, a time: it has a number outside a
// node's address); a chain fault is worded in full (faultText.ts).
import type { ParseKeys, TFunction } from 'i18next';
import { ERROR_CODES, type Failure } from '../core/errors';
import type { ChainFault } from '../core/validate';
import { i18n } from '../i18n/i18n';
import { faultText } from './faultText';

type T = TFunction<'translation', undefined>;

export interface ShownError {
  /** What to show, in the reader's language. */
  readonly text: string;
  /** The engine's specific English, when it says more than `text` and `text` is not English. */
  readonly detail: string | null;
}

/** Node addresses (alice:5000, 127.0.0.1:5001) hold digits that are names, not facts. */
const hasFacts = (message: string) => /\d/.test(message.replace(/\S*:\d+\S*/g, ''));

export function errorText(t: T, error: Failure): ShownError {
  if ((error as ChainFault).detail) return { text: faultText(t, error as ChainFault), detail: null };
  const generic = ERROR_CODES[error.code];
  if (i18n.language === 'en' && error.message !== generic) return { text: error.message, detail: null };
  // E_USAGE (the command line's) has no entry: its English is the fallback.
  const text = t(`errors.${error.code}` as ParseKeys, { defaultValue: generic });
  return { text, detail: error.message !== generic && hasFacts(error.message) ? error.message : null };
}
