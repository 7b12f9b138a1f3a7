// The panels' lists (consensus log, messages, mined blocks, transactions, heights) rebuilt from a run's own
// events up to the moment shown, so dragging the timeline back shows the log and the charts as they were then.
import type { MessageRecord } from '../sim/bus';
import type { SimEvent } from '../sim/events';
import {
  LIMITS,
  type AppState,
  type HeightPoint,
  type MinedEvent,
  type ResolveEvent,
  type TxEvent,
} from './appStore';

type Lists = Pick<AppState, 'resolves' | 'messages' | 'mined' | 'txEvents' | 'heights'>;

/** The last LIMITS of each list among `events` (in order), and the heights chart replayed from them. */
export function listsOf(events: readonly SimEvent[]): Lists {
  const resolves: ResolveEvent[] = [];
  const messages: MessageRecord[] = [];
  const mined: MinedEvent[] = [];
  const txEvents: TxEvent[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as SimEvent;
    if (e.type === 'resolve' && resolves.length < LIMITS.resolves) resolves.push(e);
    else if (e.type === 'message' && messages.length < LIMITS.messages) messages.push(e.message);
    else if (e.type === 'block-mined' && mined.length < LIMITS.mined) mined.push(e);
    else if ((e.type === 'transaction' || e.type === 'chain-replaced') && txEvents.length < LIMITS.txEvents)
      txEvents.push(e);
  }
  return {
    resolves: resolves.reverse(),
    messages: messages.reverse(),
    mined: mined.reverse(),
    txEvents: txEvents.reverse(),
    heights: heightsOf(events),
  };
}

/** One point per change of any node's height (blocks on top of genesis), the last LIMITS.heights of them. */
export function heightsOf(events: readonly SimEvent[]): HeightPoint[] {
  const now: Record<string, number> = {};
  const points: HeightPoint[] = [];
  for (const e of events) {
    if (e.type === 'node-added') now[e.node] = 0;
    else if (e.type === 'node-removed') delete now[e.node];
    else if (e.type === 'block-mined') now[e.node] = e.index - 1;
    else if (e.type === 'chain-replaced') now[e.node] = e.newLength - 1;
    else continue;
    const point = { t: e.at, ...now };
    if (points.length > 0 && (points[points.length - 1] as HeightPoint).t === e.at)
      points[points.length - 1] = point;
    else points.push(point);
  }
  return points.slice(-LIMITS.heights);
}
