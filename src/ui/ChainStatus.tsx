import { useEffect, useRef, useState, type Ref } from 'react';
import type { Chain } from '../core/types';
import { useText } from '../i18n/useText';
import type { ChainFault, ValidationOptions } from '../core/validate';
import type { Failure } from '../core/errors';
import { startRemine, type RemineJob, type RemineProgress } from '../worker/remine';
import { powAt, proofNote, remineCost, remineFixes } from './chainView';
import { useController } from './context';
import { count, duration, nodeName, rate } from './format';
import { FailureText } from './FailureText';
import { ICON } from './icons';

interface Props {
  readonly node: string;
  readonly chain: Chain;
  readonly firstFault: ChainFault | null;
  readonly opts: ValidationOptions;
  /** The block the student last edited on this node, while it still holds that edit. */
  readonly edited: number | null;
  readonly onShowBlock: (blockNumber: number) => void;
  /** The status region: the panel moves focus here after an edit, so the verdict is what the student meets next. */
  readonly ref?: Ref<HTMLDivElement>;
}

interface Job {
  readonly node: string;
  readonly from: number;
  readonly to: number;
  readonly progress: RemineProgress | null;
}

/** The verdict on the whole chain, the first bad block in words, and the way back: re-mine. */
export function ChainStatus({ node, chain, firstFault, opts, edited, onShowBlock, ref }: Props) {
  const { t } = useText();
  const controller = useController();
  const [job, setJob] = useState<Job | null>(null);
  const handle = useRef<RemineJob | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  // Leaving the panel (or the page) stops the worker: nobody would see its result.
  useEffect(() => () => handle.current?.cancel(), []);

  const startJob = (from: number) => {
    // The network waits while the proofs are redone, so no block arrives that the re-mined chain must beat.
    controller.pause();
    setError(null);
    setJob({ node, from, to: chain.length, progress: null });
    handle.current = startRemine({
      chain,
      fromBlock: from,
      powAt: (index) => powAt(opts, index),
      onProgress: (progress) => setJob((j) => (j ? { ...j, progress } : j)),
      onDone: (r) => {
        handle.current = null;
        setJob(null);
        setError(r.ok ? null : r.error);
        if (r.ok) controller.dispatch({ type: 'remine', node, fromBlock: from, proofs: r.value });
      },
    });
  };
  const cancel = () => {
    handle.current?.cancel();
    handle.current = null;
    setJob(null);
  };

  const name = nodeName(node);
  const running = job?.node === node ? job : null;

  if (!firstFault)
    return (
      <div ref={ref} className="chain-status" aria-live="polite" tabIndex={-1}>
        <p className="ok">
          <span aria-hidden="true">{ICON.ok}</span>{' '}
          {opts.strictness === 'strict'
            ? t('chainStatus.validStrict', { name })
            : t('chainStatus.validTutorial', { name })}
        </p>
        {edited !== null && edited === chain.length && (
          <p className="muted">{t('chainStatus.editedTip', { n: edited, name })}</p>
        )}
        {edited !== null && edited < chain.length && (
          <p className="muted">{t('chainStatus.editedInside', { n: edited, name })}</p>
        )}
      </div>
    );

  const n = firstFault.blockNumber;
  const note = proofNote(firstFault, opts.pow.rule);
  const hashes = remineCost(chain, n, opts);
  return (
    <div ref={ref} className="chain-status invalid" aria-live="polite" tabIndex={-1}>
      <p className="bad">
        <span aria-hidden="true">{ICON.bad}</span> {t('chainStatus.invalid', { name })}
      </p>
      <p>
        <FailureText error={firstFault} />
      </p>
      {chain.length > n && <p>{t('chainStatus.after', { n, count: chain.length - n })}</p>}
      {note && <p>{note}</p>}
      <p className="muted">{t('chainStatus.reject')}</p>
      <div className="row">
        <button type="button" className="link" onClick={() => onShowBlock(n)}>
          {t('chainStatus.show', { n })}
        </button>
        {remineFixes(firstFault) ? (
          <button type="button" className="primary" disabled={running !== null} onClick={() => startJob(n)}>
            {t('chainStatus.remine', { n })}
          </button>
        ) : (
          <span className="muted">{t('chainStatus.cannot', { n })}</span>
        )}
      </div>
      {error && (
        <p className="bad" role="alert">
          <FailureText error={error} />
        </p>
      )}
      {running && <RemineStatus job={running} hashes={hashes} onCancel={cancel} />}
    </div>
  );
}

/** Progress of a re-mine running in the worker: the page keeps responding, and Cancel stops it. */
function RemineStatus({ job, hashes, onCancel }: { job: Job; hashes: number; onCancel: () => void }) {
  const { t } = useText();
  const p = job.progress;
  const expected = p?.expected ?? hashes;
  const left = p && p.rate > 0 ? Math.max(0, expected - p.attempts) / p.rate : null;
  return (
    <div className="remine-progress">
      <p className="progress">
        {t('chainStatus.progress', {
          block: p?.block ?? job.from,
          from: job.from,
          to: job.to,
          done: count(p?.attempts ?? 0),
          expected: count(expected),
        })}
        {p && p.rate > 0 ? `, ${rate(p.rate)}` : ''}
        {left !== null && left >= 1 ? `, ${t('chainStatus.left', { time: duration(left) })}` : ''}…
      </p>
      <progress
        aria-label={t('chainStatus.progressLabel')}
        max={expected}
        value={Math.min(p?.attempts ?? 0, expected)}
      />{' '}
      <button type="button" onClick={onCancel}>
        {t('chainStatus.cancel')}
      </button>
    </div>
  );
}
