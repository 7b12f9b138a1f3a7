// The miner worker with the plain-JS search forced, so the benchmark can show what WebAssembly SIMD adds.
// Same shell as src/worker/miner.worker.ts otherwise.
import { jsEngine } from '../src/worker/engines';
import type { MinerToPage } from '../src/worker/messages';
import { createMinerLoop } from '../src/worker/minerLoop';
import { createSchedule } from '../src/worker/schedule';

interface WorkerScope {
  postMessage(msg: MinerToPage): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

const scope = self as unknown as WorkerScope;
const loop = createMinerLoop({
  now: () => performance.now(),
  post: (msg) => scope.postMessage(msg),
  schedule: createSchedule('message-channel'),
  engine: jsEngine,
});
scope.onmessage = (ev) => loop.receive(ev.data);
