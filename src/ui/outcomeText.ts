// Why a peer's chain won or lost, in the reader's language: the facts core/consensus.ts describeOutcome words in
// English (ResolveLine.facts, src/sim/events.ts), said here without what the entry shows in front of it (the
// peer, the verdict word, the rule code). Null for a line saved before the facts existed: the caller shows its
// English (reason).
import type { TFunction } from 'i18next';
import type { ResolveLine } from '../sim/events';
import { errorText } from './errorText';
import { faultText } from './faultText';
import { blocks } from './format';
import { peerName } from './peerName';

type T = TFunction<'translation', undefined>;

/** Other nodes named in an engine sentence ("alice:5000 did not answer") read as people know them: "Alice". */
export const withNames = (text: string) =>
  text.replace(/\b[a-z][a-z0-9]*:5000\b/g, (netloc) => peerName(netloc));

/**
 * describeOutcome's sentence without what the entry already shows in front of it: the peer's address, the
 * verdict word ("adopted —") and the trailing rule code, so each fact is read once.
 */
export function reason(line: ResolveLine): string {
  let text = line.text;
  if (text.startsWith(`${line.peer}: `)) text = text.slice(line.peer.length + 2);
  text = text.replace(/^(adopted|kept out|rejected|no answer) — /, '');
  if (line.code && text.endsWith(` (${line.code})`)) text = text.slice(0, -line.code.length - 3);
  // Other nodes named in the sentence ("less than alice:5000's chain") read as people know them: "Alice".
  return withNames(text);
}

export function outcomeText(t: T, line: ResolveLine): string | null {
  const facts = line.facts;
  if (!facts) return null;
  const v = facts.verdict;
  const size =
    facts.forkChoice === 'most-work'
      ? t('outcome.work', { work: facts.work ?? 0 })
      : blocks(line.length ?? 0);
  switch (v.kind) {
    case 'adopted':
      return t('outcome.adopted', { size });
    case 'not-better': {
      const than =
        v.than === 'ours' ? t('outcome.ourChain') : t('outcome.peerChain', { name: peerName(v.than) });
      const rule = t(facts.forkChoice === 'most-work' ? 'outcome.ruleWork' : 'outcome.ruleLongest');
      return t(v.equal ? 'outcome.equal' : 'outcome.less', { size, than, rule });
    }
    case 'outbid':
      return t('outcome.outbid', { by: peerName(v.by) });
    case 'invalid':
      return t('outcome.invalid', { size, fault: faultText(t, v.fault) });
    case 'unavailable':
      // The line already names the peer and shows the code: the sentence alone, without an English aside.
      return withNames(errorText(t, v.error).text);
  }
}
