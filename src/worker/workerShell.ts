// The shell every miner worker shares: wire the pure controller (minerLoop.ts) to the worker's messages.
import type { MinerToPage } from './messages';
import { createMinerLoop, type MinerLoopDeps } from './minerLoop';
import { createSchedule } from './schedule';

// Typed locally instead of with the WebWorker lib, which conflicts with the DOM lib of tsconfig.app.json.
interface WorkerScope {
  postMessage(msg: MinerToPage): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

/** Run a miner in this worker with the given search engine. */
export function serveMiner(engine: MinerLoopDeps['engine']): void {
  const scope = self as unknown as WorkerScope;
  const loop = createMinerLoop({
    now: () => performance.now(),
    post: (msg) => scope.postMessage(msg),
    schedule: createSchedule('message-channel'),
    engine,
  });
  scope.onmessage = (ev) => loop.receive(ev.data);
}
