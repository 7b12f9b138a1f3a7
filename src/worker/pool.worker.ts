// A pool worker (minerPool.ts): a thin shell over poolLoop.ts, with the fastest search this browser supports.
import { fastestEngine } from '../search/engines';
import { createPoolLoop } from './poolLoop';
import type { MinerToPage } from './messages';
import { createSchedule } from './schedule';

// Typed locally instead of with the WebWorker lib, which conflicts with the DOM lib of tsconfig.app.json.
interface WorkerScope {
  postMessage(msg: MinerToPage): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

const scope = self as unknown as WorkerScope;
const loop = createPoolLoop({
  now: () => performance.now(),
  post: (msg) => scope.postMessage(msg),
  schedule: createSchedule('message-channel'),
  engine: fastestEngine,
});
scope.onmessage = (ev) => loop.receive(ev.data);
