// Re-mining a tampered chain off the page's thread: the same miner (a Web Worker, else the main-thread fallback
// that yields between chunks) finds one proof per block, in order, since each block's proof input holds the new
// hash of the block before it (docs/protocol.md "Proof of work"). The proofs go back to the world as one
// `remine` command, which only checks them.
import { hashBlock } from '../core/block';
import { fail, failure, ok, type Result } from '../core/errors';
import { expectedAttempts, proofInput, validProof, type PowParams } from '../core/pow';
import type { Block, Chain } from '../core/types';
import type { MinerChannel } from './mainThreadMiner';
import { MINER_PROTOCOL_VERSION, type MinerToPage } from './messages';
import { startMessage } from './jobOutcome';
import { openMiner } from './openMiner';

export interface RemineProgress {
  /** The block being re-mined now (1-based) and the range. */
  readonly block: number;
  readonly from: number;
  readonly to: number;
  /** Attempts over all blocks so far, and the expected total (each block at its own difficulty). */
  readonly attempts: number;
  readonly expected: number;
  /** Attempts per second of wall time, as the miner last measured. */
  readonly rate: number;
}

export interface RemineOptions {
  readonly chain: Chain;
  readonly fromBlock: number;
  /** The difficulty each block had to meet (blocks keep theirs: docs/protocol.md "Proof of work"). */
  readonly powAt: (index: number) => PowParams;
  readonly onProgress: (p: RemineProgress) => void;
  /** The proofs, one per block from `fromBlock`; never called after `cancel`. */
  readonly onDone: (r: Result<readonly number[]>) => void;
  readonly open?: (onMessage: (msg: MinerToPage) => void) => MinerChannel;
}

export interface RemineJob {
  cancel(): void;
}

export function startRemine(o: RemineOptions): RemineJob {
  const open = o.open ?? openMiner;
  const out: Block[] = [...o.chain];
  const to = out.length;
  const proofs: number[] = [];
  let expected = 0;
  for (let i = o.fromBlock - 1; i < to; i++) expected += expectedAttempts(o.powAt((out[i] as Block).index));
  let done = 0;
  let current = o.fromBlock - 1;
  let draft: Block | null = null;
  let jobId = '';
  let finished = false;

  const finish = (r: Result<readonly number[]>) => {
    if (finished) return;
    finished = true;
    channel.close();
    o.onDone(r);
  };

  const next = () => {
    if (current >= to) return finish(ok(proofs));
    const prev = out[current - 1] as Block;
    const pow = o.powAt((out[current] as Block).index);
    draft = Object.freeze({ ...(out[current] as Block), previous_hash: hashBlock(prev), proof: 0 });
    const input = proofInput(pow, prev, draft);
    jobId = `remine.${current + 1}`;
    channel.send(startMessage(jobId, pow, input, 0, 1));
  };

  const receive = (msg: MinerToPage) => {
    if (finished) return;
    if (msg.type === 'error') return finish(fail(failure('E_POW', `Re-mining stopped: ${msg.message}`)));
    if (msg.jobId !== jobId) return;
    if (msg.type === 'progress') {
      o.onProgress({
        block: current + 1,
        from: o.fromBlock,
        to,
        attempts: done + msg.attempts,
        expected,
        rate: msg.rate,
      });
      return;
    }
    const prev = out[current - 1] as Block;
    const block = Object.freeze({ ...(draft as Block), proof: msg.proof });
    // The miner verifies too; checking here keeps a wrong proof from ever reaching the world.
    if (!validProof(o.powAt(block.index), prev, block))
      return finish(fail(failure('E_POW', `The proof found for block ${current + 1} does not check out.`)));
    out[current] = block;
    proofs.push(msg.proof);
    done += msg.attempts;
    current++;
    next();
  };

  const channel = open(receive);
  if (o.fromBlock < 2 || o.fromBlock > to)
    finish(fail(failure('E_SCHEMA', `Blocks 2 to ${to} can be re-mined, not ${o.fromBlock}.`)));
  else next();

  return {
    cancel() {
      if (finished) return;
      finished = true;
      channel.send({ v: MINER_PROTOCOL_VERSION, type: 'stop', jobId });
      channel.close();
    },
  };
}
