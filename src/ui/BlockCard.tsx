import { useId } from 'react';
import { hashBlock } from '../core/block';
import type { ProofRule } from '../core/pow';
import type { Block, Chain, Transaction } from '../core/types';
import type { ValidationOptions } from '../core/validate';
import { useText } from '../i18n/useText';
import { fullDate, proofHashOf, sinceGenesis, txLabel, type BlockStatus } from './chainView';
import { CopyButton, HashText } from './HashText';
import { FailureText } from './FailureText';
import { ICON } from './icons';
import { TxEditor } from './TxEditor';

const PROOF_INPUT: Record<ProofRule, string> = {
  tutorial: 'sha256(last_proof + proof + last_hash)',
  'tutorial-original': 'sha256(last_proof + proof)',
  header: 'sha256(header + proof)',
};

export function ValidMark({ status }: { status: BlockStatus }) {
  const { t } = useText();
  if (status.kind === 'valid')
    return (
      <span className="mark ok">
        <span aria-hidden="true">{ICON.ok}</span> {t('block.valid')}
      </span>
    );
  return (
    <span className="mark bad">
      <span aria-hidden="true">{ICON.bad}</span> {t('block.invalid')}
    </span>
  );
}

interface Props {
  readonly chain: Chain;
  /** 1-based position in the chain. */
  readonly blockNumber: number;
  readonly status: BlockStatus;
  readonly opts: ValidationOptions;
  /** The transaction being edited in this block, if any. */
  readonly editing: number | null;
  /** Without these the card is read-only (a real node's chain): no Edit buttons. */
  readonly onEdit?: (txIndex: number | null) => void;
  readonly onApply?: (txIndex: number, patch: Partial<Transaction>) => void;
}

export function BlockCard({ chain, blockNumber, status, opts, editing, onEdit, onApply }: Props) {
  const { t } = useText();
  const headingId = useId();
  const block = chain[blockNumber - 1] as Block;
  const prev = blockNumber > 1 ? (chain[blockNumber - 2] as Block) : null;
  const genesis = chain[0] as Block;
  const hash = hashBlock(block);
  const n = block.transactions.length;
  return (
    <article
      className={`block-card${status.kind === 'valid' ? '' : ' invalid'}`}
      aria-labelledby={headingId}
      data-block={blockNumber}
      tabIndex={-1}
    >
      <header className="block-head">
        <h3 id={headingId}>{t('block.title', { n: blockNumber })}</h3>
        <ValidMark status={status} />
        <span className="muted block-time" title={fullDate(block.timestamp)}>
          {blockNumber === 1 ? t('block.genesis') : sinceGenesis(block.timestamp, genesis.timestamp)}
        </span>
      </header>
      {status.kind === 'fault' && (
        <p className="fault">
          <FailureText error={status.fault} />
        </p>
      )}
      {status.kind === 'after' && <p className="fault">{t('block.after', { n: status.firstBad })}</p>}
      <p className="tx-count">{t('block.transactions', { count: n })}</p>
      {n > 0 && (
        <ul className="txs">
          {block.transactions.map((tx, i) => (
            <li key={i}>
              <span className="mono tx-label">{txLabel(tx)}</span>
              {!onEdit || !onApply ? null : editing === i ? (
                <TxEditor
                  chain={chain}
                  blockNumber={blockNumber}
                  txIndex={i}
                  tx={tx}
                  opts={opts}
                  onApply={(patch) => onApply(i, patch)}
                  onCancel={() => onEdit(null)}
                />
              ) : (
                <button
                  type="button"
                  className="link"
                  aria-label={t('block.editLabel', { tx: i + 1, n: blockNumber })}
                  onClick={() => onEdit(i)}
                >
                  {t('block.edit')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <dl className="block-fields">
        <dt>proof</dt>
        <dd>
          <span className="mono">{block.proof}</span>
          {prev ? (
            <>
              {' '}
              <span className="muted" title={PROOF_INPUT[opts.pow.rule]}>
                →
              </span>{' '}
              <HashText
                hash={proofHashOf(opts, prev, block)}
                label={t('block.proofHashOf', { n: blockNumber })}
              />
            </>
          ) : (
            <span className="muted"> ({t('block.fixedGenesis')})</span>
          )}
        </dd>
        <dt>previous_hash</dt>
        <dd>
          <HashText
            hash={String(block.previous_hash)}
            label={t('block.previousHashOf', { n: blockNumber })}
          />
        </dd>
        <dt>hash</dt>
        <dd>
          <HashText hash={hash} label={t('block.hashOf', { n: blockNumber })} />{' '}
          <CopyButton text={hash} label={t('block.hashOf', { n: blockNumber })} />
        </dd>
      </dl>
    </article>
  );
}
