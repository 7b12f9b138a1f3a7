import { useEffect, useState } from 'react';
import type { Chain } from '../core/types';
import type { ChainFault, ValidationOptions } from '../core/validate';
import { measureSearchRate, proofNote, REMINE_CONFIRM_SECONDS, remineCost, remineFixes } from './chainView';
import { useController } from './context';
import { count, duration, nodeName } from './format';
import { ICON } from './icons';

interface Props {
  readonly node: string;
  readonly chain: Chain;
  readonly firstFault: ChainFault | null;
  readonly opts: ValidationOptions;
  /** The block the student last edited on this node, while it still holds that edit. */
  readonly edited: number | null;
  readonly onShowBlock: (blockNumber: number) => void;
}

interface Job {
  readonly node: string;
  readonly from: number;
  readonly to: number;
  readonly hashes: number;
  readonly seconds: number;
  /** Long re-mines wait for a second click: the page freezes while they run. */
  readonly phase: 'confirm' | 'running';
}

/** The verdict on the whole chain, the first bad block in words, and the way back: re-mine. */
export function ChainStatus({ node, chain, firstFault, opts, edited, onShowBlock }: Props) {
  const controller = useController();
  const [job, setJob] = useState<Job | null>(null);

  // Re-mining runs synchronously in this thread; wait a moment so the progress line is painted first.
  useEffect(() => {
    if (job?.phase !== 'running') return;
    const t = setTimeout(() => {
      controller.dispatch({ type: 'remine', node: job.node, fromBlock: job.from });
      setJob(null);
    }, 30);
    return () => clearTimeout(t);
  }, [job, controller]);

  const name = nodeName(node);
  const running = job?.node === node ? job : null;

  if (!firstFault)
    return (
      <div className="chain-status" aria-live="polite">
        <p className="ok">
          <span aria-hidden="true">{ICON.ok}</span> {name}'s chain is valid:{' '}
          {opts.strictness === 'strict'
            ? 'every link, proof and strict rule checks out.'
            : "every link and proof checks out (the tutorial's valid_chain)."}
        </p>
        {edited !== null && edited === chain.length && (
          <p className="muted">
            Block {edited} was edited, but no block links to it yet, so nothing notices. A block mined on top
            of it will link to its new hash and make the edit part of {name}'s history.
          </p>
        )}
        {edited !== null && edited < chain.length && (
          <p className="muted">
            Block {edited} was edited, and every block after it now links to its new hash: the edit is part of{' '}
            {name}'s history. Nodes that still hold the original block disagree with it.
          </p>
        )}
      </div>
    );

  const n = firstFault.blockNumber;
  const note = proofNote(firstFault, opts.pow.rule);
  const hashes = remineCost(chain, n, opts);
  return (
    <div className="chain-status invalid" aria-live="polite">
      <p className="bad">
        <span aria-hidden="true">{ICON.bad}</span> {name}'s chain is invalid.
      </p>
      <p>
        {firstFault.message} <code>{firstFault.code}</code>
      </p>
      {chain.length > n && (
        <p>
          Every block after block {n} is invalid too: {chain.length - n === 1 ? 'it builds' : 'they build'} on
          it.
        </p>
      )}
      {note && <p>{note}</p>}
      <p className="muted">Other nodes will reject this chain when they resolve.</p>
      <div className="row">
        <button type="button" className="link" onClick={() => onShowBlock(n)}>
          Show block {n}
        </button>
        {remineFixes(firstFault) ? (
          <button
            type="button"
            className="primary"
            disabled={running?.phase === 'running'}
            onClick={() => {
              const seconds = hashes / measureSearchRate(() => performance.now());
              const phase = seconds > REMINE_CONFIRM_SECONDS ? 'confirm' : 'running';
              setJob({ node, from: n, to: chain.length, hashes, seconds, phase });
            }}
          >
            Re-mine from block {n}
          </button>
        ) : (
          <span className="muted">
            Re-mining cannot fix this: block {n} breaks a rule about its contents. Edit it back instead.
          </span>
        )}
      </div>
      {running?.phase === 'confirm' && (
        <div className="confirm" role="alert">
          <p>
            Re-mining blocks {running.from}–{running.to} takes about {count(running.hashes)} hashes: roughly{' '}
            {duration(running.seconds)} on this computer, and the page does not respond until it is done.
          </p>
          <div className="row">
            <button
              type="button"
              className="primary"
              onClick={() => setJob({ ...running, phase: 'running' })}
            >
              Re-mine anyway
            </button>
            <button type="button" onClick={() => setJob(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {running?.phase === 'running' && (
        <p className="progress">
          Re-mining blocks {running.from}–{running.to}: about {count(running.hashes)} hashes
          {running.seconds >= 1 ? ` (about ${duration(running.seconds)})` : ''}…
        </p>
      )}
    </div>
  );
}
