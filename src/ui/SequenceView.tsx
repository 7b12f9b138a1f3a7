// The message sequence diagram (raftscope style): one lane per node plus the browser ("client"), each HTTP
// request and response an arrow from its send time to its arrival. A message that never arrives stops half-way.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
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

function resultText(m: MessageRecord, now: number | null): string {
  if (m.fate === 'sent') return `→ ${i18n.t('messages.sentReal')}`;
  if (m.fate !== 'delivered') return `✗ ${fateText(m.fate)}`;
  if (now !== null && m.arriveAt > now) return i18n.t('messages.onItsWay');
  const took = m.arriveAt - m.sentAt;
  if (took <= 0) return i18n.t('messages.atOnce');
  return i18n.t('messages.after', {
    time: took < 1 ? `${Math.round(took * 1000)} ms` : duration(took),
  });
}

/** The same messages as a table: plain to read when a resolve's requests and replies cross in the diagram. */
function MessageTable({ messages, now }: { messages: readonly MessageRecord[]; now: number | null }) {
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
          <tr key={m.id} className={`seq-row-${m.kind}`}>
            <td className="mono">{axisTime(m.sentAt)}</td>
            <td>{peerName(m.from)}</td>
            <td>{peerName(m.to)}</td>
            <td className="mono">{m.label}</td>
            <td>{resultText(m, now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ArrowShape({ arrow, now, marker }: { arrow: Arrow; now: number | null; marker: string }) {
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

export function SequenceView() {
  const { t } = useText();
  const messages = useAppShallow((s) => s.messages.slice(-SHOWN));
  const urls = useAppShallow((s) => s.nodes.map((n) => n.url));
  const now = useApp(nowIfInFlight);
  const scale = useApp((s) => (s.presenter ? PRESENTER_SCALE : 1));
  const section = useRef<HTMLElement>(null);
  const [available, setAvailable] = useState(0);
  const [asList, setAsList] = useState(false);
  const layout = useMemo(
    () => layoutSequence(messages, [CLIENT, ...urls.map(netlocOf)], available / scale),
    [messages, urls, available, scale],
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
              <MessageTable messages={messages} now={now} />
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
                    <line x1={l.x} y1={26} x2={l.x} y2={layout.height} />
                  </g>
                ))}
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
                  <ArrowShape key={a.message.id} arrow={a} now={now} marker={marker} />
                ))}
              </svg>
            )}
          </FollowScroll>
          {/* A table is as wide as its content whatever its CSS width: hide a wrapper, or the page scrolls. */}
          {!asList && (
            <div className="visually-hidden">
              <MessageTable messages={messages} now={now} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
