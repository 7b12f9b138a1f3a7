// The diagram shows the last few dozen messages. Laid out from its own first message, every arrow moved up each
// time one left at the top: each store update rewrote every arrow still shown and re-created every time label
// (keyed by its place). Instead the layout starts at an anchor that moves in steps of many messages, the window
// is cut out of it and shifted up as a whole: an arrow keeps its coordinates while it is shown (or until the
// anchor steps on), so only the arrows that come and go, and those still on their way, change. With every node
// mining (about 130 messages a second at 1×) most of the window is new at each update anyway; with a few nodes,
// or stepping, most of it stays.
import type { MessageRecord } from '../sim/bus';
import { axisTime, GEOMETRY, type Arrow, type Lane, type Mark, type SequenceLayout } from './sequenceLayout';

/** How far the layout's anchor moves at a time, in message ids. */
export const ANCHOR_STEP = 200;

/** Where the layout starts in `messages` for a window of the last `shown`: the first id at or past the anchor. */
export function anchorIndex(messages: readonly MessageRecord[], shown: number, step = ANCHOR_STEP): number {
  const first = Math.max(0, messages.length - shown);
  const firstId = messages[first]?.id;
  if (firstId === undefined) return first;
  const anchor = Math.floor(firstId / step) * step;
  let i = first;
  while (i > 0 && (messages[i - 1] as MessageRecord).id >= anchor) i--;
  return i;
}

export interface SequenceWindow {
  readonly lanes: readonly Lane[];
  readonly arrows: readonly Arrow[];
  readonly marks: readonly Mark[];
  readonly breaks: readonly Mark[];
  /** How far up the window's content is moved (its first send sits where a layout's first send would). */
  readonly offset: number;
  readonly width: number;
  /** The window's own height, once moved up. */
  readonly height: number;
}

/** The last `shown` arrows of `layout` (laid out from an anchor), with the time labels and breaks among them. */
export function windowOf(layout: SequenceLayout, shown: number): SequenceWindow {
  const g = GEOMETRY;
  const arrows = layout.arrows.slice(-shown);
  const first = arrows[0];
  if (!first) return { ...layout, offset: 0 };
  const top = first.y1;
  const marks = layout.marks.filter((m) => m.y >= top);
  // The time at the top, as a layout of the window alone would show it, unless a label is already there.
  if (marks[0]?.y !== top) {
    const rest = marks.filter((m) => m.y - top >= g.markGap);
    marks.length = 0;
    marks.push({ y: top, text: axisTime(first.message.sentAt) }, ...rest);
  }
  const offset = top - g.top;
  return {
    lanes: layout.lanes,
    arrows,
    marks,
    breaks: layout.breaks.filter((b) => b.y > top),
    offset,
    width: layout.width,
    height: layout.height - offset,
  };
}
