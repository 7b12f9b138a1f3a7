// Benchmark page: runs the real miner worker (src/worker/miner.worker.ts) and the naive @noble/hashes worker,
// and reports attempts per second. Driven by bench/miner.ts in headless Chromium.
import { genesisBlock, rewardTx } from '../src/core/block';
import { proofInput, type ProofRule } from '../src/core/pow';
import type { MinerChannel } from '../src/worker/mainThreadMiner';
import type { MinerToPage, StartMessage } from '../src/worker/messages';
import { createGpuMiner } from '../src/worker/gpuMiner';
import { openGpu, type GpuContext } from '../src/worker/gpuSearch';
import { openWorkerMiner } from '../src/worker/openMiner';
import { sha256x4Module } from '../src/search/sha256x4';
import { summary, windowRates, type Sample } from './rates';

export type BenchRule = 'header' | 'tutorial';
export type Rates = ReturnType<typeof summary>;

const genesis = genesisBlock(1700000000);
const draft = { timestamp: 1700000060.25, transactions: [rewardTx('a3f1c2d4e5b6')] };
// Difficulties no 3-second run reaches: 2^40 header attempts, 16^8 tutorial attempts.
const DIFFICULTY: Record<ProofRule, number> = { header: 40, tutorial: 8, 'tutorial-original': 8 };

const input = (rule: ProofRule) => proofInput({ rule, difficulty: DIFFICULTY[rule] }, genesis, draft);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type BenchEngine = 'fastest' | 'simd' | 'js' | 'gpu';

let gpu: GpuContext | null = null;

/** Opens the GPU for the 'gpu' cases: the adapter it will run on, or why there is none. */
async function openBenchGpu(
  allowFallback: boolean,
): Promise<{ adapter: GpuContext['adapter'] } | { unavailable: string }> {
  const r = await openGpu({ allowFallback });
  if (!r.ok) return { unavailable: r.reason };
  gpu = r.gpu;
  return { adapter: r.gpu.adapter };
}

/**
 * The real miner worker, or the same shell with the older JS-driven 4-lane search (bench/simdMiner.worker.ts)
 * or the plain-JS search (bench/jsMiner.worker.ts).
 */
function openMiner(engine: BenchEngine, onMessage: (msg: MinerToPage) => void): MinerChannel {
  if (engine === 'fastest') return openWorkerMiner(onMessage);
  if (engine === 'gpu') {
    if (gpu === null) throw new Error('openBenchGpu first');
    return createGpuMiner(gpu, onMessage);
  }
  const worker =
    engine === 'simd'
      ? new Worker(new URL('./simdMiner.worker.ts', import.meta.url), { type: 'module' })
      : new Worker(new URL('./jsMiner.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (ev: MessageEvent<MinerToPage>) => onMessage(ev.data);
  return { send: (msg) => worker.postMessage(msg), close: () => worker.terminate() };
}

async function minerHps(
  rule: BenchRule,
  workers: number,
  warmupMs: number,
  ms: number,
  engine: BenchEngine = 'fastest',
): Promise<Rates> {
  const { prefix, suffix } = input(rule);
  const measureFrom = performance.now() + warmupMs;
  const series: Sample[][] = [];
  const miners = Array.from({ length: workers }, (_, w) => {
    const samples: Sample[] = [];
    series.push(samples);
    let done = 0; // attempts of earlier jobs, should a job ever find a proof
    let job = 0;
    const start = (startNonce: number): StartMessage => {
      const jobId = `w${w}-${++job}`;
      return {
        v: 1,
        type: 'start',
        jobId,
        rule,
        difficulty: DIFFICULTY[rule],
        prefix,
        suffix,
        startNonce,
        share: 1,
      };
    };
    const miner = openMiner(engine, (msg: MinerToPage) => {
      if (msg.type === 'error') throw new Error(`${msg.code}: ${msg.message}`);
      if (msg.type === 'found') {
        done += msg.attempts;
        miner.send(start(msg.proof + 1));
        return;
      }
      const at = performance.now();
      if (at >= measureFrom) samples.push({ at, attempts: done + msg.attempts });
    });
    // Disjoint nonce ranges, as two miners on different blocks would search.
    miner.send(start(w * 1e12));
    return miner;
  });
  await sleep(warmupMs + ms);
  miners.forEach((m) => m.close());
  return summary(windowRates(series));
}

/** The naive baseline on the tutorial-original bytes, prefix + nonce: one SHA-256 block per attempt. */
function nobleNaiveHps(warmupMs: number, ms: number): Promise<Rates> {
  const { prefix } = input('tutorial-original');
  const worker = new Worker(new URL('./nobleNaive.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    worker.onmessage = (ev: MessageEvent<{ samples: Sample[] }>) => {
      worker.terminate();
      resolve(summary(windowRates([ev.data.samples])));
    };
    worker.postMessage({ prefix, warmupMs, ms });
  });
}

export interface BenchApi {
  minerHps: typeof minerHps;
  nobleNaiveHps: typeof nobleNaiveHps;
  openBenchGpu: typeof openBenchGpu;
  inputs: () => Record<ProofRule, { prefixLength: number; suffixLength: number }>;
  /** What the real worker will run: WebAssembly SIMD when this browser validates the module. */
  engine: () => 'wasm-simd' | 'js';
}

const lengths = (rule: ProofRule) => ({
  prefixLength: input(rule).prefix.length,
  suffixLength: input(rule).suffix.length,
});
const api: BenchApi = {
  minerHps,
  nobleNaiveHps,
  openBenchGpu,
  engine: () => (WebAssembly.validate(sha256x4Module()) ? 'wasm-simd' : 'js'),
  inputs: () => ({
    header: lengths('header'),
    tutorial: lengths('tutorial'),
    'tutorial-original': lengths('tutorial-original'),
  }),
};
(window as unknown as { minerBench: BenchApi }).minerBench = api;
document.title = 'ready';
