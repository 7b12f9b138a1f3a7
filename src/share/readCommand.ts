// The commands a run may hold (src/sim/commands.ts), read field by field: a command this version does not know,
// or a field of the wrong type, is refused before anything runs.
import type { Amount } from '../core/amount';
import { chainFromJson } from '../core/chainJson';
import { PyFloat, type PyJson } from '../core/encoding';
import type { Chain, Transaction } from '../core/types';
import type { Command } from '../sim/commands';
import { DEFAULT_PARAMS } from '../sim/params';
import { MAX_BLOCKS, POLICY_NAMES, type PolicyName } from '../sim/policy';
import { RANGES } from '../sim/settings';
import {
  bad,
  describe,
  int,
  list,
  MAX_LIST,
  MAX_LOG,
  num,
  obj,
  onlyKeys,
  shaped,
  text,
  type Obj,
} from './fields';

/**
 * A transaction (or the fields a tamper changes) as the wire form holds it: the amount as Python has it — an int
 * of any size, or a float, an integral one (5.0) read as PyFloat and kept a float.
 */
function readTx(v: unknown, path: string, partial: boolean): Partial<Transaction> {
  const o = obj(v, path);
  onlyKeys(o, ['sender', 'recipient', 'amount'], path);
  const tx: { sender?: string; recipient?: string; amount?: Amount; amountIsFloat?: true } = {};
  if ('sender' in o || !partial) tx.sender = text(o.sender, `${path}.sender`);
  if ('recipient' in o || !partial) tx.recipient = text(o.recipient, `${path}.recipient`);
  if ('amount' in o || !partial) {
    const a = o.amount;
    if (a instanceof PyFloat) {
      tx.amount = a.value;
      tx.amountIsFloat = true;
    } else if (typeof a === 'bigint') tx.amount = a;
    else tx.amount = num(a, `${path}.amount`);
  }
  return Object.freeze(tx);
}

/** A chain in a command is the tutorial's JSON, read by the same importer as a chain file (core/chainJson.ts). */
function readChain(v: unknown, path: string): Chain {
  const chain = chainFromJson(v as PyJson);
  if (!chain.ok) bad(path, `is not a chain the tutorial's node would take: ${chain.error.message}`);
  return chain.value;
}

const ids = (v: unknown, path: string) => list(v, path, MAX_LIST).map((x, i) => text(x, `${path}[${i}]`));

export function readCommand(v: unknown, path: string): Command {
  const o = obj(v, path);
  const node = () => text(o.node, `${path}.node`);
  const keys = (...k: string[]) => onlyKeys(o, ['type', ...k], path);
  switch (o.type) {
    case 'add-node':
      keys('share', 'name', 'address');
      return {
        type: 'add-node',
        ...('share' in o ? { share: num(o.share, `${path}.share`, 0, 1) } : {}),
        ...('name' in o ? { name: text(o.name, `${path}.name`) } : {}),
        ...('address' in o ? { address: text(o.address, `${path}.address`) } : {}),
      };
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
      keys();
      return { type: o.type };
    case 'heal':
      // Older runs hold a bare heal; `resolve` came later and is kept only when present.
      keys('resolve');
      if ('resolve' in o && typeof o.resolve !== 'boolean') bad(`${path}.resolve`, 'must be true or false');
      return { type: 'heal', ...('resolve' in o ? { resolve: o.resolve as boolean } : {}) };
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
      keys('node', 'fromBlock', 'proofs');
      return {
        type: 'remine',
        node: node(),
        fromBlock: int(o.fromBlock, `${path}.fromBlock`, 1),
        // Proofs found by a worker (older runs have none: the replay searches for them itself).
        ...('proofs' in o
          ? {
              proofs: list(o.proofs, `${path}.proofs`, MAX_BLOCKS).map((x, i) =>
                int(x, `${path}.proofs[${i}]`, 0, Number.MAX_SAFE_INTEGER),
              ),
            }
          : {}),
      };
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
    case 'set-policy': {
      keys('node', 'policy', 'confirmations', 'giveUp', 'premine');
      const policy = o.policy as PolicyName;
      if (!POLICY_NAMES.includes(policy))
        bad(`${path}.policy`, `must be one of ${POLICY_NAMES.map((p) => `"${p}"`).join(', ')}`);
      if ('premine' in o && typeof o.premine !== 'boolean') bad(`${path}.premine`, 'must be true or false');
      return {
        type: 'set-policy',
        node: node(),
        policy,
        ...('confirmations' in o
          ? { confirmations: int(o.confirmations, `${path}.confirmations`, 0, MAX_BLOCKS) }
          : {}),
        ...('giveUp' in o ? { giveUp: int(o.giveUp, `${path}.giveUp`, 1, MAX_BLOCKS) } : {}),
        ...('premine' in o ? { premine: o.premine as boolean } : {}),
      };
    }
    case 'set-latency':
      keys('node', 'latency');
      return {
        type: 'set-latency',
        node: node(),
        latency:
          o.latency === null
            ? null
            : num(o.latency, `${path}.latency`, RANGES.latency.min, RANGES.latency.max),
      };
    case 'connect-host':
      keys('url');
      return { type: 'connect-host', url: text(o.url, `${path}.url`) };
    case 'refresh-host':
    case 'disconnect-host':
      keys('address');
      return { type: o.type, address: text(o.address, `${path}.address`) };
    case 'load-chain':
      keys('node', 'chain', 'judge');
      if ('judge' in o && o.judge !== 'shown') bad(`${path}.judge`, 'must be "shown" when given');
      return {
        type: 'load-chain',
        node: node(),
        chain: readChain(list(o.chain, `${path}.chain`, MAX_LOG), `${path}.chain`),
        ...('judge' in o ? { judge: 'shown' as const } : {}),
      };
    default:
      return bad(`${path}.type`, `is not a command this version knows (${describe(o.type)})`);
  }
}
