// One registry of error codes: expected failures are values with a code and a readable message.
export const ERROR_CODES = {
  E_JSON: 'The text is not valid JSON.',
  E_TOO_LARGE: 'The input is larger than allowed.',
  E_SCHEMA: 'A field is missing or has the wrong type.',
  E_GENESIS: 'The first block is not the genesis block.',
  E_INDEX: 'Block numbers must go up by one.',
  E_PREV_HASH: 'previous_hash does not match the hash of the block before.',
  E_POW: 'The proof of work is not valid.',
  E_TARGET: 'The block’s target is not the one the retarget rule gives from the blocks before it.',
  E_REWARD: 'The mining reward is wrong.',
  E_AMOUNT: 'An amount is not a positive number.',
  E_TIMESTAMP: 'A timestamp goes back in time.',
  E_BALANCE: 'A sender spends more than they have.',
  E_MISSING_VALUES: 'Missing values',
  E_BAD_URL: 'The address is not a valid node URL.',
  E_SELF: 'A node cannot register itself as a peer.',
  E_PEER_LIMIT: 'Too many peers.',
  E_TIMEOUT: 'The peer did not answer in time.',
  E_UNREACHABLE: 'The peer cannot be reached.',
  E_SHARE_DECODE: 'The shared link cannot be read.',
  E_NO_SUCH_NODE: 'There is no node with that name.',
  E_BAD_PARAM: 'A setting is out of range.',
  E_STORAGE: 'The browser would not store the autosave.',
  E_NO_PROOF: 'The chain was made in event mode and carries no real proof of work.',
  E_USAGE:
    'The command line is not right: an unknown option, a missing or malformed value, or an unusable file.',
  E_UTF8: 'The file is not valid UTF-8 text, so it cannot be read as JSON.',
  E_READ: 'The file cannot be read: it is not a regular file, or the browser would not open it.',
  E_MESSAGE: 'A message to a worker is malformed or comes from another version of Chainlab.',
  E_NOT_FOUND: 'There is nothing at that address on this node.',
  E_HUB_MESSAGE: 'A message to the classroom hub is malformed or from another version of Chainlab.',
  E_FORBIDDEN: 'Only the teacher may do that, and a page speaks only for its own node.',
  E_RATE_LIMIT: 'Too many messages at once: the hub is slowing this page down.',
  E_NAME_TAKEN: 'Another node of the class already has that name.',
  E_CLASS_FULL: 'The class has no free node address left.',
  E_INTERNAL: 'Something went wrong inside Chainlab: a bug, not a problem with the input.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface Failure {
  readonly code: ErrorCode;
  readonly message: string;
}

export type Result<T, E extends Failure = Failure> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E extends Failure>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

export function failure(code: ErrorCode, message: string = ERROR_CODES[code]): Failure {
  return { code, message };
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
