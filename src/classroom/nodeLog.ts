// What a student reads about their own node: the engine's events (src/sim/events.ts) as short sentences, the
// lesson first — a block of theirs that lost the race to a neighbour's says so. Each line keeps its facts as
// plain data (the page words them in the reader's language, src/ui/classroom/LogText.tsx) and an English
// sentence for tests and logs.
import type { Failure } from '../core/errors';
import type { ResolveLine, SimEvent } from '../sim/events';

/** A peer's resolve line with the name the class knows it by (its address when the roster has none). */
export interface NamedResolveLine {
  readonly name: string;
  readonly line: ResolveLine;
}

export type LogFacts =
  | { readonly kind: 'mined'; readonly index: number; readonly hash: string; readonly attempts: number }
  | {
      readonly kind: 'replaced';
      readonly who: string;
      readonly length: number;
      readonly dropped: number;
      readonly forkPoint: number;
    }
  | {
      readonly kind: 'resolve';
      /** The tutorial's own answer ("Our chain was replaced"), kept as the node sent it. */
      readonly message: string;
      readonly replaced: boolean;
      /** The peers worth a sentence: an invalid chain, or (when the student asked) no answer. */
      readonly lines: readonly NamedResolveLine[];
    }
  | { readonly kind: 'tx-refused'; readonly error: Failure | null }
  | {
      readonly kind: 'tx';
      readonly sender: string;
      readonly recipient: string;
      /** As the transaction holds it (any JSON in the tutorial's node): protocol data, shown as it is. */
      readonly amount: string;
      readonly blockIndex: number;
    }
  | {
      readonly kind: 'peers';
      readonly added: readonly string[];
      readonly rejected: readonly { readonly url: string; readonly error: Failure }[];
    }
  | { readonly kind: 'restored'; readonly length: number }
  | { readonly kind: 'not-restored'; readonly error: Failure }
  | { readonly kind: 'difficulty'; readonly difficulty: number }
  | { readonly kind: 'error'; readonly error: Failure };

export interface LogLine {
  readonly id: number;
  /** The sentence in English (the page words `facts` in the reader's language). */
  readonly text: string;
  readonly tone: 'mined' | 'lost' | 'adopted' | 'info' | 'problem';
  readonly facts: LogFacts;
}

const short = (hash: string) => `${hash.slice(0, 8)}…`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The line for a saved chain that could not be restored (src/classroom/classNode.ts start). */
export function notRestoredLine(error: Failure): Omit<LogLine, 'id'> {
  return {
    text: `The chain this browser kept could not be restored: ${error.message}`,
    tone: 'problem',
    facts: { kind: 'not-restored', error },
  };
}

/** The sentence for one event of node `me`, or null for what a student need not read (every message …). */
export function lineOf(
  ev: SimEvent,
  me: string,
  nameOf: (address: string) => string,
): Omit<LogLine, 'id'> | null {
  if ('node' in ev && ev.node !== undefined && ev.node !== me) return null;
  switch (ev.type) {
    case 'block-mined':
      return {
        text: `You mined block ${ev.index} (${short(ev.hash)}) after ${ev.attempts.toLocaleString('en')} ${ev.attempts === 1 ? 'attempt' : 'attempts'}.`,
        tone: 'mined',
        facts: { kind: 'mined', index: ev.index, hash: short(ev.hash), attempts: ev.attempts },
      };
    case 'chain-replaced': {
      const who = nameOf(ev.from);
      const lost =
        ev.droppedBlocks > 0
          ? ` Your ${plural(ev.droppedBlocks, 'block')} after block ${ev.forkPoint} lost the race and ` +
            `${ev.droppedBlocks === 1 ? 'was' : 'were'} dropped.`
          : '';
      return {
        text: `Our chain was replaced by ${who}'s: ${plural(ev.newLength, 'block')} now.${lost}`,
        tone: ev.droppedBlocks > 0 ? 'lost' : 'adopted',
        facts: {
          kind: 'replaced',
          who,
          length: ev.newLength,
          dropped: ev.droppedBlocks,
          forkPoint: ev.forkPoint,
        },
      };
    }
    case 'resolve': {
      const invalid = ev.lines.filter((l) => l.verdict === 'invalid');
      if (ev.trigger !== 'manual' && invalid.length === 0) return null;
      const shown = [
        ...invalid,
        ...(ev.trigger === 'manual' ? ev.lines.filter((l) => l.verdict === 'unavailable') : []),
      ].map((line) => ({ name: nameOf(line.peer), line }));
      const extra = shown.map((l) => ` ${l.name}: ${l.line.text}`).join('');
      return {
        text: `Resolve: ${ev.message}.${extra}`,
        tone: invalid.length > 0 ? 'problem' : 'info',
        facts: { kind: 'resolve', message: ev.message, replaced: ev.adoptedFrom !== null, lines: shown },
      };
    }
    case 'transaction':
      if (!ev.accepted)
        return {
          text: `Transaction refused: ${ev.error?.message ?? ''}`,
          tone: 'problem',
          facts: { kind: 'tx-refused', error: ev.error ?? null },
        };
      return ev.tx
        ? {
            text: `Transaction ${String(ev.tx.sender)} → ${String(ev.tx.recipient)} (${String(ev.tx.amount)}) will be in block ${ev.blockIndex}.`,
            tone: 'info',
            facts: {
              kind: 'tx',
              sender: String(ev.tx.sender),
              recipient: String(ev.tx.recipient),
              amount: String(ev.tx.amount),
              blockIndex: ev.blockIndex ?? 0,
            },
          }
        : null;
    case 'peers': {
      const added = ev.added.map(nameOf);
      const rejected = ev.rejected.map((r) => ({ url: r.url.slice(0, 60), error: r.error }));
      const parts: string[] = [];
      if (added.length > 0) parts.push(`Registered ${added.join(', ')}.`);
      for (const r of rejected) parts.push(`Not registered ${r.url}: ${r.error.message}`);
      return parts.length
        ? {
            text: parts.join(' '),
            tone: rejected.length ? 'problem' : 'info',
            facts: { kind: 'peers', added, rejected },
          }
        : null;
    }
    case 'chain-loaded':
      return {
        text: `Your chain of ${plural(ev.length, 'block')} is back from this browser's storage.`,
        tone: 'info',
        facts: { kind: 'restored', length: ev.length },
      };
    case 'settings':
      return ev.changed.includes('pow.difficulty')
        ? {
            text: `The class difficulty is now ${ev.params.pow.difficulty}.`,
            tone: 'info',
            facts: { kind: 'difficulty', difficulty: ev.params.pow.difficulty },
          }
        : null;
    case 'error':
      return {
        text: `${ev.error.code}: ${ev.error.message}`,
        tone: 'problem',
        facts: { kind: 'error', error: ev.error },
      };
    default:
      return null;
  }
}
