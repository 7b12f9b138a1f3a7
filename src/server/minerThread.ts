// The HTTP node's miner thread: the same pure controller as the browser's Web Worker (src/worker/minerLoop.ts),
// on a Node worker thread, so GET /chain and POST /transactions/new answer while a block is being mined.
import { parentPort } from 'node:worker_threads';
import { fastestEngine } from '../search/engines';
import { createMinerLoop } from '../worker/minerLoop';
import type { MinerToPage } from '../worker/messages';

const port = parentPort;
if (!port) throw new Error('minerThread.ts runs as a worker thread');
const loop = createMinerLoop({
  now: () => performance.now(),
  post: (msg: MinerToPage) => port.postMessage(msg),
  schedule: (fn, delayMs) => void (delayMs > 0 ? setTimeout(fn, delayMs) : setImmediate(fn)),
  engine: fastestEngine,
});
port.on('message', (msg: unknown) => loop.receive(msg));
