// The consensus log: every resolve, newest first, with why each other chain lost. Many readers of the
// tutorial think resolve "never replaces" (docs/protocol.md "Known flaws of the tutorial node", #64–#89):
// this panel is where they see why.
import { memo, useId, useMemo, useState } from 'react';
import { useText } from '../i18n/useText';
import type { ResolveEvent } from '../store/appStore';
import { useApp, useAppShallow } from './context';
import { nodeName } from './format';
import { ResolveEntry, resolveSummary } from './ResolveEntry';
import { LazySequenceView } from './LazySequenceView';
import './ConsensusPanel.css';

const PAGE = 20;

/**
 * A logged resolve never changes, and the store keeps the same event object from flush to flush: with every node
 * mining, re-rendering all shown entries (nine peer lines each, every line translated) on each new resolve made
 * most of the page's long tasks (issue 17). Only new entries render; a language change still reaches the old
 * ones through their own useText.
 */
const Entry = memo(ResolveEntry);
const ALL = '';

/** Stable keys for events that carry no id: the same node can resolve twice at one instant (a queued rerun). */
function keyed(events: readonly ResolveEvent[]): { key: string; event: ResolveEvent }[] {
  const seen = new Map<string, number>();
  return events.map((event) => {
    const base = `${event.node}@${event.at}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { key: `${base}#${n}`, event };
  });
}

/**
 * What the live region announces: the newest resolve a person asked for, or one that changed a chain.
 * Periodic resolves that change nothing would talk every few seconds, so they stay silent.
 */
function announcement(resolves: readonly ResolveEvent[]): string {
  for (let i = resolves.length - 1; i >= 0; i--) {
    const r = resolves[i] as ResolveEvent;
    if (r.trigger === 'manual' || r.adoptedFrom) return resolveSummary(r) + (r.note ? ` ${r.note}` : '');
  }
  return '';
}

export function ConsensusPanel() {
  const { t } = useText();
  const resolves = useApp((s) => s.resolves);
  const nodeIds = useAppShallow((s) => s.nodes.map((n) => n.id));
  const [filter, setFilter] = useState(ALL);
  const [limit, setLimit] = useState(PAGE);
  const filterId = useId();

  const options = useMemo(() => {
    const ids = [...nodeIds];
    for (const r of resolves) if (!ids.includes(r.node)) ids.push(r.node);
    return ids;
  }, [nodeIds, resolves]);

  const shown = useMemo(() => {
    const picked = filter === ALL ? resolves : resolves.filter((r) => r.node === filter);
    return { total: picked.length, entries: keyed(picked).reverse().slice(0, limit) };
  }, [resolves, filter, limit]);

  return (
    <section className="panel consensus" aria-label={t('consensus.title')}>
      <h2>{t('consensus.title')}</h2>
      <p className="muted consensus-intro">{t('consensus.intro')}</p>
      <div className="row consensus-filter">
        <label htmlFor={filterId}>{t('consensus.showOf')}</label>
        <select
          id={filterId}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setLimit(PAGE);
          }}
        >
          <option value={ALL}>{t('consensus.allNodes')}</option>
          {options.map((id) => (
            <option key={id} value={id}>
              {nodeName(id)}
            </option>
          ))}
        </select>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement(resolves)}
      </p>
      {shown.total === 0 ? (
        <p className="muted consensus-empty">
          {filter === ALL ? t('consensus.none') : t('consensus.noneOf', { name: nodeName(filter) })}
        </p>
      ) : (
        <ol className="resolve-log" aria-label={t('consensus.log')}>
          {shown.entries.map(({ key, event }) => (
            <Entry key={key} event={event} />
          ))}
        </ol>
      )}
      {shown.total > shown.entries.length && (
        <button type="button" className="link" onClick={() => setLimit((n) => n + PAGE)}>
          {t('consensus.older', { count: Math.min(PAGE, shown.total - shown.entries.length) })}
        </button>
      )}
      <LazySequenceView />
    </section>
  );
}
