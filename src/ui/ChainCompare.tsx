import { useState } from 'react';
import { hashBlock } from '../core/block';
import { i18n } from '../i18n/i18n';
import { useText } from '../i18n/useText';
import { divergence } from './chainView';
import { useApp } from './context';
import { nodeName, shortHash } from './format';

const MAX_ROWS = 12;
const MAX_NODES = 4;

function summary(names: readonly string[], lengths: readonly number[], shared: number, prefixOnly: boolean) {
  const longest = Math.max(...lengths);
  const leader = names[lengths.indexOf(longest)] as string;
  if (lengths.every((l) => l === shared))
    return i18n.t('compare.identical', { n: names.length, count: shared });
  if (prefixOnly) return i18n.t('compare.ahead', { shared, leader, count: longest });
  return i18n.t('compare.fork', { shared, next: shared + 1 });
}

/** 2–4 nodes' chains side by side, newest block first, marking every block after the point they diverge. */
export function ChainCompare() {
  const { t } = useText();
  const nodes = useApp((s) => s.nodes);
  const [picked, setPicked] = useState<readonly string[]>(() => nodes.slice(0, MAX_NODES).map((n) => n.id));
  const shown = nodes.filter((n) => picked.includes(n.id));
  const toggle = (id: string, on: boolean) =>
    setPicked(on ? [...picked, id] : picked.filter((p) => p !== id));

  const d = divergence(shown.map((n) => n.chain));
  const top = Math.max(0, ...d.lengths);
  const bottom = Math.max(1, Math.min(d.shared, top - 2));
  const rows: number[] = [];
  for (let b = top; b >= bottom && rows.length < MAX_ROWS; b--) rows.push(b);
  const names = shown.map((n) => nodeName(n.id));

  return (
    <div className="compare">
      <fieldset className="compare-pick">
        <legend>{t('compare.legend', { max: MAX_NODES })}</legend>
        {nodes.map((n) => {
          const on = picked.includes(n.id);
          const locked = on ? shown.length <= 2 : shown.length >= MAX_NODES;
          return (
            <label key={n.id}>
              <input
                type="checkbox"
                checked={on}
                disabled={locked}
                onChange={(e) => toggle(n.id, e.target.checked)}
              />{' '}
              {nodeName(n.id)}
            </label>
          );
        })}
      </fieldset>
      {shown.length >= 2 && (
        <>
          <p>{summary(names, d.lengths, d.shared, d.prefixOnly)}</p>
          <div className="compare-scroll" tabIndex={0} role="group" aria-label={t('compare.table')}>
            <table>
              <caption className="visually-hidden">{t('compare.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('compare.block')}</th>
                  {names.map((name) => (
                    <th key={name} scope="col">
                      {name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((b) => {
                  const hashes = shown.map((n) => {
                    const block = n.chain[b - 1];
                    return block ? hashBlock(block) : null;
                  });
                  // A conflict is two nodes holding different blocks at the same height, not one being ahead.
                  const differs = new Set(hashes.filter((h) => h !== null)).size > 1;
                  return (
                    <tr key={b} className={differs ? 'diverged' : undefined}>
                      <th scope="row">
                        {b}
                        {b === d.shared && b < top && (
                          <span className="muted"> {t('compare.lastShared')}</span>
                        )}
                      </th>
                      {hashes.map((h, i) =>
                        h === null ? (
                          <td key={i} className="muted">
                            —
                          </td>
                        ) : (
                          <td key={i} className="mono" title={h}>
                            {differs && (
                              <>
                                <span aria-hidden="true">≠ </span>
                                <span className="visually-hidden">{t('compare.differs')} </span>
                              </>
                            )}
                            {shortHash(h, 4, 3)}
                          </td>
                        ),
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
