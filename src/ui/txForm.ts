// The transaction form's checks, field by field, mirroring what the node itself refuses
// (src/sim/transactions.ts checkNewTransaction) so a message appears next to the field before anything is sent.

import { amountFromText, isPositive, type Amount } from '../core/amount';
import { PyFloat } from '../core/encoding';
import type { Transaction } from '../core/types';
import { i18n } from '../i18n/i18n';

export interface TxFields {
  readonly sender: string;
  readonly recipient: string;
  readonly amount: string;
}

export type TxField = keyof TxFields;
export type TxErrors = Partial<Record<TxField, string>>;

/** Same limit as the node (transactions.ts MAX_NAME). */
const MAX_NAME = 200;

/**
 * `faithful`: the tutorial node only checks that the three values are present, so in tutorial mode an amount
 * of 0 or less and sender "0" go through — as they would in the Python node (docs/protocol.md "Endpoints").
 */
export function checkTxFields(v: TxFields, faithful: boolean): TxErrors {
  const errors: TxErrors = {};
  for (const field of ['sender', 'recipient'] as const) {
    const name = v[field].trim();
    if (name === '')
      errors[field] = field === 'sender' ? i18n.t('txErrors.enterSender') : i18n.t('txErrors.enterRecipient');
    else if (name.length > MAX_NAME) errors[field] = i18n.t('txErrors.tooLong', { max: MAX_NAME });
  }
  if (!errors.sender && !faithful && v.sender.trim() === '0') errors.sender = i18n.t('txErrors.senderZero');
  const amount = v.amount.trim();
  const value = amountFromText(amount);
  if (amount === '') errors.amount = i18n.t('txErrors.enterAmount');
  else if (value === null) errors.amount = i18n.t('txErrors.notNumber', { text: amount.slice(0, 40) });
  else if (!faithful && !isPositive(value instanceof PyFloat ? value.value : value))
    errors.amount = i18n.t('txErrors.positive');
  return errors;
}

/**
 * The JSON body of POST /transactions/new, the amount read as Python's node reads JSON: "5" an int, "5.0" a
 * float, "18446744073709551616" an int with every digit.
 */
/** The transaction a node makes of that body (an integral float keeps its float form). */
export function bodyTx(b: ReturnType<typeof txBody>): Transaction {
  const { amount } = b;
  return amount instanceof PyFloat ? { ...b, amount: amount.value, amountIsFloat: true } : { ...b, amount };
}

export function txBody(v: TxFields): { sender: string; recipient: string; amount: Amount | PyFloat } {
  return { sender: v.sender.trim(), recipient: v.recipient.trim(), amount: amountFromText(v.amount) ?? NaN };
}
