import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../src/sim/bus';
import { GEOMETRY, layoutSequence } from '../../src/ui/sequenceLayout';
import { anchorIndex, ANCHOR_STEP, windowOf } from '../../src/ui/sequenceWindow';

const LANES = ['client', 'a:5000', 'b:5000', 'c:5000'];

/** A steady stream: a request every 20 ms between two of three nodes, each taking 50 ms to arrive. */
function stream(n: number): MessageRecord[] {
  return Array.from({ length: n }, (_, id) => {
    const sentAt = 1 + id * 0.02;
    const [from, to] = [LANES[1 + (id % 3)], LANES[1 + ((id + 1) % 3)]];
    return {
      id,
      from,
      to,
      label: `m${id}`,
      kind: 'request',
      sentAt,
      arriveAt: sentAt + 0.05,
    } as MessageRecord;
  });
}

const view = (messages: readonly MessageRecord[], shown: number) =>
  windowOf(layoutSequence(messages.slice(anchorIndex(messages, shown)), LANES, 600), shown);

describe('the diagram window', () => {
  it('lays out from an anchor that moves in steps, so the window is cut from a longer layout', () => {
    const messages = stream(ANCHOR_STEP + 100);
    // The window starts at id 260: the layout starts at the anchor 200, 100 messages back.
    expect(anchorIndex(messages, 40)).toBe(ANCHOR_STEP);
    expect(anchorIndex(messages.slice(0, 30), 40)).toBe(0);
    const w = view(messages, 40);
    expect(w.arrows.map((a) => a.message.id)).toEqual(messages.slice(-40).map((m) => m.id));
    // Moved up as a whole, the window's first message sits where a layout of the window alone puts it, with
    // its time beside it.
    expect((w.arrows[0]?.y1 ?? 0) - w.offset).toBe(GEOMETRY.top);
    expect(w.marks[0]).toEqual({ y: w.arrows[0]?.y1, text: '6.20 s' });
    expect(w.height).toBe(layoutSequence(messages.slice(-40), LANES, 600).height);
  });

  it('leaves the arrows still on screen where they were as new messages come, until the anchor moves', () => {
    const messages = stream(ANCHOR_STEP + 100);
    const before = view(messages.slice(0, -5), 40);
    const after = view(messages, 40);
    const place = (a: (typeof after.arrows)[number]) => [a.message.id, a.x1, a.y1, a.x2, a.y2, a.labelX];
    const kept = after.arrows.filter((a) => before.arrows.some((b) => b.message === a.message));
    // Five left, five came; of the 35 kept only those still on their way when the first new one was sent moved
    // (their arrival is placed among the new sends): here two, sent 20 ms apart with 50 ms of latency.
    expect(kept).toHaveLength(35);
    const moved = kept.filter((a) => {
      const b = before.arrows.find((x) => x.message === a.message)!;
      return place(a).join() !== place(b).join();
    });
    const firstNew = messages[messages.length - 5]!.sentAt;
    const onTheirWay = kept.filter((a) => a.message.arriveAt > firstNew).map((a) => a.message.id);
    expect(onTheirWay).toHaveLength(2);
    expect(moved.map((a) => a.message.id)).toEqual(onTheirWay);
    expect(after.offset).toBeGreaterThan(before.offset);
  });
});
