import { ICON } from './icons';
// One node's live search in the proof-of-work panel: the proof it is trying, that proof's hash, and how far it
// has come against the average (not a finish line: every attempt is a fresh lottery ticket).
import { useMemo } from 'react';
import type { PowParams } from '../core/pow';
import { useApp, useController } from './context';
import { count, nodeName, rate } from './format';
import { hashOfTry, shareOfAverage, splitLeadingZeros, zerosOf } from './powMath';

/** Hex digits shown of a hash: enough for the zeros that matter, short enough for a phone. */
const SHOWN_DIGITS = 16;

function LiveHash({ hash, pow }: { hash: string; pow: PowParams }) {
  const { zeros, rest } = splitLeadingZeros(hash.slice(0, SHOWN_DIGITS));
  const have = zerosOf(pow, hash);
  const unit = pow.rule === 'header' ? 'zero bit' : 'zero';
  const ok = have >= pow.difficulty;
  return (
    <>
      <code className="pow-hash" title={hash}>
        {zeros && <mark className="pow-zeros">{zeros}</mark>}
        {rest}…
      </code>{' '}
      <span className={ok ? 'ok' : 'muted'}>
        {ok ? '✓' : '✗'} {have}/{pow.difficulty} {unit}s
      </span>
    </>
  );
}

export function PowNodeRow({ id, pow, expected }: { id: string; pow: PowParams; expected: number }) {
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
          aria-label={`Select ${nodeName(id)}`}
          onClick={() => controller.select(id)}
        >
          {nodeName(id)}
        </button>{' '}
        {selected && <span className="pow-tag">● selected </span>}
        <span className={mining ? 'pow-status mining' : 'pow-status'}>
          {mining ? `${ICON.mine} mining block ${(tip?.index ?? 0) + 1}` : `${ICON.idle} idle`}
        </span>{' '}
        <span className="muted">
          {node.autoMine ? '(auto) ' : ''}height {node.chain.length - 1}
        </span>
      </div>
      {progress ? (
        <>
          <div className="pow-try">
            proof <code>{progress.nonce}</code>
            {' → '}
            {hash ? (
              <LiveHash hash={hash} pow={pow} />
            ) : (
              <span className="muted">(the header miner keeps its hashes to itself)</span>
            )}
          </div>
          <div className="pow-stats">
            <strong>{count(progress.attempts)}</strong> attempts ·{' '}
            {progress.rate > 0 ? rate(progress.rate) : 'measuring the rate…'}
          </div>
          <div className="pow-bar" aria-hidden="true">
            <span style={{ width: `${(share * 100).toFixed(1)}%` }} />
          </div>
          <div className="pow-bar-text muted">
            {overAverage
              ? `${(progress.attempts / expected).toFixed(1)}× the ${count(expected)} needed on average: unlucky, still searching`
              : `${Math.round(share * 100)}% of the ${count(expected)} needed on average; it may end sooner or later`}
          </div>
        </>
      ) : (
        <p className="pow-idle muted">Not searching for a proof right now.</p>
      )}
    </li>
  );
}
