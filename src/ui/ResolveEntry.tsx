// One resolve in the consensus log: who asked whom, the lengths compared, the outcome in the tutorial's words,
// and for every other chain why it lost (the facts of core/consensus.ts describeOutcome, in the reader's language:
// outcomeText.ts, kept per line by lineWords.ts; a line saved before the facts existed shows describeOutcome's
// English).
import { useState, type ReactNode } from 'react';
import { i18n } from '../i18n/i18n';
import { useText } from '../i18n/useText';
import type { ResolveLine } from '../sim/events';
import { NO_PEERS_NOTE } from '../sim/resolveLog';
import type { ResolveEvent } from '../store/appStore';
import { blocks, duration, nodeName } from './format';
import { ICON } from './icons';
import { lineWords } from './lineWords';
import { peerName } from './peerName';

const ICONS: Record<ResolveLine['verdict'], string> = {
  adopted: ICON.ok,
  'not-better': '=',
  outbid: '↷',
  invalid: ICON.bad,
  unavailable: '⊘',
};

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return i18n.t('resolve.and', { rest: names.slice(0, -1).join(', '), last: names[names.length - 1] });
}

/** The one sentence a screen reader hears, and the first line of the entry. */
export function resolveSummary(r: ResolveEvent): string {
  const who = nodeName(r.node);
  // The tutorial's word, kept as it answers, glossed for a class (docs/protocol.md "Fork choice").
  if (!r.adoptedFrom && r.message === 'Our chain is authoritative')
    return i18n.t('resolve.authoritative', { who, message: r.message });
  if (!r.adoptedFrom) return i18n.t('resolve.kept', { who, message: r.message });
  const won = r.lines.find((l) => l.verdict === 'adopted');
  const peer = peerName(r.adoptedFrom);
  return won?.length != null
    ? i18n.t('resolve.replacedSize', {
        who,
        message: r.message,
        peer,
        blocks: blocks(won.length),
        own: r.ownLength,
      })
    : i18n.t('resolve.replaced', { who, message: r.message, peer });
}

function Line({ line, ownLength }: { line: ResolveLine; ownLength: number }) {
  const { t } = useText();
  const words = lineWords(t, line, ownLength);
  return (
    <li className={`verdict verdict-${line.verdict}`}>
      <span className="verdict-word">
        <span aria-hidden="true">{ICONS[line.verdict]} </span>
        {words.verdict}
      </span>{' '}
      <strong>{peerName(line.peer)}</strong> <span className="verdict-size">{words.size}</span>
      <span className="verdict-text"> — {words.text}</span>
      {line.code && (
        <>
          {' '}
          <code className="verdict-code">{line.code}</code>
        </>
      )}
    </li>
  );
}

/**
 * An automatic resolve where every peer simply had no better chain: with on-announce or periodic resolves
 * these come in bursts, so their details start folded and the ones that matter stand out.
 */
function routine(r: ResolveEvent): boolean {
  return (
    r.trigger !== 'manual' && !r.adoptedFrom && !r.note && r.lines.every((l) => l.verdict === 'not-better')
  );
}

/**
 * A routine resolve's details, worked out the first time they are opened: such resolves come in bursts with every
 * node mining (a line per peer each) and are seldom opened.
 */
function Folded({ summary, children }: { summary: string; children: () => ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened && children()}
    </details>
  );
}

export function ResolveEntry({ event: r }: { event: ResolveEvent }) {
  const { t } = useText();
  const replaced = r.adoptedFrom !== null;
  const details = () => (
    <>
      <p className="resolve-asked">
        {t('resolve.asked', {
          who: nodeName(r.node),
          blocks: blocks(r.ownLength),
          peers: list(r.lines.map((l) => peerName(l.peer))),
        })}
      </p>
      <ul className="resolve-lines">
        {r.lines.map((l) => (
          <Line key={l.peer} line={l} ownLength={r.ownLength} />
        ))}
      </ul>
    </>
  );
  return (
    <li className={replaced ? 'resolve resolve-replaced' : 'resolve resolve-kept'}>
      <p className="resolve-summary">
        <span aria-hidden="true" className="resolve-icon">
          {replaced ? '⇄' : ICON.ok}
        </span>{' '}
        <span>{resolveSummary(r)}</span>{' '}
        <span className="tag" title={t('resolve.triggerTitle')}>
          {t(`resolve.trigger.${r.trigger}`)}
        </span>{' '}
        <span className="muted resolve-time">t = {duration(r.at)}</span>
      </p>
      {r.note && (
        <p className="resolve-note" role="note">
          <span aria-hidden="true">{ICON.warn} </span>
          <strong>{r.note === NO_PEERS_NOTE ? t('outcome.noPeers') : r.note}</strong>
          {r.lines.length === 0 && <> {t('resolve.registerFirst')}</>}
        </p>
      )}
      {r.lines.length > 0 &&
        (routine(r) ? <Folded summary={t('resolve.whyNothing')}>{details}</Folded> : details())}
    </li>
  );
}
