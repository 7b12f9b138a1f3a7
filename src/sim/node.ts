// One tutorial node: its chain, mempool, peers and miner. It answers the tutorial's endpoints; time comes from
// the simulation clock, randomness from the seeded RNG.
import { forgeBlock, hashBlock } from '../core/block';
import { chooseChain, commonPrefix, type Candidate } from '../core/consensus';
import { failure } from '../core/errors';
import { proofHash, proofInput, validProof, type Found, type PowParams } from '../core/pow';
import { REWARD_AMOUNT, type Block, type Chain, type Transaction } from '../core/types';
import type { ValidationOptions } from '../core/validate';
import { askPeers } from './askPeers';
import { answerNewTransaction, answerRegister, forgedResponse } from './endpoints';
import type { SimEvent } from './events';
import { reconcile, withoutTxs } from './mempool';
import type { MinerPort } from './miner';
import type { Bus, Handler } from './network';
import type { SimParams } from './params';
import { MESSAGES, type Response } from './protocol';
import type { Rng } from '../math/rng';
import { NO_PEERS_NOTE, resolveLines } from './resolveLog';
import type { Scheduler } from './scheduler';

export interface NodeContext {
  readonly scheduler: Scheduler;
  readonly bus: Bus;
  readonly miner: MinerPort;
  readonly rng: Rng;
  params(): SimParams;
  validation(): ValidationOptions;
  difficultyAt(index: number): number;
  emit(ev: SimEvent): void;
  /** Unix-seconds timestamp for "now", rounded like Python's time() to microseconds. */
  timestamp(): number;
  nextJobId(): number;
}

export type ResolveTrigger = 'manual' | 'periodic' | 'announce' | 'final';

interface Job {
  readonly jobId: number;
  readonly tip: Block;
  readonly pow: PowParams;
  readonly startedAt: number;
  /** The header rule binds the block's contents, so they are fixed when the job starts. */
  readonly pending: readonly Transaction[];
  readonly timestamp: number;
}

export function createNode(id: string, genesis: Chain, ctx: NodeContext) {
  const netloc = `${id}:5000`;
  let chain: Chain = genesis;
  let mempool: Transaction[] = [];
  let peers: string[] = [];
  let share = 1;
  let autoMine = false;
  let job: Job | null = null;
  let mineReplies: ((res: Response) => void)[] = [];
  let resolving = false;
  let resolveAgain: ResolveTrigger | null = null;
  /** Removed from the network: it must never mine or adopt a chain again (a resolve may still be in flight). */
  let retired = false;
  let abandoned: readonly Block[] = [];
  /** What this node pays itself per block: 1, unless a lesson makes it greedy (PROTOCOL.md: no reward check). */
  let reward = REWARD_AMOUNT;
  /** The `length` its GET /chain claims; null = the truth (a liar shows flaw #50). */
  let claimedLength: number | null = null;

  const tip = () => chain[chain.length - 1] as Block;
  const now = () => ctx.scheduler.now();
  const wantsToMine = () => autoMine || mineReplies.length > 0;

  function startMining() {
    if (retired) return;
    const t = tip();
    const pow: PowParams = { ...ctx.params().pow, difficulty: ctx.difficultyAt(t.index + 1) };
    if (job && job.tip === t && job.pow.difficulty === pow.difficulty && job.pow.rule === pow.rule) return;
    const timestamp = ctx.timestamp();
    const pending = [...mempool];
    const draft = { timestamp, transactions: [...pending, { sender: '0', recipient: id, amount: reward }] };
    const p = ctx.params();
    job = { jobId: ctx.nextJobId(), tip: t, pow, startedAt: now(), pending, timestamp };
    const current = job;
    const hashRate = Math.max(p.hashRate * share, 1e-9);
    const startNonce = p.randomStart ? ctx.rng.int(1_000_000_000) : 0;
    ctx.miner.start(
      { jobId: job.jobId, nodeId: id, pow, input: proofInput(pow, t, draft), startNonce, hashRate, share },
      (found) => onFound(current, found),
    );
    ctx.emit({ type: 'mining', at: now(), node: id, active: true });
  }

  /** Drop the current search and start again on the current tip with the current settings. */
  function restart() {
    if (!job) return;
    job = null;
    startMining();
  }

  function stopMining() {
    if (!job) return;
    ctx.miner.stop(id);
    job = null;
    ctx.emit({ type: 'mining', at: now(), node: id, active: false });
  }

  function onFound(j: Job, found: Found) {
    if (job !== j) return; // a stale job: the tip moved on
    job = null;
    const header = j.pow.rule === 'header';
    // The tutorial forges with whatever is pending when the proof is found; the header rule bound its contents.
    const pending = header ? j.pending : mempool;
    const forged = forgeBlock(
      j.tip,
      pending,
      id,
      found.proof,
      header ? j.timestamp : ctx.timestamp(),
      reward,
    );
    // Event mode drew the block time instead of hashing: the proof is a placeholder, so mark it (eventMiner.ts).
    const eventMode = ctx.params().eventMode;
    const block: Block = eventMode ? Object.freeze({ ...forged, noProof: true }) : forged;
    // Every found proof is re-verified by the core before the block is forged (ARCHITECTURE.md "Mining").
    if (!eventMode && !validProof(j.pow, j.tip, block)) {
      ctx.emit({
        type: 'error',
        at: now(),
        node: id,
        error: failure('E_POW', `The miner reported proof ${found.proof}, which is not valid.`),
      });
      if (wantsToMine()) startMining();
      return;
    }
    chain = [...chain, block];
    mempool = withoutTxs(mempool, pending);
    ctx.emit({
      type: 'block-mined',
      at: now(),
      node: id,
      index: block.index,
      hash: hashBlock(block),
      proof: block.proof,
      attempts: found.attempts,
      seconds: now() - j.startedAt,
      difficulty: j.pow.difficulty,
    });
    const res = forgedResponse(block);
    const replies = mineReplies;
    mineReplies = [];
    for (const reply of replies) reply(res);
    if (ctx.params().resolvePolicy === 'on-announce') announce(block);
    if (autoMine) startMining();
    else ctx.emit({ type: 'mining', at: now(), node: id, active: false });
  }

  function announce(block: Block) {
    for (const peer of peers) {
      ctx.bus.request(
        netloc,
        peer,
        { method: 'POST', path: '/nodes/announce', body: { index: block.index, hash: hashBlock(block) } },
        ctx.params().timeout,
        () => {},
      );
    }
  }

  function replaceChain(next: Chain, from: string) {
    const fork = commonPrefix(chain, next);
    const dropped = chain.slice(fork);
    const added = next.slice(fork);
    // A new array each time, so readers that memoise on identity (the UI) see the change.
    abandoned = Object.freeze([...abandoned, ...dropped].slice(-500));
    let returned: Transaction[] = [];
    if (!ctx.params().flaws.noMempoolReconcile) {
      const r = reconcile(mempool, dropped, added);
      mempool = r.mempool;
      returned = r.returned;
    }
    const oldLength = chain.length;
    chain = next;
    ctx.emit({
      type: 'chain-replaced',
      at: now(),
      node: id,
      from,
      oldLength,
      newLength: next.length,
      forkPoint: fork,
      droppedBlocks: dropped.length,
      returnedTxs: returned,
    });
    if (wantsToMine()) startMining();
  }

  function resolve(trigger: ResolveTrigger, reply?: (res: Response) => void) {
    if (resolving) {
      if (reply) reply({ status: 409, body: { message: 'A resolve is already running on this node.' } });
      else resolveAgain = trigger;
      return;
    }
    resolving = true;
    const asked = [...peers];
    const p = ctx.params();
    const timeout = p.flaws.noTimeout ? null : p.timeout;
    const decide = (candidates: Candidate[]) => {
      resolving = false;
      if (retired) return;
      const params = ctx.params();
      const plan = chooseChain(chain, candidates, {
        forkChoice: params.forkChoice,
        validation: ctx.validation(),
        trustClaimedLength: params.flaws.trustClaimedLength,
      });
      const lines = resolveLines(plan, params.forkChoice);
      const ownLength = chain.length;
      if (plan.adopt) replaceChain(plan.adopt.chain, plan.adopt.peer);
      ctx.emit({
        type: 'resolve',
        at: now(),
        node: id,
        trigger,
        message: plan.message,
        ownLength,
        adoptedFrom: plan.adopt?.peer ?? null,
        lines,
        ...(asked.length === 0 ? { note: NO_PEERS_NOTE } : {}),
      });
      reply?.({
        status: 200,
        body: plan.adopt
          ? { message: MESSAGES.replaced, new_chain: chain }
          : { message: MESSAGES.authoritative, chain },
      });
      if (resolveAgain) {
        const again = resolveAgain;
        resolveAgain = null;
        resolve(again);
      }
    };
    askPeers(ctx.bus, netloc, asked, timeout, decide);
  }

  /**
   * Forge the next block with a proof someone else found. The tutorial's proof ignores the block's contents
   * (PROTOCOL.md flaw #10), so a copied proof fits the copier's own block on the same parent: no work done.
   */
  function useProof(proof: number, source: string): boolean {
    const t = tip();
    const pow: PowParams = { ...ctx.params().pow, difficulty: ctx.difficultyAt(t.index + 1) };
    const timestamp = ctx.timestamp();
    const pending = [...mempool];
    const block = forgeBlock(t, pending, id, proof, timestamp, reward);
    if (!validProof(pow, t, block)) {
      const why =
        pow.rule === 'header'
          ? 'the header rule binds the transactions and the miner, so a proof fits one block only'
          : 'a tutorial proof only fits the same previous block';
      const error = failure(
        'E_POW',
        `${id} tried ${source}'s proof ${proof} on its own block: invalid — ${why}.`,
      );
      ctx.emit({ type: 'error', at: now(), node: id, error });
      return false;
    }
    if (job) ctx.miner.stop(id);
    job = { jobId: ctx.nextJobId(), tip: t, pow, startedAt: now(), pending, timestamp };
    onFound(job, { proof, hash: proofHash(proofInput(pow, t, block), proof), attempts: 0 });
    return true;
  }

  const handle: Handler = (req, _from, reply) => {
    switch (req.path) {
      case '/chain':
        return reply({ status: 200, body: { chain, length: claimedLength ?? chain.length } });
      case '/mine':
        mineReplies.push(reply);
        return startMining();
      case '/nodes/resolve':
        return resolve('manual', reply);
      case '/nodes/announce':
        reply({ status: 202, body: { message: 'Thanks, resolving' } });
        return resolve('announce');
      case '/transactions/new': {
        const faithful = ctx.params().strictness === 'tutorial';
        const answer = answerNewTransaction(req.body, mempool, tip().index + 1, faithful);
        mempool = [...answer.mempool];
        const o = answer.outcome;
        if (o && 'error' in o)
          ctx.emit({ type: 'transaction', at: now(), node: id, accepted: false, error: o.error });
        else if (o) ctx.emit({ type: 'transaction', at: now(), node: id, accepted: true, ...o });
        return reply(answer.response);
      }
      case '/nodes/register': {
        const answer = answerRegister(netloc, peers, req.body, ctx.params().maxPeers);
        if (answer.response.status === 201) {
          peers = [...answer.peers];
          ctx.emit({ type: 'peers', at: now(), node: id, added: answer.added, rejected: answer.rejected });
        }
        return reply(answer.response);
      }
    }
  };

  return {
    id,
    netloc,
    url: `http://${netloc}`,
    handle,
    chain: () => chain,
    mempool: (): readonly Transaction[] => mempool,
    peers: (): readonly string[] => peers,
    abandoned: (): readonly Block[] => abandoned,
    share: () => share,
    autoMine: () => autoMine,
    mining: () => job !== null,
    resolving: () => resolving,
    setShare(s: number) {
      share = s;
      restart();
    },
    setAutoMine(on: boolean) {
      autoMine = on;
      if (on) startMining();
      else if (mineReplies.length === 0) stopMining();
    },
    /** A parameter changed (difficulty, rule): restart the search if one is running. */
    restartMining: restart,
    resolve: (trigger: ResolveTrigger) => resolve(trigger),
    /** The student's edit: this node's copy of the chain now holds a changed block (nothing is re-hashed). */
    setChain(next: Chain) {
      chain = next;
      if (wantsToMine()) {
        job = null;
        startMining();
      }
    },
    stop: stopMining,
    setReward(amount: number) {
      reward = amount;
      restart();
    },
    claimLength(length: number | null) {
      claimedLength = length;
    },
    reward: () => reward,
    useProof,
    retire() {
      retired = true;
      autoMine = false;
      mineReplies = [];
      stopMining();
    },
  };
}

export type SimNode = ReturnType<typeof createNode>;
