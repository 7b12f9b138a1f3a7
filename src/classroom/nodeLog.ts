// What a student reads about their own node: the engine's events (src/sim/events.ts) as short sentences, the
// lesson first — a block of theirs that lost the race to a neighbour's says so.
import type { SimEvent } from '../sim/events';

export interface LogLine {
  readonly id: number;
  readonly text: string;
  readonly tone: 'mined' | 'lost' | 'adopted' | 'info' | 'problem';
}

const short = (hash: string) => `${hash.slice(0, 8)}…`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

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
        text: `You mined block ${ev.index} (${short(ev.hash)}) after ${ev.attempts.toLocaleString('en')} attempts.`,
        tone: 'mined',
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
      };
    }
    case 'resolve': {
      const invalid = ev.lines.filter((l) => l.verdict === 'invalid');
      if (ev.trigger !== 'manual' && invalid.length === 0) return null;
      const extra = [
        ...invalid,
        ...(ev.trigger === 'manual' ? ev.lines.filter((l) => l.verdict === 'unavailable') : []),
      ]
        .map((l) => ` ${nameOf(l.peer)}: ${l.text}`)
        .join('');
      return { text: `Resolve: ${ev.message}.${extra}`, tone: invalid.length > 0 ? 'problem' : 'info' };
    }
    case 'transaction':
      if (!ev.accepted) return { text: `Transaction refused: ${ev.error?.message ?? ''}`, tone: 'problem' };
      return ev.tx
        ? {
            text: `Transaction ${String(ev.tx.sender)} → ${String(ev.tx.recipient)} (${String(ev.tx.amount)}) will be in block ${ev.blockIndex}.`,
            tone: 'info',
          }
        : null;
    case 'peers': {
      const parts: string[] = [];
      if (ev.added.length > 0) parts.push(`Registered ${ev.added.map(nameOf).join(', ')}.`);
      for (const r of ev.rejected) parts.push(`Not registered ${r.url.slice(0, 60)}: ${r.error.message}`);
      return parts.length ? { text: parts.join(' '), tone: ev.rejected.length ? 'problem' : 'info' } : null;
    }
    case 'chain-loaded':
      return {
        text: `Your chain of ${plural(ev.length, 'block')} is back from this browser's storage.`,
        tone: 'info',
      };
    case 'settings':
      return ev.changed.includes('pow.difficulty')
        ? { text: `The class difficulty is now ${ev.params.pow.difficulty}.`, tone: 'info' }
        : null;
    case 'error':
      return { text: `${ev.error.code}: ${ev.error.message}`, tone: 'problem' };
    default:
      return null;
  }
}
