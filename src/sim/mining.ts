// A node's mining inside the step: starting a job on its tip, the three miners (docs/architecture.md "Mining"),
// and forging the block when a proof comes in. The `hash` miner hashes for real in slices of virtual time, so a
// job cancelled by a new tip has done only the work its time allowed (as a real miner would); the `event` miner
// draws the waiting time; the `external` one is asked through an effect and answers with an input.
import { forgeBlock, hashBlock } from '../core/block';
import { extend } from '../core/chain';
import { failure } from '../core/errors';
import { MAX_NONCE, proofInput, validProof, type PowParams } from '../core/pow';
import type { Block } from '../core/types';
import { createSearch, run } from '../search/fastSearch';
import { targetFor } from '../search/searchCommon';
import { announce, relay } from './announce';
import type { Draft } from './draft';
import { forgedResponse } from './endpoints';
import { withoutTxs } from './mempool';
import type { MiningJob, MiningProgress } from './minerPort';
import { policyMined } from './policy';
import { answerHeld } from './replies';
import { waitingTime } from './eventMiner';
import { powAfter, stepFactor } from './targets';
import { difficultyAt, type Job, type NodeId, type NodeState, type Slice, type World } from './world';

/** Virtual seconds of hashing per slice: short enough that a cancelled job wastes little real work. */
const SLICE_SECONDS = 0.25;

/** Event mode: no digest was computed, so none is reported. */
export const NO_HASH = '';

/**
 * Unix-seconds timestamp of a block forged now on `parent`, rounded like Python's time() to microseconds. Never
 * before its parent: a chain imported from a real node carries real dates, and a block stamped earlier than the
 * one it extends breaks the strict timestamp rule (E_TIMESTAMP) for everyone who validates it.
 */
export const timestampOf = (d: Draft, parent: Block) =>
  Math.max(Math.round((d.params.genesisTimestamp + d.time) * 1e6) / 1e6, parent.timestamp);

const wantsToMine = (n: NodeState) => n.autoMine || n.mineWaiting.length > 0;

export function powFor(d: Draft, index: number): PowParams {
  return { ...d.params.pow, difficulty: difficultyAt(d.schedule, index) };
}

export function portJob(n: NodeState, job: Job): MiningJob {
  const { jobId, pow, input, startNonce, hashRate, share } = job;
  return { jobId, nodeId: n.id, pow, input, startNonce, hashRate, share };
}

/** Start a job on the node's tip, unless one with the same tip and difficulty is running. */
export function startMining(d: Draft, id: NodeId): void {
  const n = d.node(id);
  if (!n) return;
  const tip = n.chain;
  const pow = powAfter(d, tip);
  const j = n.job;
  if (
    j &&
    j.tip.block === tip.block &&
    j.pow.difficulty === pow.difficulty &&
    j.pow.rule === pow.rule &&
    j.pow.bits === pow.bits
  )
    return;
  const timestamp = timestampOf(d, tip.block);
  const pending = n.mempool;
  const draft = { timestamp, transactions: [...pending, { sender: '0', recipient: id, amount: n.reward }] };
  const p = d.params;
  const startNonce = p.randomStart ? d.rng('node').int(1_000_000_000) : 0;
  let job: Job = {
    jobId: d.nextId('job'),
    tip,
    pow,
    startedAt: d.time,
    pending,
    timestamp,
    input: proofInput(pow, tip.block, draft),
    startNonce,
    hashRate: Math.max(p.hashRate * n.share * stepFactor(p.hashRateStep, tip), 1e-9),
    share: n.share,
    slice: null,
    lastHash: '',
    bestHash: '',
  };
  switch (d.miner) {
    case 'hash':
      job = { ...job, slice: hashSlice(d, id, job, 0) };
      break;
    case 'event': {
      const wait = waitingTime(d.rng('miner'), job.hashRate, pow);
      // The attempts a real miner at this rate would have made in that time (at least the successful one).
      const attempts = Math.max(1, Math.ceil(wait * job.hashRate));
      const proof = Math.min(startNonce + attempts - 1, MAX_NONCE);
      d.after(wait, { type: 'proof', node: id, jobId: job.jobId, proof, hash: NO_HASH, attempts });
      break;
    }
    case 'external':
      d.effect({ type: 'mine', job: portJob(n, job) });
      break;
  }
  d.update(id, { job });
  d.emit({ type: 'mining', at: d.time, node: id, active: true });
}

/** Hash one slice from `attemptsBefore` on, and schedule its end. */
function hashSlice(d: Draft, id: NodeId, job: Job, attemptsBefore: number): Slice {
  const perSlice = Math.max(1, Math.round(job.hashRate * SLICE_SECONDS));
  const search = createSearch({
    ...job.input,
    startNonce: job.startNonce + attemptsBefore,
    target: targetFor(job.pow),
  });
  const r = run(search, perSlice);
  if (r.exhausted && !r.found) throw new Error('nonce space exhausted'); // 2^53 attempts
  const attempts = r.found ? r.found.attempts : r.attempts;
  d.after(attempts / job.hashRate, { type: 'slice', node: id, jobId: job.jobId });
  return {
    startedAt: d.time,
    attemptsBefore,
    attempts,
    found: r.found ? { proof: r.found.proof, hash: r.found.hashHex } : null,
    lastHash: r.lastHashHex,
    bestHash: job.bestHash === '' || r.bestHashHex < job.bestHash ? r.bestHashHex : job.bestHash,
  };
}

/** The `hash` miner's slice is over: its hashes are shown from now on; then the proof, or the next slice. */
export function sliceDone(d: Draft, id: NodeId, jobId: number): void {
  const n = d.node(id);
  const job = n?.job;
  if (!job || job.jobId !== jobId || !job.slice) return;
  const s = job.slice;
  const shown: Job = { ...job, lastHash: s.lastHash, bestHash: s.bestHash, slice: null };
  if (s.found) {
    d.update(id, { job: shown });
    return proofFound(d, id, jobId, s.found.proof, s.attemptsBefore + s.attempts);
  }
  d.update(id, { job: { ...shown, slice: hashSlice(d, id, shown, s.attemptsBefore + s.attempts) } });
}

/** A proof for the node's job: forge the block (a proof for an older job is stale: the tip moved on). */
export function proofFound(
  d: Draft,
  id: NodeId,
  jobId: number,
  proof: number | bigint,
  attempts: number,
): void {
  const n = d.node(id);
  const j = n?.job;
  if (!n || !j || j.jobId !== jobId) return;
  d.update(id, { job: null });
  const header = j.pow.rule === 'header';
  // The tutorial forges with whatever is pending when the proof is found; the header rule bound its contents.
  const pending = header ? j.pending : n.mempool;
  const forged = forgeBlock(
    j.tip.block,
    pending,
    id,
    proof,
    header ? j.timestamp : timestampOf(d, j.tip.block),
    n.reward,
  );
  // Event mode drew the block time instead of hashing: the proof is a placeholder, so mark it. A retargeted
  // block keeps the target it was mined at (src/core/types.ts Block.bits).
  const eventMode = d.params.eventMode;
  const bits = j.pow.bits;
  const block: Block =
    eventMode || bits !== undefined
      ? Object.freeze({
          ...forged,
          ...(eventMode ? { noProof: true as const } : {}),
          ...(bits !== undefined ? { bits } : {}),
        })
      : forged;
  // Every found proof is re-verified by the core before the block is forged (docs/architecture.md "Mining").
  if (!eventMode && !validProof(j.pow, j.tip.block, block)) {
    const error = failure('E_POW', `The miner reported proof ${proof}, which is not valid.`);
    d.emit({ type: 'error', at: d.time, node: id, error });
    if (wantsToMine(n)) startMining(d, id);
    return;
  }
  const waiting = n.mineWaiting;
  d.update(id, {
    chain: extend(j.tip, block),
    mempool: withoutTxs(n.mempool, pending),
    mineWaiting: [],
  });
  d.emit({
    type: 'block-mined',
    at: d.time,
    node: id,
    index: block.index,
    hash: hashBlock(block),
    proof: block.proof,
    attempts,
    seconds: d.time - j.startedAt,
    difficulty: j.pow.difficulty,
    ...(bits !== undefined ? { bits } : {}),
  });
  const res = forgedResponse(block);
  for (const held of waiting) answerHeld(d, n.address, held, res);
  // A node with a policy (an attacker, src/sim/policy.ts) decides itself whether anyone hears of its block.
  if (n.policy) policyMined(d, id);
  else if (d.params.resolvePolicy === 'on-announce') announce(d, id, block);
  else if (d.params.resolvePolicy === 'relay') relay(d, id, block);
  if (n.autoMine) startMining(d, id);
  else d.emit({ type: 'mining', at: d.time, node: id, active: false });
}

export function stopMining(d: Draft, id: NodeId): void {
  const n = d.node(id);
  if (!n?.job) return;
  if (d.miner === 'external') d.effect({ type: 'stop-mining', node: id });
  d.update(id, { job: null });
  d.emit({ type: 'mining', at: d.time, node: id, active: false });
}

/** Drop the current search and start again on the current tip with the current settings. */
export function restartMining(d: Draft, id: NodeId): void {
  if (!d.node(id)?.job) return;
  d.update(id, { job: null });
  startMining(d, id);
}

/** The node's chain changed under it: mine on the new tip if it wants to mine. */
export function mineOnNewTip(d: Draft, id: NodeId): void {
  const n = d.node(id);
  if (n && wantsToMine(n)) startMining(d, id);
}

/**
 * Forge the next block with a proof someone else found (any int the tutorial's rule takes). The tutorial's proof ignores the block's contents
 * (docs/protocol.md "Known flaws of the tutorial node", #10), so a copied proof fits the copier's own block on
 * the same parent: no work done.
 */
export function useProof(d: Draft, id: NodeId, proof: number | bigint, source: string): void {
  const n = d.node(id);
  if (!n) return;
  const tip = n.chain;
  const pow = powAfter(d, tip);
  const timestamp = timestampOf(d, tip.block);
  const block = forgeBlock(tip.block, n.mempool, id, proof, timestamp, n.reward);
  if (!validProof(pow, tip.block, block)) {
    const why =
      pow.rule === 'header'
        ? 'the header rule binds the transactions and the miner, so a proof fits one block only'
        : 'a tutorial proof only fits the same previous block';
    const error = failure(
      'E_POW',
      `${id} tried ${source}'s proof ${proof} on its own block: invalid — ${why}.`,
    );
    d.emit({ type: 'error', at: d.time, node: id, error });
    return;
  }
  if (n.job && d.miner === 'external') d.effect({ type: 'stop-mining', node: id });
  const job: Job = {
    jobId: d.nextId('job'),
    tip,
    pow,
    startedAt: d.time,
    pending: n.mempool,
    timestamp,
    input: proofInput(pow, tip.block, block),
    startNonce: typeof proof === 'bigint' ? 0 : proof,
    hashRate: 0,
    share: n.share,
    slice: null,
    lastHash: '',
    bestHash: '',
  };
  d.update(id, { job });
  proofFound(d, id, job.jobId, proof, 0);
}

/** What a node's job has done so far, for the proof-of-work panel (world-side miners only). */
export function progressOf(w: World, n: NodeState): MiningProgress | null {
  const job = n.job;
  if (!job || w.miner === 'external') return null;
  const start = job.slice ? job.slice.startedAt : job.startedAt;
  const before = job.slice ? job.slice.attemptsBefore : 0;
  const attempts = before + Math.max(0, Math.floor((w.time - start) * job.hashRate));
  return {
    jobId: job.jobId,
    attempts,
    nonce: job.startNonce + attempts,
    rate: job.hashRate,
    ...(job.lastHash ? { lastHash: job.lastHash } : {}),
    ...(job.bestHash ? { bestHash: job.bestHash } : {}),
  };
}
