// The proof-of-work panel over a two-node network whose miner routes each node to the CPU pool or the WebGPU
// miner (src/worker/engineChoice.ts), as src/main.tsx wires it, except that the software adapter is allowed:
// SwiftShader is all headless Chromium offers. For test/e2e/gpuNode.test.ts.
import type { Block } from '../../../src/core/types';
import type { MinerPort } from '../../../src/sim/minerPort';
import { createController } from '../../../src/store/controller';
import { PowPanel } from '../../../src/ui/PowPanel';
import { createEngineChoice, type MinerEngine } from '../../../src/worker/engineChoice';
import { createGpuMiner } from '../../../src/worker/gpuMiner';
import { openGpu } from '../../../src/worker/gpuSearch';
import { createPoolMiner } from '../../../src/worker/minerPool';
import { createWorkerMiner } from '../../../src/worker/workerMiner';
import { mountPanels } from './mountPanels';

export interface GpuNodeTestApi {
  /** Jobs each engine was given, by node. */
  readonly starts: { node: string; engine: MinerEngine }[];
  autoMine(node: string): void;
  chain(node: string): Block[];
  notices(): string[];
}

const starts: GpuNodeTestApi['starts'] = [];
const counted = (port: MinerPort, engine: MinerEngine): MinerPort => ({
  ...port,
  start(job) {
    starts.push({ node: job.nodeId, engine });
    port.start(job);
  },
});

const engines = createEngineChoice({
  open: () => openGpu({ allowFallback: true }),
  makeGpuPort: (gpu, found, onError) =>
    counted(
      createWorkerMiner(found, {
        open: (onMessage) => createGpuMiner(gpu, onMessage),
        cores: Infinity,
        onError,
      }),
      'gpu',
    ),
});
const controller = createController({
  // D = 4: 65 536 attempts a block on average, seconds on SwiftShader.
  params: { seed: 3, pow: { rule: 'tutorial', difficulty: 4 } },
  engines,
  miner: (found, report) =>
    engines.route((f) => counted(createPoolMiner(f, { onError: report }), 'cpu'), found, report),
});
controller.dispatch({ type: 'add-node' });
controller.dispatch({ type: 'add-node' });
controller.dispatch({ type: 'register-all' });
controller.play();

const api: GpuNodeTestApi = {
  starts,
  autoMine: (node) => void controller.dispatch({ type: 'auto-mine', node, on: true }),
  chain: (node) => [...(controller.store.getState().nodes.find((n) => n.id === node)?.chain ?? [])],
  notices: () => controller.store.getState().notices.map((n) => n.error.message),
};
(window as unknown as { gpuNodeTest: GpuNodeTestApi }).gpuNodeTest = api;
await mountPanels(controller, <PowPanel />);
document.title = 'ready';
