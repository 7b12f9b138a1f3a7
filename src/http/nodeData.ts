// A real node's memory: its chain, pending transactions and peers as one text, and how a node gets them back.
// The HTTP node keeps the text in its --data file (src/server/dataFile.ts); a classroom browser node keeps it in
// the page's storage (src/classroom/saved.ts). Python's own JSON, so the chain in it is byte for byte what
// GET /chain serves.
import { blockToJson, txFromValues, txToJson } from '../core/block';
import { toBlocks } from '../core/chain';
import { chainFromJson } from '../core/chainJson';
import { dumps, type PyJson } from '../core/encoding';
import { fail, failure, ok, type Failure, type Result } from '../core/errors';
import { parseJson } from '../core/parse';
import type { Chain, Transaction } from '../core/types';
import type { NodeState } from '../sim/world';
import type { NodeEngine } from './nodeEngine';

export const DATA_VERSION = 1;

export interface Saved {
  readonly chain: Chain;
  readonly mempool: readonly Transaction[];
  readonly peers: readonly string[];
}

export function dataText(node: NodeState): string {
  return `${dumps({
    v: DATA_VERSION,
    chain: toBlocks(node.chain).map(blockToJson),
    mempool: node.mempool.map(txToJson),
    peers: [...node.peers],
  })}\n`;
}

const bad = (file: string, why: string) =>
  fail(failure('E_SCHEMA', `${file} is not a Chainlab node's data file: ${why}.`));

/** `file` names where the text came from, in the messages. */
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

/**
 * Give a node back what it saved, through the doors anything else uses: the chain is loaded (and judged by the
 * node's rules), pending transactions arrive as POST /transactions/new, peers as POST /nodes/register.
 */
export async function restoreNode(engine: NodeEngine, saved: Saved): Promise<Failure | null> {
  const loaded = engine.command({ type: 'load-chain', node: engine.node().id, chain: saved.chain });
  if (loaded) return loaded;
  for (const tx of saved.mempool)
    await engine.request({ method: 'POST', path: '/transactions/new', body: txToJson(tx) });
  if (saved.peers.length > 0)
    await engine.request({ method: 'POST', path: '/nodes/register', body: { nodes: saved.peers } });
  return null;
}
