import { ICON } from './icons';
// One node's live search in the proof-of-work panel: the proof it is trying, that proof's hash, and how far it
// has come against the average (not a finish line: every attempt is a fresh lottery ticket).
import { useMemo } from 'react';
import { useText } from '../i18n/useText';
import type { PowParams } from '../core/pow';
import { useApp, useController } from './context';
import { EngineSwitch } from './EngineSwitch';
import { count, nodeName, rate } from './format';
import { hashOfTry, shareOfAverage, splitLeadingZeros, zerosOf } from './powMath';

/** Hex digits shown of a hash: enough for the zeros that matter, short enough for a phone. */
const SHOWN_DIGITS = 16;

function LiveHash({ hash, pow }: { hash: string; pow: PowParams }) {
  const { t } = useText();
  const { zeros, rest } = splitLeadingZeros(hash.slice(0, SHOWN_DIGITS));
  const have = zerosOf(pow, hash);
  const ok = have >= pow.difficulty;
  return (
    <>
      <code className="pow-hash" title={hash}>
        {zeros && <mark className="pow-zeros">{zeros}</mark>}
        {rest}…
      </code>{' '}
      <span className={ok ? 'ok' : 'muted'}>
        {ok ? '✓' : '✗'}{' '}
        {pow.rule === 'header'
          ? t('pow.haveBits', { have, count: pow.difficulty })
          : t('pow.haveZeros', { have, count: pow.difficulty })}
      </span>
    </>
  );
}

export function PowNodeRow({ id, pow, expected }: { id: string; pow: PowParams; expected: number }) {
  const { t } = useText();
  const controller = useController();
  const node = useApp((s) => s.nodes.find((n) => n.id === id));
  const progress = useApp((s) => s.progress[id]);
  const selected = useApp((s) => s.selected === id);
  const tip = node ? node.chain[node.chain.length - 1] : undefined;
  const nonce = progress?.nonce;
  const reported = progress?.lastHash;
  // One hash per frame per node, and only when the nonce moved.
  const hash = useMemo(
    () => (nonce === undefined ? null : hashOfTry(pow, tip, nonce, reported)),
    [pow, tip, nonce, reported],
  );
  if (!node) return null;
  const mining = node.mining && progress !== undefined;
  const share = progress ? shareOfAverage(progress.attempts, expected) : 0;
  const overAverage = progress !== undefined && progress.attempts > expected;

  return (
    <li className={selected ? 'pow-node selected' : 'pow-node'} aria-current={selected ? 'true' : undefined}>
      <div className="pow-node-head">
        <button
          type="button"
          className="link pow-name"
          aria-label={t('pow.select', { name: nodeName(id) })}
          onClick={() => controller.select(id)}
        >
          {nodeName(id)}
        </button>{' '}
        {selected && <span className="pow-tag">● {t('pow.selected')} </span>}
        <span className={mining ? 'pow-status mining' : 'pow-status'}>
          {mining
            ? `${ICON.mine} ${t('pow.miningBlock', { index: (tip?.index ?? 0) + 1 })}`
            : `${ICON.idle} ${t('pow.idle')}`}
        </span>{' '}
        <span className="muted">
          {node.autoMine ? `${t('pow.auto')} ` : ''}
          {t('pow.height', { height: node.chain.length - 1 })}
        </span>
      </div>
      {controller.engines && <EngineSwitch id={id} engines={controller.engines} />}
      {progress ? (
        <>
          <div className="pow-try">
            {t('pow.proof')} <code>{progress.nonce}</code>
            {' → '}
            {hash ? <LiveHash hash={hash} pow={pow} /> : <span className="muted">{t('pow.hidden')}</span>}
          </div>
          <div className="pow-stats">
            <strong>{count(progress.attempts)}</strong> {t('pow.attempts')} ·{' '}
            {progress.rate > 0 ? rate(progress.rate) : t('pow.measuring')}
          </div>
          <div className="pow-bar" aria-hidden="true">
            <span style={{ width: `${(share * 100).toFixed(1)}%` }} />
          </div>
          <div className="pow-bar-text muted">
            {overAverage
              ? t('pow.unlucky', {
                  times: (progress.attempts / expected).toFixed(1),
                  expected: count(expected),
                })
              : t('pow.share', { percent: Math.round(share * 100), expected: count(expected) })}
          </div>
        </>
      ) : (
        <p className="pow-idle muted">{t('pow.notSearching')}</p>
      )}
    </li>
  );
}
