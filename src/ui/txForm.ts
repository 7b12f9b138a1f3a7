// The transaction form's checks, field by field, mirroring what the node itself refuses
// (src/sim/transactions.ts checkNewTransaction) so a message appears next to the field before anything is sent.

export interface TxFields {
  readonly sender: string;
  readonly recipient: string;
  readonly amount: string;
}

export type TxField = keyof TxFields;
export type TxErrors = Partial<Record<TxField, string>>;

/** Same limit as the node (transactions.ts MAX_NAME). */
const MAX_NAME = 200;
/** A plain decimal number as a person types it ("5", "0.5", "1e3"); Number() alone would take "0x10" or " ". */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * `faithful`: the tutorial node only checks that the three values are present, so in tutorial mode an amount
 * of 0 or less and sender "0" go through — as they would in the Python node (docs/protocol.md "Endpoints").
 */
export function checkTxFields(v: TxFields, faithful: boolean): TxErrors {
  const errors: TxErrors = {};
  for (const field of ['sender', 'recipient'] as const) {
    const name = v[field].trim();
    if (name === '') errors[field] = `Enter a ${field} (a name, e.g. “alice”).`;
    else if (name.length > MAX_NAME) errors[field] = `At most ${MAX_NAME} characters.`;
  }
  if (!errors.sender && !faithful && v.sender.trim() === '0')
    errors.sender = 'Sender “0” is kept for mining rewards: only a miner can create coins.';
  const amount = v.amount.trim();
  if (amount === '') errors.amount = 'Enter an amount.';
  else if (!NUMBER.test(amount) || !Number.isFinite(Number(amount)))
    errors.amount = `“${amount}” is not a number.`;
  else if (!faithful && !(Number(amount) > 0)) errors.amount = 'The amount must be more than 0.';
  return errors;
}

/** The JSON body of POST /transactions/new. */
export function txBody(v: TxFields): { sender: string; recipient: string; amount: number } {
  return { sender: v.sender.trim(), recipient: v.recipient.trim(), amount: Number(v.amount.trim()) };
}
