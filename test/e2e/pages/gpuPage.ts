// Runs the WebGPU miner for test/e2e/gpuMiner.test.ts, on whatever adapter Chromium offers (SwiftShader in CI:
// the fallback adapter is allowed here only, through openGpu's explicit option).
import type { MinerToPage, StartMessage } from '../../../src/worker/messages';
import { createGpuMiner } from '../../../src/worker/gpuMiner';
import { openGpu, type GpuContext } from '../../../src/worker/gpuSearch';

export interface GpuTestApi {
  /** Refused without `allowFallback` on a software adapter: the reason, or the adapter when accepted. */
  open(allowFallback: boolean): Promise<{ ok: boolean; reason?: string; adapter?: GpuContext['adapter'] }>;
  /** Runs one job to its first `found` or `error`, with every progress message seen before it. */
  mine(start: Omit<StartMessage, 'v' | 'type'>): Promise<{ last: MinerToPage; progress: number }>;
  /** Starts a job no run reaches, stops it after 3 progress messages, then counts what still arrives in 500 ms. */
  stopHard(start: Omit<StartMessage, 'v' | 'type'>): Promise<{ progress: number; afterStop: number }>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let gpu: GpuContext | null = null;

const api: GpuTestApi = {
  async open(allowFallback) {
    const r = await openGpu({ allowFallback });
    if (!r.ok) return { ok: false, reason: r.reason };
    gpu = r.gpu;
    return { ok: true, adapter: r.gpu.adapter };
  },
  mine(start) {
    const g = gpu;
    if (g === null) throw new Error('open the GPU first');
    return new Promise((resolve) => {
      let progress = 0;
      const miner = createGpuMiner(g, (msg) => {
        if (msg.type === 'progress') return void progress++;
        miner.close();
        resolve({ last: msg, progress });
      });
      miner.send({ v: 1, type: 'start', ...start });
    });
  },
  async stopHard(start) {
    const g = gpu;
    if (g === null) throw new Error('open the GPU first');
    let progress = 0;
    let afterStop = 0;
    let stopped = false;
    const miner = createGpuMiner(g, () => {
      if (stopped) afterStop++;
      else progress++;
    });
    miner.send({ v: 1, type: 'start', ...start });
    while (progress < 3) await sleep(20);
    miner.send({ v: 1, type: 'stop', jobId: start.jobId });
    stopped = true;
    await sleep(500);
    miner.close();
    return { progress, afterStop };
  },
};

(window as unknown as { gpuTest: GpuTestApi }).gpuTest = api;
document.title = 'ready';
