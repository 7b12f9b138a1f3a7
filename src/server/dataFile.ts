// --data FILE: the node's chain, pending transactions and peers across restarts. Written before any 2xx answer
// leaves (engine.ts), atomically — a temporary file, fsync, rename, fsync of the folder — so a kill -9 at any
// moment leaves either the old state or the new one, never half a file, and loses nothing that was answered.
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { blockToJson, txToJson } from '../core/block';
import { toBlocks } from '../core/chain';
import { chainFromJson } from '../core/chainJson';
import { fail, failure, ok, type Result } from '../core/errors';
import { dumps, type PyJson } from '../core/encoding';
import { parseJson } from '../core/parse';
import type { Chain, Transaction } from '../core/types';
import type { NodeState } from '../sim/world';
import { txFromValues } from '../core/block';

export const DATA_VERSION = 1;

export interface Saved {
  readonly chain: Chain;
  readonly mempool: readonly Transaction[];
  readonly peers: readonly string[];
}

/** The file's text: Python's own JSON, so the chain in it is byte for byte what GET /chain serves. */
export function dataText(node: NodeState): string {
  return `${dumps({
    v: DATA_VERSION,
    chain: toBlocks(node.chain).map(blockToJson),
    mempool: node.mempool.map(txToJson),
    peers: [...node.peers],
  })}\n`;
}

export function saveData(file: string, node: NodeState): void {
  const tmp = join(dirname(file), `.${Date.now()}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, dataText(node));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  // The rename itself is only durable once the folder is.
  const dir = openSync(dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

const bad = (file: string, why: string) =>
  fail(failure('E_SCHEMA', `${file} is not a Chainlab node's data file: ${why}.`));

export function readData(file: string, text: string): Result<Saved> {
  const parsed = parseJson(text);
  if (!parsed.ok) return fail({ code: parsed.error.code, message: `${file}: ${parsed.error.message}` });
  const v = parsed.value as Record<string, PyJson> | null;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad(file, 'it is not an object');
  if (v.v !== DATA_VERSION) return bad(file, `its version is ${dumps(v.v ?? null)}, not ${DATA_VERSION}`);
  const chain = chainFromJson(v.chain ?? null);
  if (!chain.ok) return fail({ code: chain.error.code, message: `${file}: ${chain.error.message}` });
  if (!Array.isArray(v.mempool) || !Array.isArray(v.peers))
    return bad(file, 'mempool and peers must be lists');
  const mempool: Transaction[] = [];
  for (const t of v.mempool) {
    const o = t as Record<string, PyJson> | null;
    if (
      typeof o !== 'object' ||
      o === null ||
      Array.isArray(o) ||
      !('sender' in o && 'recipient' in o && 'amount' in o)
    )
      return bad(file, 'a pending transaction is not {sender, recipient, amount}');
    mempool.push(txFromValues(o.sender as PyJson, o.recipient as PyJson, o.amount as PyJson));
  }
  const peers = v.peers.filter((p): p is string => typeof p === 'string');
  if (peers.length !== v.peers.length) return bad(file, 'a peer is not an address');
  return ok({ chain: chain.value, mempool, peers });
}
