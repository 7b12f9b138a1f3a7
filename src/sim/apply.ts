// Commands (commands.ts) applied to the working copy of a world. A refused command returns its reason and the
// step throws the working copy away, so an error leaves the world exactly as it was.
import { relink, toBlocks, type Link } from '../core/chain';
import { fail, failure, ok, type Result } from '../core/errors';
import { shownDifficulty } from '../core/pow';
import type { Chain } from '../core/types';
import { validateChain, type ValidationOptions } from '../core/validate';
import { sendRequest } from './bus';
import type { Command } from './commands';
import type { Draft } from './draft';
import { reminedChain, tamperedChain } from './edits';
import { mineOnNewTip, powFor, restartMining, startMining, stopMining, useProof } from './mining';
import { mergeParams, type Flaws, type SimParams } from './params';
import type { Request } from './protocol';
import { replaceChain, resolve } from './resolve';
import { setPolicy } from './policy';
import { checkParams, RANGES } from './settings';
import { validationOf } from './validation';
import { connectHost, disconnectHost, refreshHost } from './hosts';
import { netlocOf } from './protocol';
import { addressOf, CLIENT, difficultyStep, type Address, type NodeId, type NodeState } from './world';
import { difficultyChanged } from './targets';

export const NODE_NAMES = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'grace',
  'heidi',
  'ivan',
  'judy',
] as const;

/** Largest reward or claimed length the bug lab accepts: far beyond any lesson, small enough to print. */
const MAX_AMOUNT = 1e9;

const DONE: Result<void> = ok(undefined);
const NO_REPLY = { kind: 'none' } as const;

const badParam = (message: string) => fail(failure('E_BAD_PARAM', message));

/** The teacher's browser sends the tutorial's request, as a curl would. */
function client(d: Draft, n: NodeState, request: Request): void {
  sendRequest(d, CLIENT, n.address, request, NO_REPLY);
}

function nodeOf(d: Draft, id: string): Result<NodeState> {
  const n = d.node(id);
  return n ? ok(n) : fail(failure('E_NO_SUCH_NODE', `There is no node called "${id}".`));
}

function withNode(d: Draft, id: string, act: (n: NodeState) => Result<void> | void): Result<void> {
  const n = nodeOf(d, id);
  if (!n.ok) return n;
  return act(n.value) ?? DONE;
}

const validShare = (s: unknown): s is number => typeof s === 'number' && s > 0 && s <= 1;

const inRange = (x: unknown, r: { min: number; max: number }) =>
  typeof x === 'number' && Number.isFinite(x) && x >= r.min && x <= r.max;

export function applyCommand(d: Draft, cmd: Command): Result<void> {
  switch (cmd.type) {
    case 'add-node': {
      if (cmd.share !== undefined && !validShare(cmd.share))
        return badParam('Hash power must be between 0 and 100 %.');
      const named = nameOf(d, cmd.name, cmd.address);
      if (!named.ok) return named;
      addNode(d, cmd.share ?? 1, named.value);
      return DONE;
    }
    case 'remove-node':
      return withNode(d, cmd.node, (n) => {
        d.update(n.id, { autoMine: false, mineWaiting: [] });
        stopMining(d, n.id);
        d.removeNode(n.id);
        d.emit({ type: 'node-removed', at: d.time, node: n.id });
      });
    case 'register':
      return withNode(d, cmd.node, (n) =>
        client(d, n, { method: 'POST', path: '/nodes/register', body: { nodes: cmd.urls } }),
      );
    case 'register-all':
      for (const n of d.nodes) {
        const urls = d.nodes.filter((m) => m !== n).map((m) => `http://${m.address}`);
        client(d, n, { method: 'POST', path: '/nodes/register', body: { nodes: urls } });
      }
      return DONE;
    case 'mine':
      return withNode(d, cmd.node, (n) => client(d, n, { method: 'GET', path: '/mine' }));
    case 'auto-mine':
      return withNode(d, cmd.node, (n) => {
        d.update(n.id, { autoMine: cmd.on });
        if (cmd.on) startMining(d, n.id);
        else if (n.mineWaiting.length === 0) stopMining(d, n.id);
      });
    case 'transaction':
      return withNode(d, cmd.node, (n) =>
        client(d, n, { method: 'POST', path: '/transactions/new', body: cmd.body }),
      );
    case 'resolve':
      return withNode(d, cmd.node, (n) => client(d, n, { method: 'GET', path: '/nodes/resolve' }));
    case 'resolve-all':
      // Every node resolves at once, without a request (the end of a headless run).
      for (const n of d.nodes) resolve(d, n.id, 'final', null);
      return DONE;
    case 'partition': {
      // Groups name nodes by id ("alice") or by address ("alice:5000"); the world keeps ids.
      const groups = cmd.groups.map((g) => g.map((x) => (d.nodeAt(x)?.id ?? x) as NodeId));
      d.partition = groups.length > 1 ? groups : null;
      d.emit({ type: 'partition', at: d.time, groups });
      return DONE;
    }
    case 'heal':
      d.partition = null;
      d.emit({ type: 'heal', at: d.time });
      // Without a resolve a healed fork can persist silently until the next announce: make the heal a moment.
      if (cmd.resolve) for (const n of d.nodes) resolve(d, n.id, 'final', null);
      return DONE;
    case 'set-share':
      if (!validShare(cmd.share)) return badParam('Hash power must be between 0 and 100 %.');
      return withNode(d, cmd.node, (n) => {
        d.update(n.id, { share: cmd.share });
        restartMining(d, n.id);
      });
    case 'set-params':
      return setParams(d, mergeParams(d.params, cmd.patch));
    case 'set-miner':
      if (cmd.miner !== 'hash' && cmd.miner !== 'external')
        return badParam('Proofs are found by "hash" or "external".');
      if (d.miner === 'event')
        return badParam('Event mode is chosen when a simulation is created, not during a run.');
      if (d.miner === cmd.miner) return DONE;
      for (const n of d.nodes)
        if (n.job && d.miner === 'external') d.effect({ type: 'stop-mining', node: n.id });
      d.miner = cmd.miner;
      for (const n of d.nodes) restartMining(d, n.id);
      return DONE;
    case 'tamper':
      return withNode(d, cmd.node, (n) => {
        const edited = tamperedChain(toBlocks(n.chain), cmd.blockNumber, cmd.txIndex, cmd.tx);
        if (!edited.ok) return edited;
        setChain(d, n.id, relink(n.chain, edited.value));
        d.emit({ type: 'tampered', at: d.time, node: n.id, blockNumber: cmd.blockNumber });
      });
    case 'remine':
      return withNode(d, cmd.node, (n) => {
        const edited = reminedChain(
          toBlocks(n.chain),
          cmd.fromBlock,
          (index) => powFor(d, index),
          cmd.proofs,
        );
        if (!edited.ok) return edited;
        setChain(d, n.id, relink(n.chain, edited.value));
      });
    case 'set-reward':
      // Strict validation rejects any reward but 1 (E_REWARD); the tutorial's valid_chain never looks.
      if (!(Number.isFinite(cmd.amount) && cmd.amount >= 0 && cmd.amount <= MAX_AMOUNT))
        return badParam(`A reward must be a number from 0 to ${MAX_AMOUNT}.`);
      return withNode(d, cmd.node, (n) => {
        d.update(n.id, { reward: cmd.amount });
        restartMining(d, n.id);
        d.emit({ type: 'reward', at: d.time, node: n.id, amount: cmd.amount });
      });
    case 'claim-length':
      // Flaw #50: the tutorial compares this field, so a liar's short chain can look longest.
      if (
        cmd.length !== null &&
        !(Number.isInteger(cmd.length) && cmd.length >= 0 && cmd.length <= MAX_AMOUNT)
      )
        return badParam('A claimed length must be a whole number of blocks, or none.');
      return withNode(d, cmd.node, (n) => {
        d.update(n.id, { claimedLength: cmd.length });
        d.emit({ type: 'claimed-length', at: d.time, node: n.id, length: cmd.length });
      });
    case 'copy-proof':
      return withNode(d, cmd.node, (n) => {
        const source = nodeOf(d, cmd.from);
        if (!source.ok) return source;
        const tip = source.value.chain.block;
        if (tip.index === 1)
          return fail(failure('E_POW', `${cmd.from} has not mined a block yet: there is no proof to copy.`));
        // An invalid copy is an event (the node refuses its own block), so a replay shows the same refusal.
        useProof(d, n.id, tip.proof, cmd.from);
      });
    case 'set-policy':
      return withNode(d, cmd.node, (n) => setPolicy(d, n, cmd));
    case 'set-latency':
      // The network's latency range (src/sim/settings.ts), so a node's own latency is never one it refuses.
      if (cmd.latency !== null && !inRange(cmd.latency, RANGES.latency)) return badParam(RANGES.latency.what);
      return withNode(d, cmd.node, (n) => {
        d.update(n.id, { latency: cmd.latency ?? undefined });
      });
    case 'connect-host':
      return connectHost(d, cmd.url);
    case 'refresh-host':
      return refreshHost(d, cmd.address);
    case 'disconnect-host':
      return disconnectHost(d, cmd.address);
    case 'load-chain':
      return withNode(d, cmd.node, (n) => {
        const v = validateChain(
          cmd.chain,
          cmd.judge === 'shown' ? importValidation(d, cmd.chain) : validationOf(d),
        );
        if (!v.ok) return fail(v.error);
        // As if a peer had sent it: pending transactions the file's chain holds leave the mempool, those of
        // blocks it drops come back (unless flaw #23 is on), exactly as after a resolve.
        replaceChain(d, n.id, relink(n.chain, cmd.chain), 'a loaded file');
        d.emit({ type: 'chain-loaded', at: d.time, node: n.id, length: cmd.chain.length });
      });
  }
}

/**
 * A file a user picked (`judge: "shown"`) is judged at the difficulty its own blocks show (src/core/pow.ts
 * shownDifficulty), not this network's: a real tutorial chain mined at 4 loads into a classroom mining at 6, and
 * a block tampered with still fails. A node's own saved chain (the HTTP node's --data) meets its rules instead.
 */
function importValidation(d: Draft, chain: Chain): ValidationOptions {
  const base = validationOf(d);
  const shown = shownDifficulty(d.params.pow.rule, chain);
  if (shown === null) return base;
  return { pow: { ...base.pow, difficulty: shown }, strictness: base.strictness, skipProof: base.skipProof };
}

/** A node's own name and address, checked; or the next of alice, bob, carol … at "name:5000". */
function nameOf(
  d: Draft,
  name: string | undefined,
  address: string | undefined,
): Result<{ id: NodeId; address: Address } | null> {
  if (name === undefined && address === undefined) return ok(null);
  if (typeof name !== 'string' || !/^[A-Za-z0-9_.-]{1,64}$/.test(name))
    return badParam('A node name is 1 to 64 letters, digits, ".", "_" or "-".');
  const net = typeof address === 'string' ? netlocOf(address) : null;
  if (!net?.ok)
    return badParam(`"${String(address).slice(0, 80)}" is not a node address like 127.0.0.1:5000.`);
  if (d.nodes.some((n) => n.id === name || n.address === net.value))
    return badParam(`A node called ${name} or at ${net.value} is already here.`);
  return ok({ id: name as NodeId, address: net.value as Address });
}

function addNode(d: Draft, share: number, named: { id: NodeId; address: Address } | null): void {
  const count = d.named++;
  const id = named?.id ?? ((count < NODE_NAMES.length ? NODE_NAMES[count] : `node${count + 1}`) as NodeId);
  d.addNode({
    id,
    address: named?.address ?? addressOf(id),
    chain: d.genesis,
    mempool: [],
    peers: [],
    abandoned: [],
    share,
    autoMine: false,
    job: null,
    mineWaiting: [],
    resolving: null,
    resolveAgain: null,
    reward: 1,
    claimedLength: null,
    periodic: 0,
  });
  d.emit({ type: 'node-added', at: d.time, node: id });
  schedulePeriodic(d, id);
}

/** The student's edit or a loaded file: this node's copy of the chain is now `chain`. */
function setChain(d: Draft, id: NodeId, chain: Link): void {
  const n = d.update(id, { chain });
  if (n.job) d.update(id, { job: null });
  mineOnNewTip(d, id);
}

/** The periodic policy's timer for one node (a new timer makes the old one stale). */
export function schedulePeriodic(d: Draft, id: NodeId): void {
  const p = d.params;
  if (p.resolvePolicy !== 'periodic') {
    d.update(id, { periodic: 0 });
    return;
  }
  const timer = d.nextId('timer');
  d.update(id, { periodic: timer });
  // Offset each node's first resolve so they do not all ask at the same instant.
  d.after(p.resolveInterval * (0.5 + d.rng('root').next()), { type: 'periodic', node: id, timer });
}

const FLAW_NAMES: readonly (keyof Flaws)[] = ['trustClaimedLength', 'noTimeout', 'noMempoolReconcile'];

function setParams(d: Draft, next: SimParams): Result<void> {
  const before = d.params;
  if (next.eventMode !== before.eventMode)
    return badParam('Event mode is chosen when a simulation is created, not during a run.');
  if (next.seed !== before.seed) return badParam('The seed is chosen when a simulation is created.');
  const checked = checkParams(next);
  if (!checked.ok) return checked;
  d.params = next;
  if (difficultyChanged(before, next)) {
    const height = Math.max(1, ...d.nodes.map((n) => n.chain.length));
    d.schedule = [...d.schedule, difficultyStep(height + 1, next)];
    for (const n of d.nodes) restartMining(d, n.id);
  } else if (
    before.hashRateStep.at !== next.hashRateStep.at ||
    before.hashRateStep.factor !== next.hashRateStep.factor
  )
    // Jobs keep the hash rate they started with: start them again at the new one.
    for (const n of d.nodes) restartMining(d, n.id);
  if (before.resolvePolicy !== next.resolvePolicy || before.resolveInterval !== next.resolveInterval)
    for (const n of d.nodes) schedulePeriodic(d, n.id);
  const changed = changedKeys(before, next);
  d.emit({ type: 'settings', at: d.time, params: next, changed });
  for (const name of FLAW_NAMES)
    if (before.flaws[name] !== next.flaws[name])
      d.emit({ type: 'flaw', at: d.time, name, on: next.flaws[name] });
  return DONE;
}

function changedKeys(a: SimParams, b: SimParams): string[] {
  const out: string[] = [];
  for (const k of Object.keys(b) as (keyof SimParams)[]) {
    const x = a[k];
    const y = b[k];
    if (typeof y === 'object' && y !== null) {
      for (const sub of Object.keys(y))
        if ((x as unknown as Record<string, unknown>)[sub] !== (y as unknown as Record<string, unknown>)[sub])
          out.push(`${k}.${sub}`);
    } else if (x !== y) out.push(k);
  }
  return out;
}
