// One line of a student's node log in the reader's language: the facts src/classroom/nodeLog.ts keeps, worded
// here. A peer's resolve line is said as the consensus log says it (src/ui/outcomeText.ts), failures as the
// app's notices say them (src/ui/FailureText.tsx); names, hashes, amounts and the tutorial's answers are data.
import { Fragment } from 'react';
import type { LogLine, NamedResolveLine } from '../../classroom/nodeLog';
import { useText } from '../../i18n/useText';
import { FailureText } from '../FailureText';
import { blocks } from '../format';
import { outcomeText, reason } from '../outcomeText';
import { ProblemText } from './ProblemText';

function PeerLine({ named }: { named: NamedResolveLine }) {
  const { t } = useText();
  const { name, line } = named;
  return (
    <>
      {' '}
      {name}: {outcomeText(t, line) ?? reason(line)}
      {line.code && (
        <>
          {' '}
          <code>{line.code}</code>
        </>
      )}
    </>
  );
}

export function LogText({ line }: { line: LogLine }) {
  const { t } = useText();
  const f = line.facts;
  switch (f.kind) {
    case 'mined':
      return <>{t('classroom.log.mined', { index: f.index, hash: f.hash, count: f.attempts })}</>;
    case 'replaced':
      return (
        <>
          {t('classroom.log.replaced', { who: f.who, blocks: blocks(f.length) })}
          {f.dropped > 0 && <> {t('classroom.log.dropped', { count: f.dropped, fork: f.forkPoint })}</>}
        </>
      );
    case 'resolve':
      return (
        <>
          {t(f.replaced ? 'classroom.log.resolveReplaced' : 'classroom.log.resolveKept', {
            message: f.message,
          })}
          {f.lines.map((l) => (
            <PeerLine key={l.line.peer} named={l} />
          ))}
        </>
      );
    case 'tx-refused':
      return (
        <>
          {t('classroom.log.txRefused')}
          {f.error && (
            <>
              {' '}
              <ProblemText error={f.error} />
            </>
          )}
        </>
      );
    case 'tx':
      return (
        <>
          {t('classroom.log.tx', {
            sender: f.sender,
            recipient: f.recipient,
            amount: f.amount,
            index: f.blockIndex,
          })}
        </>
      );
    case 'peers':
      return (
        <>
          {f.added.length > 0 && t('classroom.log.registered', { names: f.added.join(', ') })}
          {f.rejected.map((r, i) => (
            <Fragment key={`${r.url}-${i}`}>
              {' '}
              {t('classroom.log.notRegistered', { url: r.url })} <FailureText error={r.error} />
            </Fragment>
          ))}
        </>
      );
    case 'restored':
      return <>{t('classroom.log.restored', { blocks: blocks(f.length) })}</>;
    case 'not-restored':
      return (
        <>
          {t('classroom.log.notRestored')} <FailureText error={f.error} />
        </>
      );
    case 'difficulty':
      return <>{t('classroom.log.difficulty', { n: f.difficulty })}</>;
    case 'error':
      return <ProblemText error={f.error} />;
  }
}
