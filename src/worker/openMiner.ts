// One miner per mining node (docs/architecture.md "Mining"): a Web Worker when the browser has them, else the
// main-thread fallback with the same messages.
import { MINER_PROTOCOL_VERSION, type MinerToPage } from './messages';
import { createMainThreadMiner, type MinerChannel } from './mainThreadMiner';

export function openWorkerMiner(onMessage: (msg: MinerToPage) => void): MinerChannel {
  const worker = new Worker(new URL('./miner.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (ev: MessageEvent<MinerToPage>) => onMessage(ev.data);
  worker.onerror = (ev: ErrorEvent) => {
    const message = ev.message || 'the miner worker failed to load or crashed';
    onMessage({ v: MINER_PROTOCOL_VERSION, type: 'error', jobId: '', code: 'E_MINER_CRASHED', message });
  };
  return {
    send: (msg) => worker.postMessage(msg),
    close: () => worker.terminate(),
  };
}

export function openMiner(onMessage: (msg: MinerToPage) => void): MinerChannel {
  return typeof Worker === 'function' ? openWorkerMiner(onMessage) : createMainThreadMiner(onMessage);
}
