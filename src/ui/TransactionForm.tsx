// POST /transactions/new from the browser: checked field by field before sending, then the node's own reply.
// Typed values are never cleared, so a refused transaction can be fixed instead of retyped.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useText } from '../i18n/useText';
import type { MessageRecord } from '../sim/bus';
import { CLIENT } from '../sim/world';
import type { AppState, TxEvent } from '../store/appStore';
import { useApp, useController } from './context';
import { nodeName } from './format';
import { ICON } from './icons';
import { netlocOf } from './peerName';
import { checkTxFields, bodyTx, txBody, type TxField, type TxFields } from './txForm';
import { txKey } from './txHistory';

const PATH = 'POST /transactions/new';
// Labels are looked up as txForm.<field>; hints are protocol values, the same in every language: the names are
// wallet names (data, lower case), so they are quoted and the fields use the code font.
const FIELDS: readonly { field: TxField; hint: string; decimal?: boolean }[] = [
  { field: 'sender', hint: 'alice' },
  { field: 'recipient', hint: 'bob' },
  { field: 'amount', hint: '5', decimal: true },
];

interface Sent {
  readonly node: string;
  readonly netloc: string;
  readonly requestId: number;
  readonly body: ReturnType<typeof txBody>;
}

/** The node's answer to our request: the first POST /transactions/new reply to the browser after it. */
function replyTo(s: AppState, sent: Sent | null): MessageRecord | undefined {
  if (!sent) return undefined;
  return s.messages.find(
    (m) => m.id > sent.requestId && m.from === sent.netloc && m.to === CLIENT && m.label.endsWith(PATH),
  );
}

/** The node's event for that reply (same instant): it holds the block number or the reason for a 400. */
function eventFor(s: AppState, sent: Sent | null, reply: MessageRecord | undefined): TxEvent | undefined {
  if (!sent || !reply) return undefined;
  const key = txKey(bodyTx(sent.body));
  return s.txEvents.find(
    (e) =>
      e.type === 'transaction' &&
      e.node === sent.node &&
      e.at === reply.sentAt &&
      (reply.status === 201 ? e.accepted && e.tx !== undefined && txKey(e.tx) === key : !e.accepted),
  );
}

function replyText(reply: MessageRecord, event: TxEvent | undefined): { ok: boolean; text: string } {
  if (event?.type === 'transaction' && event.accepted)
    return { ok: true, text: `201 Transaction will be added to Block ${event.blockIndex}` };
  if (event?.type === 'transaction' && event.error) {
    const words = event.error.code === 'E_MISSING_VALUES' ? 'Missing values' : event.error.message;
    return { ok: false, text: `${reply.status} ${words} (${event.error.code})` };
  }
  if (reply.status === 200)
    return { ok: true, text: '200 This transaction is already pending: nothing was added twice.' };
  return { ok: (reply.status ?? 500) < 400, text: `${reply.status} ${PATH}` };
}

export function TransactionForm({ node, url }: { node: string; url: string }) {
  const { t } = useText();
  const controller = useController();
  const faithful = useApp((s) => s.params.strictness === 'tutorial');
  const playing = useApp((s) => s.playing);
  const [values, setValues] = useState<TxFields>({ sender: '', recipient: '', amount: '' });
  const [touched, setTouched] = useState<Partial<Record<TxField, boolean>>>({});
  const [sent, setSent] = useState<Sent | null>(null);
  const reply = useApp((s) => replyTo(s, sent));
  const event = useApp((s) => eventFor(s, sent, reply));
  const request = useApp((s) => (sent ? s.messages.find((m) => m.id === sent.requestId) : undefined));
  const inputs = useRef<Partial<Record<TxField, HTMLInputElement | null>>>({});
  const id = useId();
  const errors = checkTxFields(values, faithful);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched({ sender: true, recipient: true, amount: true });
    const first = FIELDS.find((f) => errors[f.field]);
    if (first) {
      inputs.current[first.field]?.focus();
      return;
    }
    const body = txBody(values);
    const netloc = netlocOf(url);
    if (!controller.dispatch({ type: 'transaction', node, body }).ok) {
      setSent(null);
      return;
    }
    // The request is logged as soon as it is sent; its id tells our reply apart from later ones.
    const log = controller.store.getState().messages;
    let req: MessageRecord | undefined;
    for (let i = log.length - 1; i >= 0 && !req; i--) {
      const m = log[i] as MessageRecord;
      if (m.from === CLIENT && m.to === netloc && m.label === PATH) req = m;
    }
    setSent(req ? { node, netloc, requestId: req.id, body } : null);
  };

  const answer = reply ? replyText(reply, event) : null;
  return (
    <>
      <form
        className="tx-form"
        onSubmit={submit}
        noValidate
        aria-label={t('txForm.label', { name: nodeName(node) })}
      >
        {FIELDS.map(({ field, hint, decimal }) => {
          const error = touched[field] ? errors[field] : undefined;
          return (
            <div className="tx-field" key={field}>
              <label htmlFor={`${id}-${field}`}>{t(`txForm.${field}`)}</label>
              <input
                id={`${id}-${field}`}
                ref={(el) => {
                  inputs.current[field] = el;
                }}
                value={values[field]}
                placeholder={decimal ? t('txForm.example', { hint }) : t('txForm.exampleName', { hint })}
                className="mono"
                autoComplete="off"
                spellCheck={false}
                inputMode={decimal ? 'decimal' : undefined}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-${field}-error` : undefined}
                onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
                onBlur={() => values[field] !== '' && setTouched((was) => ({ ...was, [field]: true }))}
              />
              {error && (
                <p className="tx-error" id={`${id}-${field}-error`}>
                  <span aria-hidden="true">{ICON.bad} </span>
                  {error}
                </p>
              )}
            </div>
          );
        })}
        <div className="row tx-actions">
          <button type="submit" className="primary">
            {t('txForm.send')}
          </button>
          <span className="muted mono">
            {PATH} → {nodeName(node)}
          </span>
        </div>
      </form>
      <p className="tx-reply" role="status">
        {sent && answer && (
          <span className={answer.ok ? 'ok' : 'bad'}>
            <span aria-hidden="true">{answer.ok ? ICON.ok : ICON.bad} </span>
            {t('txForm.replied', { name: nodeName(sent.node) })} {answer.text}
          </span>
        )}
        {/* Once the request has scrolled out of the message log, the lists below tell the rest. */}
        {sent && !answer && request?.fate === 'unreachable' && (
          <span className="bad">
            <span aria-hidden="true">{ICON.bad} </span>
            {t('txForm.gone', { name: nodeName(sent.node) })}
          </span>
        )}
        {sent && !answer && request && request.fate !== 'unreachable' && (
          <span className="muted">
            {t('txForm.waiting', { name: nodeName(sent.node) })}
            {playing ? '…' : ` — ${t('txForm.paused')}`}
          </span>
        )}
      </p>
    </>
  );
}
