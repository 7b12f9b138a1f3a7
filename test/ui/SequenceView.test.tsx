// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../src/i18n/i18n';
import type { Command } from '../../src/sim/commands';
import type { MessageRecord } from '../../src/sim/bus';
import { layoutSequence, GEOMETRY } from '../../src/ui/sequenceLayout';
import { COPY_EVERY_MS, SequenceView, SHOWN } from '../../src/ui/SequenceView';
import { advance as advanceNow, renderWith, setupController } from './renderApp';

type Controller = ReturnType<typeof setupController>;
const advance = (c: Controller, seconds: number) => act(() => advanceNow(c, seconds));
const send = (c: Controller, cmd: Command) => act(() => void c.dispatch(cmd));
const manual = (params = {}) => setupController({ params: { resolvePolicy: 'manual', ...params } });

const panel = () => screen.getByRole('region', { name: 'Messages' });
const arrows = () => Array.from(panel().querySelectorAll('svg [data-message]'));
const rows = () =>
  within(panel().querySelector('table') as HTMLElement)
    .getAllByRole('row')
    .slice(1) as HTMLTableRowElement[];
/** While the clock runs, the screen readers' copy of the list catches up every COPY_EVERY_MS. */
const catchUp = () => act(() => void vi.advanceTimersByTime(COPY_EVERY_MS));

afterEach(() => {
  vi.useRealTimers();
});

describe('SequenceView', () => {
  it('draws one labelled arrow per message, with a lane per node and one for the browser', () => {
    vi.useFakeTimers();
    const controller = manual();
    renderWith(<SequenceView />, controller);
    expect(panel()).toHaveTextContent('No messages yet.');
    send(controller, { type: 'register-all' });
    advance(controller, 1);
    send(controller, { type: 'resolve', node: 'alice' });
    advance(controller, 1);
    const log = controller.store.getState().messages;
    // 3 registers + 3 replies, resolve + reply, 2 × GET /chain + 2 replies.
    expect(log).toHaveLength(12);
    expect(arrows()).toHaveLength(12);
    const labels = arrows().map((a) => a.querySelector('text')?.textContent);
    expect(labels.filter((l) => l === 'GET /chain')).toHaveLength(2);
    expect(labels.filter((l) => l === '200 GET /chain')).toHaveLength(2);
    expect(labels).toContain('POST /nodes/register');
    expect(labels).toContain('201 POST /nodes/register');
    const lanes = Array.from(panel().querySelectorAll('.seq-lane-name')).map((t) => t.textContent);
    expect(lanes).toEqual(['Client', 'Alice', 'Bob', 'Carol']);
    // The text alternative lists the same messages.
    catchUp();
    expect(rows()).toHaveLength(12);
    const chainRequest = rows().find(
      (r) => r.textContent?.includes('Bob') && r.textContent.includes('GET /chain'),
    );
    // Latency 50 ms + up to 50 ms jitter (DEFAULT_PARAMS.net).
    const ms = Number(/arrived after (\d+) ms$/.exec(chainRequest?.textContent ?? '')?.[1]);
    expect(chainRequest).toHaveTextContent(/^1\.00 sAliceBobGET \/chain/);
    expect(ms).toBeGreaterThanOrEqual(50);
    expect(ms).toBeLessThanOrEqual(100);
  });

  it('draws a lost message as an arrow that stops half-way with ✗ and "lost"', () => {
    vi.useFakeTimers();
    const controller = manual();
    send(controller, { type: 'set-params', patch: { net: { loss: 1 } } });
    send(controller, { type: 'register-all' });
    advance(controller, 1);
    renderWith(<SequenceView />, controller);
    send(controller, { type: 'resolve', node: 'alice' });
    advance(controller, controller.store.getState().params.timeout + 1);
    const lost = arrows().filter((a) => a.classList.contains('seq-failed'));
    expect(lost).toHaveLength(2);
    for (const a of lost) {
      expect(a.querySelector('text')?.textContent).toBe('GET /chain');
      expect(a).toHaveTextContent('✗');
      expect(a).toHaveTextContent('lost');
      const line = a.querySelector('line') as SVGLineElement;
      const [x1, x2] = [Number(line.getAttribute('x1')), Number(line.getAttribute('x2'))];
      // Alice's lane is the second one; the arrow ends half-way to Bob's (third) or Carol's (fourth) lane.
      expect(x1).toBe(GEOMETRY.axis + GEOMETRY.laneGap * 1.5);
      expect([2.5, 3.5].map((i) => (x1 + GEOMETRY.axis + GEOMETRY.laneGap * i) / 2)).toContain(x2);
      expect(line.getAttribute('marker-end')).toBeNull();
    }
    catchUp();
    expect(rows().filter((r) => r.textContent?.endsWith('✗ lost'))).toHaveLength(2);
    // The browser's own requests are never lost (no network between the teacher and a node).
    const fromClient = rows().filter((r) => r.cells[1]?.textContent === 'Client');
    expect(fromClient).toHaveLength(4);
    for (const r of fromClient) expect(r).toHaveTextContent(/arrived at once$/);
  });

  it('says everything again in the language chosen, also for messages already drawn', async () => {
    vi.useFakeTimers();
    const controller = manual();
    send(controller, { type: 'set-params', patch: { net: { loss: 1 } } });
    send(controller, { type: 'register-all' });
    advance(controller, 1);
    renderWith(<SequenceView />, controller);
    send(controller, { type: 'resolve', node: 'alice' });
    advance(controller, controller.store.getState().params.timeout + 1);
    catchUp();
    const region = panel(); // named "Mensajes" once in Spanish
    const table = () =>
      within(region.querySelector('table') as HTMLElement)
        .getAllByRole('row')
        .slice(1) as HTMLTableRowElement[];
    const { es } = await import('../../src/i18n/es');
    i18n.addResourceBundle('es', 'translation', es, true, true);
    try {
      await act(() => i18n.changeLanguage('es'));
      const spanish = i18n.t.bind(i18n);
      const lanes = Array.from(region.querySelectorAll('.seq-lane-name')).map((t) => t.textContent);
      expect(lanes[0]).toBe(spanish('peer.client'));
      const fates = Array.from(region.querySelectorAll('.seq-fate')).map((t) => t.textContent);
      expect(fates).toHaveLength(2);
      expect(fates).not.toContain('lost');
      const fromClient = table().filter((r) => r.cells[1]?.textContent === spanish('peer.client'));
      expect(fromClient).toHaveLength(4);
      for (const r of fromClient) expect(r).toHaveTextContent(spanish('messages.atOnce'));
    } finally {
      await act(() => i18n.changeLanguage('en'));
    }
  });

  it("keeps the screen readers' list at most a moment behind while the clock runs, and up to date paused", () => {
    vi.useFakeTimers();
    const controller = manual();
    renderWith(<SequenceView />, controller);
    send(controller, { type: 'register-all' });
    advance(controller, 1);
    catchUp();
    expect(rows()).toHaveLength(6);
    send(controller, { type: 'resolve', node: 'alice' });
    advance(controller, 1);
    // The drawing follows at once; the table behind it is read on demand and catches up a moment later.
    expect(arrows()).toHaveLength(12);
    expect(rows()).toHaveLength(6);
    act(() => void vi.advanceTimersByTime(COPY_EVERY_MS - 1));
    expect(rows()).toHaveLength(6);
    act(() => void vi.advanceTimersByTime(1));
    expect(rows()).toHaveLength(12);
    // Paused (and stepping), a reader goes through the messages one by one: the table is never behind.
    act(() => controller.pause());
    send(controller, { type: 'resolve', node: 'bob' });
    act(() => controller.step());
    expect(rows()).toHaveLength(arrows().length);
    expect(rows().at(-1)?.cells[3]?.textContent).toBe(arrows().at(-1)?.querySelector('text')?.textContent);
  });

  it(`shows only the last ${SHOWN} messages`, () => {
    const controller = manual();
    renderWith(<SequenceView />, controller);
    for (let i = 0; i < 8; i++) {
      send(controller, { type: 'register-all' });
      advance(controller, 0.5);
    }
    expect(controller.store.getState().messages).toHaveLength(48);
    expect(arrows()).toHaveLength(SHOWN);
    const firstShown = controller.store.getState().messages[48 - SHOWN]?.id;
    expect(arrows()[0]?.getAttribute('data-message')).toBe(String(firstShown));
  });
});

const msg = (id: number, from: string, to: string, sentAt: number, arriveAt: number, fate = 'delivered') =>
  ({ id, from, to, label: `m${id}`, kind: 'request', sentAt, arriveAt, fate }) as MessageRecord;

describe('layoutSequence', () => {
  it('gives messages sent at one instant their own rows and keeps a reply below its request', () => {
    const reply = { ...msg(3, 'a:5000', 'client', 1, 1), label: '201 POST /transactions/new' };
    const l = layoutSequence(
      [msg(1, 'client', 'a:5000', 1, 1), msg(2, 'client', 'b:5000', 1, 1), reply],
      ['client', 'a:5000', 'b:5000'],
      250,
    );
    // 250 px shared by three lanes after the axis.
    expect(l.width).toBe(250);
    const [a, b, c] = l.arrows;
    expect(a?.y1).toBe(a?.y2); // no latency: a flat arrow
    expect((b?.y1 ?? 0) - (a?.y1 ?? 0)).toBe(GEOMETRY.rowGap);
    expect((c?.y1 ?? 0) - (b?.y1 ?? 0)).toBe(GEOMETRY.rowGap);
    // Labels sit above each arrow's start, so they are a row apart too; a reply to the left stays inside.
    expect(l.arrows.map((x) => x.y1 - x.labelY)).toEqual([5, 5, 5]);
    expect(a?.labelX).toBe((a?.x1 ?? 0) + 6);
    expect(c?.labelX).toBe(2);
  });

  it('draws latency to scale, turns a long wait into a labelled break and adds unknown lanes', () => {
    const l = layoutSequence(
      [msg(1, 'a:5000', 'b:5000', 2, 2.05), msg(2, 'a:5000', 'gone:5000', 12, 12.05, 'unreachable')],
      ['client', 'a:5000', 'b:5000'],
    );
    const [a, b] = l.arrows;
    expect((a?.y2 ?? 0) - (a?.y1 ?? 0)).toBeCloseTo(0.05 * GEOMETRY.pxPerSecond);
    expect(l.breaks.map((x) => x.text)).toEqual(['9.9 s later']);
    expect(l.lanes.map((x) => x.name)).toEqual(['Client', 'A', 'B', 'Gone']);
    expect(b?.failed).toBe(true);
    expect(b?.x2).toBe(((b?.x1 ?? 0) + (l.lanes[3]?.x ?? 0)) / 2);
    expect(l.marks.map((m) => m.text)).toEqual(['2.00 s', '12.00 s']);
  });

  it('shows the same messages as a plain list on demand, and the diagram again', () => {
    const controller = manual();
    renderWith(<SequenceView />, controller);
    send(controller, { type: 'register-all' });
    advance(controller, 1);
    send(controller, { type: 'resolve', node: 'alice' });
    advance(controller, 1);
    const diagram = screen.getByRole('button', { name: 'Diagram' });
    const list = screen.getByRole('button', { name: 'List' });
    expect(diagram).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(list);
    expect(list).toHaveAttribute('aria-pressed', 'true');
    expect(diagram).toHaveAttribute('aria-pressed', 'false');
    // The list is the table itself, shown (not the screen readers' copy), and the drawing is gone.
    const table = within(screen.getByRole('group', { name: 'Message list, scrollable' })).getByRole('table');
    expect(table.closest('.visually-hidden')).toBeNull();
    expect(arrows()).toHaveLength(0);
    expect(rows()).toHaveLength(12);
    expect(rows().map((r) => r.cells[3]?.textContent)).toContain('GET /chain');
    // The browser's own requests arrive at once; the 4 between nodes (GET /chain and its reply) take the latency.
    expect(rows()[0]?.cells[4]?.textContent).toBe('arrived at once');
    expect(rows().filter((r) => /^arrived after \d+ ms$/.test(r.cells[4]?.textContent ?? ''))).toHaveLength(
      4,
    );
    fireEvent.click(diagram);
    expect(arrows()).toHaveLength(12);
  });
});
