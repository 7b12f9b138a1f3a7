// The Web Worker: a thin shell over the pure controller in minerLoop.ts (STYLE.md habit 9).
import type { MinerToPage } from './messages';
import { fastestEngine } from './engines';
import { createMinerLoop } from './minerLoop';
import { createSchedule } from './schedule';

// Typed locally instead of with the WebWorker lib, which conflicts with the DOM lib of tsconfig.app.json.
interface WorkerScope {
  postMessage(msg: MinerToPage): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

const scope = self as unknown as WorkerScope;
const loop = createMinerLoop({
  now: () => performance.now(),
  post: (msg) => scope.postMessage(msg),
  schedule: createSchedule('message-channel'),
  engine: fastestEngine,
});
scope.onmessage = (ev) => loop.receive(ev.data);
