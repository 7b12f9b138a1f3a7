// The message sequence diagram (raftscope style): one lane per node plus the browser ("client"), each HTTP
// request and response an arrow from its send time to its arrival. A message that never arrives stops half-way.
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { i18n } from '../i18n/i18n';
import { useText } from '../i18n/useText';
import type { AppState } from '../store/appStore';
import type { Fate, MessageRecord } from '../sim/bus';
import { CLIENT } from '../sim/world';
import { useApp, useAppShallow } from './context';
import { duration } from './format';
import { FollowScroll } from './FollowScroll';
import { netlocOf, peerName } from './peerName';
import { axisTime, layoutSequence, type Arrow } from './sequenceLayout';
import { anchorIndex, windowOf } from './sequenceWindow';
import { useThrottled } from './useThrottled';
import './SequenceView.css';

/** How many of the most recent messages are drawn: enough for a resolve among 10 nodes, still readable. */
export const SHOWN = 40;

/** Presenter mode's type is 1.3 times larger (app.css): the drawing grows with it, labels included. */
const PRESENTER_SCALE = 1.3;

type Failed = Exclude<Fate, 'delivered' | 'sent'>;

/** In the table: a sentence. */
const fateText = (fate: Failed) => i18n.t(`messages.fate.${fate}`);

/** Under the ✗ in the diagram, where lanes are narrow. */
const fateShort = (fate: Failed) => i18n.t(`messages.fateShort.${fate}`);

// One arrowhead per colour: a marker does not take the colour of the line it ends.
const HEADS = ['request', 'response', 'error'] as const;

/** The clock, but only while one of the drawn messages is still on its way (else no re-render per frame). */
function nowIfInFlight(s: AppState): number | null {
  const from = Math.max(0, s.messages.length - SHOWN);
  for (let i = s.messages.length - 1; i >= from; i--) {
    const m = s.messages[i] as MessageRecord;
    if (m.fate === 'delivered' && m.arriveAt > s.now) return s.now;
  }
  return null;
}

function resultText(m: MessageRecord, inFlight: boolean): string {
  if (m.fate === 'sent') return `→ ${i18n.t('messages.sentReal')}`;
  if (m.fate !== 'delivered') return `✗ ${fateText(m.fate)}`;
  if (inFlight) return i18n.t('messages.onItsWay');
  const took = m.arriveAt - m.sentAt;
  if (took <= 0) return i18n.t('messages.atOnce');
  return i18n.t('messages.after', {
    time: took < 1 ? `${Math.round(took * 1000)} ms` : duration(took),
  });
}

/** A row changes only when its message arrives: the others are left as they are. */
const MessageRow = memo(function MessageRow({ m, inFlight }: { m: MessageRecord; inFlight: boolean }) {
  useText(); // its words come from i18n.t: this re-renders the row when the language changes
  return (
    <tr className={`seq-row-${m.kind}`}>
      <td className="mono">{axisTime(m.sentAt)}</td>
      <td>{peerName(m.from)}</td>
      <td>{peerName(m.to)}</td>
      <td className="mono">{m.label}</td>
      <td>{resultText(m, inFlight)}</td>
    </tr>
  );
});

/** The messages shown and the clock they are shown at (null: none of them is on its way). */
interface Shown {
  readonly messages: readonly MessageRecord[];
  readonly now: number | null;
}

/** The same messages as a table: plain to read when a resolve's requests and replies cross in the diagram. */
function MessageTable({ shown: { messages, now } }: { shown: Shown }) {
  const { t } = useText();
  return (
    <table className="seq-table">
      <caption>{t('messages.caption', { n: messages.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('messages.sent')}</th>
          <th scope="col">{t('messages.from')}</th>
          <th scope="col">{t('messages.to')}</th>
          <th scope="col">{t('messages.message')}</th>
          <th scope="col">{t('messages.result')}</th>
        </tr>
      </thead>
      <tbody>
        {messages.map((m) => (
          <MessageRow key={m.id} m={m} inFlight={now !== null && m.arriveAt > now} />
        ))}
      </tbody>
    </table>
  );
}

/**
 * The table for screen readers beside the drawing. It is read on demand, not watched: while the clock runs it
 * follows the messages every COPY_EVERY_MS instead of with every store update (with every node mining, about
 * 130 messages a second replaced most of its 40 rows several times a second: half the page's DOM changes);
 * paused or stepping, at once.
 */
export const COPY_EVERY_MS = 2000;

function ScreenReaderCopy({ shown }: { shown: Shown }) {
  const playing = useApp((s) => s.playing);
  const copy = useThrottled(shown, COPY_EVERY_MS, playing);
  // A table is as wide as its content whatever its CSS width: hide a wrapper, or the page scrolls.
  return (
    <div className="visually-hidden">
      <MessageTable shown={copy} />
    </div>
  );
}

interface ArrowProps {
  readonly arrow: Arrow;
  /** The clock while the message is on its way, else null: an arrived arrow does not change with the clock. */
  readonly now: number | null;
  readonly marker: string;
}

/** The layout makes new arrow objects each time: an arrow whose place did not change is not drawn again. */
const sameArrow = (a: ArrowProps, b: ArrowProps) =>
  a.now === b.now &&
  a.marker === b.marker &&
  (Object.keys(a.arrow) as (keyof Arrow)[]).every((k) => a.arrow[k] === b.arrow[k]);

function ArrowShapeOf({ arrow, now, marker }: ArrowProps) {
  useText(); // a lost message's word comes from i18n.t: this redraws it when the language changes
  const { message: m, x1, y1, failed } = arrow;
  // A message in flight is drawn as far as it has got, so "Step" shows it travel.
  const span = m.arriveAt - m.sentAt;
  const part = !failed && now !== null && now < m.arriveAt && span > 0 ? (now - m.sentAt) / span : 1;
  const x2 = x1 + (arrow.x2 - x1) * Math.max(part, 0);
  const y2 = y1 + (arrow.y2 - y1) * Math.max(part, 0);
  const kind = failed ? 'failed' : m.kind === 'response' && (m.status ?? 200) >= 400 ? 'error' : m.kind;
  return (
    <g className={`seq-msg seq-${kind}`} data-message={m.id}>
      <line x1={x1} y1={y1} x2={x2} y2={y2} markerEnd={failed ? undefined : `url(#${marker}-${kind})`} />
      <text x={arrow.labelX} y={arrow.labelY} className="seq-label">
        {m.label}
      </text>
      {failed && (
        <>
          <text x={arrow.x2} y={arrow.y2 + 6} textAnchor="middle" className="seq-cross">
            ✗
          </text>
          <text x={arrow.x2} y={arrow.y2 + 22} textAnchor="middle" className="seq-fate">
            {fateShort(m.fate as Failed)}
          </text>
        </>
      )}
    </g>
  );
}

const ArrowShape = memo(ArrowShapeOf, sameArrow);

export function SequenceView() {
  const { t, i18n: language } = useText();
  // Laid out from an anchor a little further back, so that arrows keep their places (sequenceWindow.ts).
  const laid = useAppShallow((s) => s.messages.slice(anchorIndex(s.messages, SHOWN)));
  const messages = useMemo(() => laid.slice(-SHOWN), [laid]);
  const urls = useAppShallow((s) => s.nodes.map((n) => n.url));
  const now = useApp(nowIfInFlight);
  const scale = useApp((s) => (s.presenter ? PRESENTER_SCALE : 1));
  const section = useRef<HTMLElement>(null);
  const [available, setAvailable] = useState(0);
  const [asList, setAsList] = useState(false);
  const shown = useMemo(() => ({ messages, now }), [messages, now]);
  const layout = useMemo(
    () => windowOf(layoutSequence(laid, [CLIENT, ...urls.map(netlocOf)], available / scale), SHOWN),
    // The language too: the layout names and fits the lanes (peerName: the browser's lane is "Client").
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [laid, urls, available, scale, language.language],
  );
  const marker = useId().replace(/:/g, '');

  // Lanes share the panel's width, so the diagram fits a narrow column or a phone without scrolling sideways.
  useEffect(() => {
    const el = section.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setAvailable(Math.floor(entry.contentRect.width) - 2);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return (
    <section className="seq" aria-label={t('messages.title')} ref={section}>
      <div className="row seq-head">
        <h2>{t('messages.title')}</h2>
        <div className="row" role="group" aria-label={t('messages.showAs')}>
          <button type="button" aria-pressed={!asList} onClick={() => setAsList(false)}>
            {t('messages.diagram')}
          </button>
          <button type="button" aria-pressed={asList} onClick={() => setAsList(true)}>
            {t('messages.list')}
          </button>
        </div>
      </div>
      {messages.length === 0 ? (
        <p className="muted">{t('messages.empty')}</p>
      ) : (
        <>
          <p className="seq-legend muted" hidden={asList}>
            <span className="seq-key seq-key-request">→ {t('messages.request')}</span>{' '}
            <span className="seq-key seq-key-response">→ {t('messages.reply')}</span>{' '}
            <span className="seq-key seq-key-failed">✗ {t('messages.neverArrived')}</span> ·{' '}
            {t('messages.timeRunsDown')}
          </p>
          {/* The newest message stays in view, unless the reader scrolled up to look at an older one. */}
          <FollowScroll
            className="seq-scroll"
            label={asList ? t('messages.listScroll') : t('messages.diagramScroll')}
            latest={t('messages.latest')}
          >
            {asList ? (
              <MessageTable shown={shown} />
            ) : (
              <svg
                width={layout.width * scale}
                height={layout.height * scale}
                viewBox={`0 0 ${layout.width} ${layout.height}`}
                role="img"
                aria-label={t('messages.diagramLabel', { n: messages.length })}
              >
                <defs>
                  {HEADS.map((k) => (
                    <marker
                      key={k}
                      id={`${marker}-${k}`}
                      viewBox="0 0 10 10"
                      refX="9"
                      refY="5"
                      markerWidth="7"
                      markerHeight="7"
                      orient="auto"
                    >
                      <path d="M0,0 L10,5 L0,10 z" className={`seq-head-${k}`} />
                    </marker>
                  ))}
                </defs>
                {layout.lanes.map((l) => (
                  <g key={l.netloc} className={l.netloc === CLIENT ? 'seq-lane seq-client' : 'seq-lane'}>
                    <title>{l.fullName}</title>
                    <text x={l.x} y={18} textAnchor="middle" className="seq-lane-name">
                      {l.name}
                    </text>
                    {/* To the bottom, whatever the height: the lines need not change as messages come. */}
                    <line x1={l.x} y1={26} x2={l.x} y2="100%" />
                  </g>
                ))}
                {/* Moved up as a whole: the arrows inside keep their coordinates while they are shown. */}
                <g transform={`translate(0 ${-layout.offset})`}>
                  {layout.marks.map((mk) => (
                    <text key={`m${mk.y}`} x={4} y={mk.y + 4} className="seq-time">
                      {mk.text}
                    </text>
                  ))}
                  {layout.breaks.map((b) => (
                    <g key={`b${b.y}`} className="seq-break">
                      <line x1={0} y1={b.y} x2={layout.width} y2={b.y} />
                      <text x={4} y={b.y - 3}>
                        ⋯ {b.text}
                      </text>
                    </g>
                  ))}
                  {layout.arrows.map((a) => (
                    <ArrowShape
                      key={a.message.id}
                      arrow={a}
                      now={now !== null && a.message.arriveAt > now ? now : null}
                      marker={marker}
                    />
                  ))}
                </g>
              </svg>
            )}
          </FollowScroll>
          {!asList && <ScreenReaderCopy shown={shown} />}
        </>
      )}
    </section>
  );
}
