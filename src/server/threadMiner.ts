// The Miner port of the HTTP node (docs/architecture.md "Mining"): the browser's worker driver
// (src/worker/workerMiner.ts) over a Node worker thread instead of a Web Worker.
import { Worker } from 'node:worker_threads';
import type { Failure } from '../core/errors';
import type { MakeMiner } from '../sim/minerPort';
import type { MinerChannel } from '../worker/mainThreadMiner';
import type { MinerToPage } from '../worker/messages';
import { createWorkerMiner } from '../worker/workerMiner';

// Run from TypeScript (tsx), the thread starts at a small module that registers the same loader first.
const THREAD = new URL(
  import.meta.url.endsWith('.ts') ? './minerThread.mjs' : './minerThread.js',
  import.meta.url,
);

function openThread(onMessage: (msg: MinerToPage) => void): MinerChannel {
  const worker = new Worker(THREAD);
  worker.on('message', onMessage);
  worker.on('error', (e) =>
    onMessage({ v: 1, type: 'error', jobId: '', code: 'E_MINER_CRASHED', message: e.message }),
  );
  worker.unref();
  return { send: (msg) => worker.postMessage(msg), close: () => void worker.terminate() };
}

/** One thread for the node's one miner: the rest of the machine stays free for its HTTP answers. */
export function threadMiner(onError: (error: Failure) => void): MakeMiner {
  return (found) =>
    createWorkerMiner(found, { open: openThread, cores: 1, onError: (_node, e) => onError(e) });
}
