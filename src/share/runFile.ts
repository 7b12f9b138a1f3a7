// Files in and out: a node's chain as the tutorial's GET /chain JSON (what the Python node serves and accepts),
// and the whole run as a payload. Imports use the core's safe parser (size and depth limits, exact fields).
import { chainResponseText, checkExportable, parseChainResponse } from '../core/chainJson';
import { PyFloat } from '../core/encoding';
import { fail, failure, ok, type Failure, type Result } from '../core/errors';
import { DEFAULT_PARSE_LIMITS, parseJson } from '../core/parse';
import { decodeUtf8 } from '../core/text';
import type { Chain } from '../core/types';
import { validateChain } from '../core/validate';
import type { SharePayload } from './payload';
import { parsePayloadText } from './readPayload';

/** Largest file read, in characters (the core's limit for chains). */
export const FILE_LIMIT = DEFAULT_PARSE_LIMITS.maxChars;

/** `{"chain": [...], "length": n}`, byte-identical to Python's json.dumps(sort_keys=True) of the same chain. */
export function chainFileText(chain: Chain): Result<string> {
  const exportable = checkExportable(chain);
  return exportable.ok ? ok(chainResponseText(chain) + '\n') : exportable;
}

/** What a tutorial node (dvf/blockchain: rule tutorial, 4 hex zeros) checks when it resolves against us. */
const TUTORIAL_NODE = { pow: { rule: 'tutorial', difficulty: 4 }, strictness: 'tutorial' } as const;

/**
 * Why a tutorial node would refuse this chain, or null when it would take it: an export that only Chainlab reads
 * is said before it is written (difficulty below 4, another proof rule, a tampered block).
 */
export function tutorialNodeRefusal(chain: Chain): Failure | null {
  const v = validateChain(chain, TUTORIAL_NODE);
  return v.ok ? null : v.error;
}

export type ImportedFile =
  | { readonly kind: 'chain'; readonly chain: Chain; readonly claimedLength: number }
  | { readonly kind: 'run'; readonly payload: SharePayload };

/** A file's text → a chain (GET /chain shape) or a run (an exported run or autosave), or why not. */
export function readImportText(text: string): Result<ImportedFile> {
  const probe = parseJson(text, { maxChars: FILE_LIMIT });
  if (!probe.ok) return probe;
  const v = probe.value;
  const isObject = typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof PyFloat);
  // The CLI's --out file: its "proofs": "none" and "nodes" get their own sentences (src/core/chainJson.ts).
  if (isObject && ('chain' in v || 'nodes' in v || 'proofs' in v)) {
    const parsed = parseChainResponse(text, { maxChars: FILE_LIMIT });
    return parsed.ok ? ok({ kind: 'chain', ...parsed.value }) : parsed;
  }
  if (isObject && 'v' in v) {
    const run = parsePayloadText(text, FILE_LIMIT);
    return run.ok ? ok({ kind: 'run', payload: run.value }) : run;
  }
  return fail(
    failure('E_SCHEMA', 'This file is neither a chain ({"chain": [...], "length": n}) nor a Chainlab run.'),
  );
}

/**
 * Read a picked file as the Python node reads a request body: at most FILE_LIMIT bytes (refused by its size
 * before reading, and read no further than one byte past the limit in case the file grew since it was picked),
 * then decoded as strict UTF-8 (src/core/text.ts): invalid bytes are an E_UTF8 error naming their offset, never
 * replaced with U+FFFD.
 */
export async function readFileText(file: Blob): Promise<Result<string>> {
  const tooLarge = (size: number) =>
    fail(
      failure(
        'E_TOO_LARGE',
        `The file has ${Math.round(size / 1024)} kB; at most ${FILE_LIMIT / 1024 / 1024} MiB are read.`,
      ),
    );
  if (file.size > FILE_LIMIT) return tooLarge(file.size);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.slice(0, FILE_LIMIT + 1).arrayBuffer());
  } catch {
    // A folder dropped on the page, a file deleted or changed since it was picked, a device.
    return fail(
      failure('E_READ', 'The browser could not read this file. Pick a regular file (a .json chain or run).'),
    );
  }
  if (bytes.length > FILE_LIMIT) return tooLarge(bytes.length);
  return decodeUtf8(bytes);
}
