// Import and export of chains in the tutorial's GET /chain shape: {"chain": [...], "length": n}.
// Import is strict about shape (exactly the tutorial's fields and types) so an imported chain re-encodes to
// the very bytes Python hashed (docs/protocol.md "Hashing: Python's json.dumps, byte for byte"); every
// problem is a Result naming the block and field.
import { blockToJson, txFromValues } from './block';
import { dumps, PyFloat, type PyJson } from './encoding';
import { fail, failure, ok, type Failure, type Result } from './errors';
import type { HexHash } from './hash';
import { parseJson, type ParseLimits } from './parse';
import type { Block, Chain, Transaction } from './types';

const BLOCK_KEYS = ['index', 'previous_hash', 'proof', 'timestamp', 'transactions'];
const TX_KEYS = ['amount', 'recipient', 'sender'];

type Obj = { readonly [key: string]: PyJson };

function isObj(v: PyJson | undefined): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof PyFloat);
}

function describe(v: PyJson | undefined): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (v instanceof PyFloat || typeof v === 'number' || typeof v === 'bigint') {
    const text = dumps(v);
    return `the number ${text.length > 40 ? `${text.slice(0, 20)}…(${text.length} digits)` : text}`;
  }
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${JSON.stringify(v)}`.slice(0, 60);
}

function schema(where: string, message: string): Failure {
  return failure('E_SCHEMA', `${where}: ${message}`);
}

function sameKeys(obj: Obj, keys: readonly string[]): string | null {
  const have = Object.keys(obj).sort();
  const missing = keys.filter((k) => !(k in obj));
  if (missing.length) return `"${missing[0]}" is missing`;
  const extra = have.filter((k) => !keys.includes(k));
  if (extra.length) return `unexpected field "${extra[0]}"`;
  return null;
}

function txFromJson(v: PyJson, where: string): Result<Transaction> {
  if (!isObj(v)) return fail(schema(where, `a transaction must be an object, not ${describe(v)}.`));
  const keys = sameKeys(v, TX_KEYS);
  if (keys) return fail(schema(where, `${keys}.`));
  // Python's node stores whatever JSON values it was sent; the strict rules judge them (validate.ts).
  return ok(txFromValues(v.sender as PyJson, v.recipient as PyJson, v.amount as PyJson));
}

function blockFromJson(v: PyJson, n: number): Result<Block> {
  const where = `Block ${n}`;
  if (!isObj(v)) return fail(schema(where, `a block must be an object, not ${describe(v)}.`));
  const keys = sameKeys(v, BLOCK_KEYS);
  if (keys) return fail(schema(where, `${keys}.`));
  const { index, timestamp, proof, previous_hash, transactions } = v;
  if (typeof index !== 'number' || !Number.isInteger(index))
    return fail(schema(where, `index must be a whole number, not ${describe(index)}.`));
  // Any int: Python's valid_proof formats it into the string it hashes (negative and huge ones too).
  if (typeof proof !== 'bigint' && (typeof proof !== 'number' || !Number.isInteger(proof)))
    return fail(schema(where, `proof must be a whole number, not ${describe(proof)}.`));
  // Python's time() is a float; an int here would hash differently from what Python computed.
  const ts = timestamp instanceof PyFloat ? timestamp.value : timestamp;
  if (typeof ts !== 'number' || (typeof timestamp === 'number' && Number.isInteger(timestamp)))
    return fail(schema(where, `timestamp must be a float like 1700000000.0, not ${describe(timestamp)}.`));
  // Text; the article's first version gave genesis the int 1 (an int never matches a hash elsewhere).
  if (
    typeof previous_hash !== 'string' &&
    (typeof previous_hash !== 'number' || !Number.isInteger(previous_hash))
  )
    return fail(schema(where, `previous_hash must be text, not ${describe(previous_hash)}.`));
  if (!Array.isArray(transactions))
    return fail(schema(where, `transactions must be a list, not ${describe(transactions)}.`));
  const txs: Transaction[] = [];
  for (let i = 0; i < transactions.length; i++) {
    const tx = txFromJson(transactions[i] as PyJson, `${where}, transaction ${i + 1}`);
    if (!tx.ok) return tx;
    txs.push(Object.freeze(tx.value));
  }
  return ok(
    Object.freeze({
      index,
      timestamp: ts,
      transactions: Object.freeze(txs),
      proof,
      previous_hash: typeof previous_hash === 'string' ? (previous_hash as HexHash) : previous_hash,
    }),
  );
}

/** A problem with imported text; `blockNumber` (1-based) when it lies in one block. */
export type ImportFailure = Failure & { readonly blockNumber?: number };

/** A parsed list of blocks → a chain, or the first schema problem. */
export function chainFromJson(v: PyJson): Result<Chain, ImportFailure> {
  if (!Array.isArray(v)) return fail(schema('The chain', `must be a list of blocks, not ${describe(v)}.`));
  const chain: Block[] = [];
  for (let i = 0; i < v.length; i++) {
    const b = blockFromJson(v[i] as PyJson, i + 1);
    if (!b.ok) return fail({ ...b.error, blockNumber: i + 1 });
    chain.push(b.value);
  }
  return ok(chain);
}

export interface ChainResponse {
  readonly chain: Chain;
  /** The `length` the sender claimed; never trusted for fork choice unless a flaw switch says so. */
  readonly claimedLength: number;
}

/** Parse the text of a GET /chain answer (or an exported file). */
export function parseChainResponse(
  text: string,
  limits?: Partial<ParseLimits>,
): Result<ChainResponse, ImportFailure> {
  const parsed = parseJson(text, limits);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  // The CLI's --out file of an event-mode run says so: its blocks never had their proofs found.
  if (isObj(v) && v.proofs === 'none')
    return fail(
      failure(
        'E_NO_PROOF',
        'This file says "proofs": "none": it was written from an event-mode run, whose block times were drawn ' +
          'at random and whose proofs were never found, so the Python node would reject its chains.',
      ),
    );
  if (isObj(v) && !('chain' in v) && Array.isArray(v.nodes))
    return fail(
      schema(
        'The file',
        "this holds several nodes (the CLI's --out file); write one chain with --out-chain NODE FILE and import that.",
      ),
    );
  if (!isObj(v) || !('chain' in v))
    return fail(schema('The file', 'expected an object like {"chain": [...], "length": n}.'));
  const length = v.length;
  if (typeof length !== 'number' || !Number.isInteger(length))
    return fail(schema('The file', `"length" must be a whole number, not ${describe(length)}.`));
  const chain = chainFromJson(v.chain as PyJson);
  if (!chain.ok) return chain;
  return ok({ chain: chain.value, claimedLength: length });
}

/**
 * Event-mode blocks (src/sim/eventMiner.ts) carry placeholder proofs that the Python node would reject, so a chain
 * holding one is never exported as a tutorial chain.
 */
export function checkExportable(chain: Chain): Result<Chain> {
  const i = chain.findIndex((b) => b.noProof);
  if (i < 0) return ok(chain);
  return fail(
    failure(
      'E_NO_PROOF',
      `Block ${i + 1} was made in event mode: its block time was drawn at random and its proof was never ` +
        'found, so the Python node would reject this chain. Run without event mode to export a chain.',
    ),
  );
}

/** The tutorial's GET /chain body, encoded like Python's json.dumps(sort_keys=True). Refuses event-mode chains. */
export function chainResponseText(chain: Chain): string {
  const exportable = checkExportable(chain);
  // A programmer error: exporters check first and show the Result (docs/development.md "Conventions").
  if (!exportable.ok) throw new Error(exportable.error.message);
  return chainBodyText(chain);
}

/**
 * The same body without the export check: for files that say `"proofs": "none"` at the top, so nothing reads
 * them as tutorial chains (the CLI's --out in event mode; --import refuses them).
 */
export function chainBodyText(chain: Chain): string {
  return dumps({ chain: chain.map(blockToJson), length: chain.length });
}
