// Where each message of the sequence diagram goes: a pure function from message records to coordinates.
// Time runs down the page but not linearly: the browser's requests take 0 s and a mining gap can take minutes,
// so short gaps are drawn to scale (capped) and long ones become a labelled break. Messages sent at the same
// instant (register-all) get their own rows so their labels never overlap; the order of events is kept.
import { i18n } from '../i18n/i18n';
import type { MessageRecord } from '../sim/bus';
import { duration } from './format';
import { peerName } from './peerName';

export const GEOMETRY = {
  /** Width of the time axis on the left. */
  axis: 52,
  /** Lanes share the width they are given, within these bounds (below the minimum the diagram scrolls). */
  laneGap: 140,
  minLaneGap: 64,
  maxLaneGap: 170,
  top: 46,
  bottom: 20,
  /** Smallest vertical distance between two sends: one label height. */
  rowGap: 24,
  /** Scale for short gaps: 50 ms of latency is 20 px. */
  pxPerSecond: 400,
  maxStep: 44,
  /** Gaps longer than this are drawn as a break ("3.2 s later"), not to scale. */
  breakAfter: 0.5,
  breakHeight: 30,
  /** Average width of a label character (13 px system sans-serif). */
  charWidth: 7.6,
  /** No two time labels closer than this. */
  markGap: 30,
} as const;

export interface Lane {
  readonly netloc: string;
  /** The name as it fits above the lane ("…0.1:40681" for a real node's long address). */
  readonly name: string;
  readonly fullName: string;
  readonly x: number;
}

/** The end of `name` that fits in `px` (a real node's port is what tells it apart), marked with "…". */
export function fitName(name: string, px: number, charWidth: number): string {
  const chars = Math.max(3, Math.floor(px / charWidth));
  return name.length <= chars ? name : `…${name.slice(name.length - chars + 1)}`;
}

export interface Arrow {
  readonly message: MessageRecord;
  readonly x1: number;
  readonly y1: number;
  /** Where the message would arrive; a failed one is drawn only to the half-way point. */
  readonly x2: number;
  readonly y2: number;
  readonly failed: boolean;
  /** Left end of the label, which sits just above the arrow's start (sends are a row apart: no overlaps). */
  readonly labelX: number;
  readonly labelY: number;
}

export interface Mark {
  readonly y: number;
  readonly text: string;
}

export interface SequenceLayout {
  readonly lanes: readonly Lane[];
  readonly arrows: readonly Arrow[];
  /** Time labels on the axis. */
  readonly marks: readonly Mark[];
  /** Long gaps, drawn as a dashed line with how long they lasted. */
  readonly breaks: readonly Mark[];
  readonly width: number;
  readonly height: number;
}

interface Point {
  readonly t: number;
  readonly message: MessageRecord;
  readonly send: boolean;
}

/** Seconds on the axis: "7.01 s" (two decimals show a 50 ms latency). */
export function axisTime(t: number): string {
  return `${t < 1000 ? t.toFixed(2) : t.toFixed(0)} s`;
}

/** Lane spacing that fits `lanes` lanes into `width` pixels (0: not measured yet). */
export function fitLaneGap(width: number, lanes: number): number {
  const g = GEOMETRY;
  if (!(width > 0) || lanes === 0) return g.laneGap;
  return Math.min(g.maxLaneGap, Math.max(g.minLaneGap, Math.floor((width - g.axis) / lanes)));
}

export function layoutSequence(
  messages: readonly MessageRecord[],
  knownLanes: readonly string[],
  /** Width available in pixels; 0 uses the default lane spacing. */
  available = 0,
): SequenceLayout {
  const g = GEOMETRY;
  const order = [...knownLanes];
  for (const m of messages) for (const n of [m.from, m.to]) if (!order.includes(n)) order.push(n);
  const laneGap = fitLaneGap(available, order.length);
  const lanes = order.map((netloc, i) => ({
    netloc,
    name: fitName(peerName(netloc), laneGap - 6, g.charWidth),
    fullName: peerName(netloc),
    x: g.axis + laneGap * (i + 0.5),
  }));
  const xOf = (netloc: string) => (lanes.find((l) => l.netloc === netloc) as Lane).x;

  // A request's arrival comes before the reply it causes, even at the same instant (ids grow with send order).
  const points: Point[] = messages.flatMap((m) => [
    { t: m.sentAt, message: m, send: true },
    { t: m.arriveAt, message: m, send: false },
  ]);
  points.sort((a, b) => a.t - b.t || a.message.id - b.message.id || Number(b.send) - Number(a.send));

  const sendY = new Map<number, number>();
  const arriveY = new Map<number, number>();
  const marks: Mark[] = [];
  const breaks: Mark[] = [];
  let y: number = g.top;
  let lastSend = -Infinity;
  let lastMark = -Infinity;
  let prevT: number | null = null;
  for (const p of points) {
    if (prevT !== null) {
      const dt = p.t - prevT;
      if (dt > g.breakAfter) {
        breaks.push({ y: y + g.breakHeight / 2, text: i18n.t('messages.later', { time: duration(dt) }) });
        y += g.breakHeight;
      } else if (dt > 0) y += Math.min(Math.max(dt * g.pxPerSecond, 3), g.maxStep);
    }
    prevT = p.t;
    if (p.send) {
      y = Math.max(y, lastSend + g.rowGap);
      lastSend = y;
      sendY.set(p.message.id, y);
      const text = axisTime(p.t);
      if (y - lastMark >= g.markGap && text !== marks[marks.length - 1]?.text) {
        marks.push({ y, text });
        lastMark = y;
      }
    } else {
      y = Math.max(y, sendY.get(p.message.id) ?? y);
      arriveY.set(p.message.id, y);
    }
  }

  const width = g.axis + laneGap * lanes.length;
  const arrows = messages.map((m): Arrow => {
    const x1 = xOf(m.from);
    const y1 = sendY.get(m.id) as number;
    const to = xOf(m.to);
    const y2 = arriveY.get(m.id) as number;
    const failed = m.fate !== 'delivered' && m.fate !== 'sent';
    // The label starts at the sender and runs the way the arrow goes, kept inside the drawing.
    const w = m.label.length * g.charWidth;
    const left = to >= x1 ? x1 + 6 : x1 - 6 - w;
    const labelX = Math.max(2, Math.min(left, width - w - 2));
    const shape = failed ? { x2: (x1 + to) / 2, y2: (y1 + y2) / 2 } : { x2: to, y2 };
    return { message: m, x1, y1, ...shape, failed, labelX, labelY: y1 - 5 };
  });
  return {
    lanes,
    arrows,
    marks,
    breaks,
    width,
    height: (points.length ? y : g.top) + g.bottom,
  };
}
