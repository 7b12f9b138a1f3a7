// POST /transactions/new: the tutorial checks only that the three values are present ("Missing values"), and
// takes any JSON value for each; so does tutorial-faithful mode (a list as sender, null as amount, 2**64 …),
// keeping them exactly as Python would. Outside it we also check types and amounts, and ignore an exact
// duplicate still pending (Python appends it again).
import { isPositive, type Amount } from '../core/amount';
import { txFromValues } from '../core/block';
import { dumps, isPyJson, PyFloat, type PyJson } from '../core/encoding';
import { fail, failure, ok, type Result } from '../core/errors';
import type { Transaction } from '../core/types';
import { txKey } from './mempool';

const MAX_NAME = 200;

/** ok(tx) to add it, ok(null) when an identical transaction is already pending, or the reason it is refused. */
export function checkNewTransaction(
  body: unknown,
  mempool: readonly Transaction[],
  faithful: boolean,
): Result<Transaction | null> {
  const v = body as { sender?: unknown; recipient?: unknown; amount?: unknown } | null;
  if (
    typeof v !== 'object' ||
    v === null ||
    v.sender === undefined ||
    v.recipient === undefined ||
    v.amount === undefined
  ) {
    return fail(
      failure('E_MISSING_VALUES', 'Missing values: a transaction needs a sender, a recipient and an amount.'),
    );
  }
  const { sender, recipient, amount } = v;
  if (faithful) {
    if (![sender, recipient, amount].every((x) => isPyJson(x)))
      return fail(
        failure('E_SCHEMA', 'Each value must be a JSON value (text, a number, true, false, null, a list…).'),
      );
    return ok(txFromValues(sender as PyJson, recipient as PyJson, amount as PyJson));
  }
  if (typeof sender !== 'string' || typeof recipient !== 'string' || sender === '' || recipient === '')
    return fail(failure('E_SCHEMA', 'Sender and recipient must be names (text).'));
  if (sender.length > MAX_NAME || recipient.length > MAX_NAME)
    return fail(failure('E_SCHEMA', `Names can be at most ${MAX_NAME} characters.`));
  // Python's node takes an int of any size or a float (an integral one, read as PyFloat, stays a float).
  const value = amount instanceof PyFloat ? amount.value : amount;
  if (typeof value === 'bigint' ? false : typeof value !== 'number' || !Number.isFinite(value))
    return fail(failure('E_SCHEMA', 'The amount must be a number.'));
  const exact = value as Amount;
  if (!faithful && !isPositive(exact))
    return fail(failure('E_AMOUNT', `The amount must be more than 0, not ${dumps(amount as PyJson)}.`));
  if (!faithful && sender === '0')
    return fail(
      failure('E_REWARD', 'Sender "0" is reserved for mining rewards; only a miner can create coins.'),
    );
  const tx: Transaction = Object.freeze({
    sender,
    recipient,
    amount: exact,
    ...(amount instanceof PyFloat ? { amountIsFloat: true as const } : {}),
  });
  if (mempool.some((p) => txKey(p) === txKey(tx))) return ok(null);
  return ok(tx);
}
