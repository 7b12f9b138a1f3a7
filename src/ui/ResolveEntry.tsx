// One resolve in the consensus log: who asked whom, the lengths compared, the outcome in the tutorial's words,
// and for every other chain why it lost (the sentences come from core/consensus.ts describeOutcome).
import type { ResolveLine } from '../sim/events';
import type { ResolveEvent } from '../store/appStore';
import { duration, nodeName } from './format';
import { ICON } from './icons';
import { peerName } from './peerName';

export const TRIGGER_TEXT: Record<ResolveEvent['trigger'], string> = {
  manual: 'manual',
  periodic: 'periodic',
  announce: 'after an announce',
  final: 'final',
};

const VERDICT: Record<ResolveLine['verdict'], { icon: string; word: string }> = {
  adopted: { icon: ICON.ok, word: 'Adopted' },
  'not-better': { icon: '=', word: 'Not better' },
  outbid: { icon: '↷', word: 'Beaten' },
  invalid: { icon: ICON.bad, word: 'Invalid' },
  unavailable: { icon: '⊘', word: 'No answer' },
};

export function blocks(n: number): string {
  return n === 1 ? '1 block' : `${n} blocks`;
}

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The one sentence a screen reader hears, and the first line of the entry. */
export function resolveSummary(r: ResolveEvent): string {
  const who = nodeName(r.node);
  if (!r.adoptedFrom) return `${who}: ${r.message}.`;
  const won = r.lines.find((l) => l.verdict === 'adopted');
  const size = won?.length != null ? ` (${blocks(won.length)}, ours had ${r.ownLength})` : '';
  return `${who}: ${r.message} by ${peerName(r.adoptedFrom)}'s chain${size}.`;
}

/**
 * describeOutcome's sentence without what the entry already shows in front of it: the peer's address, the
 * verdict word ("adopted —") and the trailing rule code, so each fact is read once.
 */
export function reason(line: ResolveLine): string {
  let text = line.text;
  if (text.startsWith(`${line.peer}: `)) text = text.slice(line.peer.length + 2);
  text = text.replace(/^(adopted|kept out|rejected|no answer) — /, '');
  if (line.code && text.endsWith(` (${line.code})`)) text = text.slice(0, -line.code.length - 3);
  return text;
}

function Line({ line, ownLength }: { line: ResolveLine; ownLength: number }) {
  const v = VERDICT[line.verdict];
  const text = reason(line);
  return (
    <li className={`verdict verdict-${line.verdict}`}>
      <span className="verdict-word">
        <span aria-hidden="true">{v.icon} </span>
        {v.word}
      </span>{' '}
      <strong>{peerName(line.peer)}</strong>{' '}
      <span className="verdict-size">
        {line.length === null ? 'no chain' : `${blocks(line.length)} vs our ${ownLength}`}
      </span>
      <span className="verdict-text"> — {text}</span>
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

export function ResolveEntry({ event: r }: { event: ResolveEvent }) {
  const replaced = r.adoptedFrom !== null;
  const asked = r.lines.map((l) => peerName(l.peer));
  const details = (
    <>
      {routine(r) && <summary>Why nothing changed</summary>}
      <p className="resolve-asked">
        {nodeName(r.node)} ({blocks(r.ownLength)}) asked {list(asked)} for their chains (GET /chain):
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
        <span className="tag" title="What started this resolve">
          {TRIGGER_TEXT[r.trigger]}
        </span>{' '}
        <span className="muted resolve-time">t = {duration(r.at)}</span>
      </p>
      {r.note && (
        <p className="resolve-note" role="note">
          <span aria-hidden="true">{ICON.warn} </span>
          <strong>{r.note}</strong>
          {r.lines.length === 0 && (
            <> Register the other nodes as peers first (POST /nodes/register), then resolve again.</>
          )}
        </p>
      )}
      {asked.length > 0 && (routine(r) ? <details>{details}</details> : details)}
    </li>
  );
}
