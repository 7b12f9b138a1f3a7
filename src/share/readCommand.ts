// The commands a run may hold (src/sim/commands.ts), read field by field: a command this version does not know,
// or a field of the wrong type, is refused before anything runs.
import { isValidNonce } from '../core/pow';
import type { Block, Transaction } from '../core/types';
import type { Command } from '../sim/commands';
import { DEFAULT_PARAMS } from '../sim/params';
import { bad, int, list, MAX_LIST, MAX_LOG, num, obj, onlyKeys, shaped, text, type Obj } from './fields';

function readTx(v: unknown, path: string, partial: boolean): Partial<Transaction> {
  const o = obj(v, path);
  onlyKeys(o, ['sender', 'recipient', 'amount', 'amountIsFloat'], path);
  const tx: { sender?: string; recipient?: string; amount?: number; amountIsFloat?: true } = {};
  if ('sender' in o || !partial) tx.sender = text(o.sender, `${path}.sender`);
  if ('recipient' in o || !partial) tx.recipient = text(o.recipient, `${path}.recipient`);
  if ('amount' in o || !partial) tx.amount = num(o.amount, `${path}.amount`);
  if ('amountIsFloat' in o) {
    if (o.amountIsFloat !== true) bad(`${path}.amountIsFloat`, 'can only be true');
    tx.amountIsFloat = true;
  }
  return Object.freeze(tx);
}

function readBlock(v: unknown, path: string): Block {
  const o = obj(v, path);
  onlyKeys(o, ['index', 'timestamp', 'transactions', 'proof', 'previous_hash', 'noProof'], path);
  const txs = list(o.transactions, `${path}.transactions`, 10_000).map(
    (t, i) => readTx(t, `${path}.transactions[${i}]`, false) as Transaction,
  );
  const proof = int(o.proof, `${path}.proof`, 0, Number.MAX_SAFE_INTEGER);
  if (!isValidNonce(proof)) bad(`${path}.proof`, 'is not a valid proof');
  if (typeof o.previous_hash !== 'string' || !/^(1|[0-9a-f]{64})$/.test(o.previous_hash))
    bad(`${path}.previous_hash`, 'must be "1" or a hex hash');
  if ('noProof' in o && o.noProof !== true) bad(`${path}.noProof`, 'can only be true');
  return Object.freeze({
    index: int(o.index, `${path}.index`, 1),
    timestamp: num(o.timestamp, `${path}.timestamp`),
    transactions: Object.freeze(txs),
    proof,
    previous_hash: o.previous_hash as Block['previous_hash'],
    ...(o.noProof ? { noProof: true as const } : {}),
  });
}

const ids = (v: unknown, path: string) => list(v, path, MAX_LIST).map((x, i) => text(x, `${path}[${i}]`));

export function readCommand(v: unknown, path: string): Command {
  const o = obj(v, path);
  const node = () => text(o.node, `${path}.node`);
  const keys = (...k: string[]) => onlyKeys(o, ['type', ...k], path);
  switch (o.type) {
    case 'add-node':
      keys('share');
      return 'share' in o
        ? { type: 'add-node', share: num(o.share, `${path}.share`, 0, 1) }
        : { type: 'add-node' };
    case 'remove-node':
    case 'mine':
    case 'resolve':
      keys('node');
      return { type: o.type, node: node() };
    case 'register':
      keys('node', 'urls');
      return { type: 'register', node: node(), urls: ids(o.urls, `${path}.urls`) };
    case 'register-all':
    case 'resolve-all':
    case 'heal':
      keys();
      return { type: o.type };
    case 'auto-mine':
      keys('node', 'on');
      if (typeof o.on !== 'boolean') bad(`${path}.on`, 'must be true or false');
      return { type: 'auto-mine', node: node(), on: o.on };
    case 'transaction':
      // The body is whatever the user typed: the node itself checks it, as POST /transactions/new does.
      keys('node', 'body');
      return { type: 'transaction', node: node(), body: o.body };
    case 'partition':
      keys('groups');
      return {
        type: 'partition',
        groups: list(o.groups, `${path}.groups`, MAX_LIST).map((g, i) => ids(g, `${path}.groups[${i}]`)),
      };
    case 'set-share':
      keys('node', 'share');
      return { type: 'set-share', node: node(), share: num(o.share, `${path}.share`, 0, 1) };
    case 'set-miner':
      keys('miner');
      if (o.miner !== 'hash' && o.miner !== 'external') bad(`${path}.miner`, 'must be "hash" or "external"');
      return { type: 'set-miner', miner: o.miner };
    case 'set-params': {
      keys('patch');
      const { seed: _seed, ...model } = DEFAULT_PARAMS;
      return { type: 'set-params', patch: shaped(o.patch, model as unknown as Obj, `${path}.patch`, true) };
    }
    case 'tamper':
      keys('node', 'blockNumber', 'txIndex', 'tx');
      return {
        type: 'tamper',
        node: node(),
        blockNumber: int(o.blockNumber, `${path}.blockNumber`, 1),
        txIndex: int(o.txIndex, `${path}.txIndex`),
        tx: readTx(o.tx, `${path}.tx`, true),
      };
    case 'remine':
      keys('node', 'fromBlock');
      return { type: 'remine', node: node(), fromBlock: int(o.fromBlock, `${path}.fromBlock`, 1) };
    case 'set-reward':
      keys('node', 'amount');
      return { type: 'set-reward', node: node(), amount: num(o.amount, `${path}.amount`, 0, 1e9) };
    case 'claim-length':
      keys('node', 'length');
      return {
        type: 'claim-length',
        node: node(),
        length: o.length === null ? null : int(o.length, `${path}.length`),
      };
    case 'copy-proof':
      keys('node', 'from');
      return { type: 'copy-proof', node: node(), from: text(o.from, `${path}.from`) };
    case 'load-chain':
      keys('node', 'chain');
      return {
        type: 'load-chain',
        node: node(),
        chain: Object.freeze(
          list(o.chain, `${path}.chain`, MAX_LOG).map((b, i) => readBlock(b, `${path}.chain[${i}]`)),
        ),
      };
    default:
      return bad(
        `${path}.type`,
        `is not a command this version knows (${JSON.stringify(o.type)?.slice(0, 40)})`,
      );
  }
}
