// The WebGPU miner behind the same messages as the CPU miners (messages.ts), on the page's thread: the GPU does
// the hashing, the page only lays out each dispatch and reads back a few words, so nothing here blocks a frame.
// - Dispatches are sized to ~CHUNK_MS of wall time; `stop` and a new `start` take effect at the next dispatch.
// - Hash-power share is a duty cycle, as in minerLoop.ts: after t ms of GPU time the miner idles
//   t × (1 − share) / share ms.
// - Progress goes out every PROGRESS_INTERVAL_MS; every proof is re-verified with the core before it is reported.
import type { PowParams } from '../core/pow';
import { outcomeMessage, powOf } from './jobOutcome';
import { targetFor, type RunResult } from '../search/searchCommon';
import { createGpuSearch, type GpuContext, type GpuSearch } from './gpuSearch';
import type { MinerChannel } from './mainThreadMiner';
import {
  MINER_PROTOCOL_VERSION as v,
  parsePageToMiner,
  PROGRESS_INTERVAL_MS,
  type MinerToPage,
  type StartMessage,
} from './messages';

const CHUNK_MS = 30;
const FIRST_CHUNK = 1 << 14;
const MAX_CHUNK = 1 << 26;

export function createGpuMiner(gpu: GpuContext, onMessage: (msg: MinerToPage) => void): MinerChannel {
  let current: StartMessage | null = null;
  let closed = false;
  const post = (msg: MinerToPage) => {
    if (!closed) onMessage(msg);
  };

  function finish(msg: StartMessage, pow: PowParams, r: RunResult, attempts: number): void {
    post(outcomeMessage(msg, pow, r, attempts, 'GPU'));
  }

  async function mine(msg: StartMessage): Promise<void> {
    const pow = powOf(msg);
    const search: GpuSearch = createGpuSearch(gpu, { ...msg, target: targetFor(pow) });
    let chunk = FIRST_CHUNK;
    let attempts = 0;
    let progressAt = performance.now();
    let progressAttempts = 0;
    try {
      while (current === msg && !closed) {
        if (msg.share === 0) {
          await sleep(PROGRESS_INTERVAL_MS);
          continue;
        }
        const t0 = performance.now();
        const r = await search.run(chunk);
        const t1 = performance.now();
        if (current !== msg || closed) return;
        attempts += r.attempts;
        if (r.found !== null || r.exhausted) {
          current = null;
          return finish(msg, pow, r, attempts);
        }
        const busy = Math.max(t1 - t0, 0.001);
        chunk = Math.max(
          1024,
          Math.min(MAX_CHUNK, Math.round(Math.min((chunk * CHUNK_MS) / busy, chunk * 4))),
        );
        if (t1 - progressAt >= PROGRESS_INTERVAL_MS) {
          const rate = ((attempts - progressAttempts) * 1000) / (t1 - progressAt);
          const { jobId } = msg;
          const nonce = r.nonce - 1;
          post({
            v,
            type: 'progress',
            jobId,
            attempts,
            nonce,
            lastHash: r.lastHashHex,
            bestHash: r.bestHashHex,
            rate,
          });
          progressAt = t1;
          progressAttempts = attempts;
        }
        if (msg.share < 1) await sleep((busy * (1 - msg.share)) / msg.share);
      }
    } catch (err) {
      post({ v, type: 'error', jobId: msg.jobId, code: 'E_MINER_CRASHED', message: `GPU: ${String(err)}` });
    } finally {
      search.destroy();
    }
  }

  return {
    send(data) {
      if (closed) return;
      const parsed = parsePageToMiner(data);
      if (!parsed.ok) return post(parsed.error);
      const msg = parsed.msg;
      if (msg.type === 'stop') {
        if (current !== null && current.jobId === msg.jobId) current = null;
        return;
      }
      current = msg;
      void mine(msg);
    },
    close() {
      closed = true;
      current = null;
    },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
