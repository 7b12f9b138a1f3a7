import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { Chain, Transaction } from '../core/types';
import type { ValidationOptions } from '../core/validate';
import { useText } from '../i18n/useText';
import { draftOf, parseDraft, previewEdit, proofNote, type TxDraft } from './chainView';
import { HashText } from './HashText';
import { FailureText } from './FailureText';
import { ICON } from './icons';

interface Props {
  readonly chain: Chain;
  readonly blockNumber: number;
  readonly txIndex: number;
  readonly tx: Transaction;
  readonly opts: ValidationOptions;
  readonly onApply: (patch: Partial<Transaction>) => void;
  readonly onCancel: () => void;
}

/**
 * What a student at home tries first: change an amount and see what breaks. The block is re-hashed locally on
 * every keystroke (a draft, nothing is sent); only "Apply" dispatches the tamper command.
 */
export function TxEditor({ chain, blockNumber, txIndex, tx, opts, onApply, onCancel }: Props) {
  const { t } = useText();
  const [draft, setDraft] = useState<TxDraft>(() => draftOf(tx));
  const amountField = useRef<HTMLInputElement>(null);
  // The Edit button that opened this form is gone: start where students go first, the amount.
  useEffect(() => amountField.current?.focus(), []);
  const parsed = parseDraft(tx, draft);
  const patch = parsed.ok ? parsed.patch : null;
  // Cheap (one block hash and two proof checks), so recomputed on every render rather than memoised.
  const preview = patch ? previewEdit(chain, blockNumber, txIndex, patch, opts) : null;
  const set = (k: keyof TxDraft) => (e: ChangeEvent<HTMLInputElement>) =>
    setDraft({ ...draft, [k]: e.target.value });
  const last = chain.length;
  const note = preview ? proofNote(preview.fault, opts.pow.rule) : null;

  return (
    <form
      className="tx-editor"
      aria-label={t('block.editLabel', { tx: txIndex + 1, n: blockNumber })}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        if (patch) onApply(patch);
      }}
    >
      <div className="tx-fields">
        <label>
          {t('txEditor.sender')} <input value={draft.sender} onChange={set('sender')} autoComplete="off" />
        </label>
        <label>
          {t('txEditor.recipient')}{' '}
          <input value={draft.recipient} onChange={set('recipient')} autoComplete="off" />
        </label>
        <label>
          {t('txEditor.amount')}{' '}
          <input
            ref={amountField}
            value={draft.amount}
            onChange={set('amount')}
            inputMode="decimal"
            autoComplete="off"
          />
        </label>
      </div>
      {!parsed.ok && <p className="bad">{parsed.why}</p>}
      {preview && (
        <div className="preview">
          <p>
            {t('txEditor.wouldBe', { n: blockNumber })}{' '}
            <HashText hash={preview.hash} label={t('txEditor.newHashOf', { n: blockNumber })} />
            {preview.changed ? '' : ` (${t('txEditor.unchanged')})`}
          </p>
          <PreviewVerdict
            changed={preview.changed}
            blockNumber={blockNumber}
            last={last}
            fault={preview.fault}
          />
          {preview.changed && note && <p className="muted">{note}</p>}
        </div>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={!patch || !preview?.changed}>
          {t('txEditor.apply')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('txEditor.cancel')}
        </button>
      </div>
    </form>
  );
}

function PreviewVerdict({
  changed,
  blockNumber,
  last,
  fault,
}: {
  changed: boolean;
  blockNumber: number;
  last: number;
  fault: ReturnType<typeof previewEdit>['fault'];
}) {
  const { t } = useText();
  if (!changed) return <p className="muted">{t('txEditor.change')}</p>;
  if (!fault) return <p>{t('txEditor.noFollower', { n: blockNumber })}</p>;
  return (
    <p className="bad">
      <span aria-hidden="true">{ICON.bad} </span>
      {fault.blockNumber === last
        ? t('txEditor.wouldBreakOne', { n: last })
        : t('txEditor.wouldBreak', { from: fault.blockNumber, to: last })}{' '}
      <FailureText error={fault} />
    </p>
  );
}
