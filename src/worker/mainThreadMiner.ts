// The miner on the page's own thread, for when `Worker` is unavailable: the same controller and the same
// messages as miner.worker.ts, with shorter chunks so the page still renders between them.
import type { MinerToPage, PageToMiner } from './messages';
import { fastestEngine } from '../search/engines';
import { createMinerLoop } from './minerLoop';
import { createSchedule } from './schedule';

/** Both miners look the same to the page: send messages in, get messages out. */
export interface MinerChannel {
  send(msg: PageToMiner): void;
  /** Stops the current job and releases the miner; later sends are dropped. */
  close(): void;
}

// 8 ms of hashing leaves half of a 60 Hz frame to the UI; setTimeout yields (not a MessageChannel) let the
// browser render and handle input between chunks.
const MAIN_THREAD_CHUNK_MS = 8;

export function createMainThreadMiner(onMessage: (msg: MinerToPage) => void): MinerChannel {
  let closed = false;
  const loop = createMinerLoop({
    now: () => performance.now(),
    post: (msg) => {
      if (!closed) onMessage(msg);
    },
    schedule: createSchedule('timeout'),
    engine: fastestEngine,
    chunkMs: MAIN_THREAD_CHUNK_MS,
  });
  return {
    // Delivered in a later task, like a worker's message, so callers see the same ordering in both miners.
    send(msg) {
      if (!closed) setTimeout(() => loop.receive(msg), 0);
    },
    close() {
      closed = true;
      const jobId = loop.currentJobId();
      if (jobId !== null) loop.receive({ v: 1, type: 'stop', jobId });
    },
  };
}
