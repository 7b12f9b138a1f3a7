// Runs the real miner (a Web Worker, or the main-thread fallback) for test/e2e/worker.test.ts.
import { genesisBlock } from '../../../src/core/block';
import { proofInput, type ProofRule } from '../../../src/core/pow';
import type { MinerToPage, StartMessage } from '../../../src/worker/messages';
import { createMainThreadMiner, type MinerChannel } from '../../../src/worker/mainThreadMiner';
import { openWorkerMiner } from '../../../src/worker/openMiner';
import { sha256x4Module } from '../../../src/search/sha256x4';

type Kind = 'worker' | 'main-thread';

const genesis = genesisBlock(1700000000);

function startMessage(jobId: string, rule: ProofRule, difficulty: number): StartMessage {
  const { prefix, suffix } = proofInput({ rule, difficulty }, genesis, { timestamp: 0, transactions: [] });
  return { v: 1, type: 'start', jobId, rule, difficulty, prefix, suffix, startNonce: 0, share: 1 };
}

function open(kind: Kind, onMessage: (msg: MinerToPage) => void): MinerChannel {
  return kind === 'worker' ? openWorkerMiner(onMessage) : createMainThreadMiner(onMessage);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Mines the block after genesis with the tutorial rule at D = 4 (docs/protocol.md "Test vectors": 4456). */
function findGenesis(kind: Kind): Promise<MinerToPage> {
  return new Promise((resolve) => {
    const miner = open(kind, (msg) => {
      if (msg.type === 'progress') return;
      miner.close();
      resolve(msg);
    });
    miner.send(startMessage('genesis', 'tutorial', 4));
  });
}

export interface StopReport {
  progressBeforeStop: number;
  /** Last progress of the stopped job, in ms after `stop` was sent (negative: none after). */
  lastProgressAfterStopMs: number;
  /** From `stop` to the answer of a difficulty-0 job sent right behind it. */
  nextJobAnsweredMs: number;
  nextJob: MinerToPage | undefined;
}

/** Starts a job that will not finish (D = 8), stops it after a few progress reports, and watches it go quiet. */
async function stopHardJob(kind: Kind): Promise<StopReport> {
  const progressAt: number[] = [];
  let nextJob: MinerToPage | undefined;
  let answeredAt = Number.NaN;
  const miner = open(kind, (msg) => {
    if (msg.jobId === 'hard' && msg.type === 'progress') progressAt.push(performance.now());
    if (msg.jobId === 'next') {
      nextJob = msg;
      answeredAt = performance.now();
    }
  });
  miner.send(startMessage('hard', 'tutorial', 8));
  while (progressAt.length < 3) await sleep(10);
  const stoppedAt = performance.now();
  const progressBeforeStop = progressAt.length;
  miner.send({ v: 1, type: 'stop', jobId: 'hard' });
  miner.send(startMessage('next', 'tutorial', 0));
  await sleep(600);
  miner.close();
  return {
    progressBeforeStop,
    lastProgressAfterStopMs: Math.max(...progressAt) - stoppedAt,
    nextJobAnsweredMs: answeredAt - stoppedAt,
    nextJob,
  };
}

export interface MinerTestApi {
  findGenesis: typeof findGenesis;
  stopHardJob: typeof stopHardJob;
  hasWorker: boolean;
  /** The worker picks the 4-lane WebAssembly SIMD search when the browser validates its module. */
  hasWasmSimd: boolean;
}

const api: MinerTestApi = {
  findGenesis,
  stopHardJob,
  hasWorker: typeof Worker === 'function',
  hasWasmSimd: WebAssembly.validate(sha256x4Module()),
};
(window as unknown as { minerTest: MinerTestApi }).minerTest = api;
document.title = 'ready';
