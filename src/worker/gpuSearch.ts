// The proof search on a WebGPU adapter (the shader: src/search/sha256Wgsl.ts). The host splits the nonces into
// dispatches that only change the last L ≤ 9 decimal digits, lays out the message of the dispatch's first nonce
// (src/search/searchCommon.ts), compresses the blocks before those digits once, and reads back the first hit.
// The hash of a hit, of the last nonce and of the lowest one are made with the core's SHA-256; the miner loop
// re-verifies every proof with the core before reporting it (gpuMiner.ts).
import { MAX_NONCE, proofHash } from '../core/pow';
import { compress } from '../search/sha256Block';
import { JOB, NO_HIT, RESULT, SEARCH_WGSL, WORKGROUP_SIZE } from '../search/sha256Wgsl';
import { layout, MAX_DIGITS, prepare, type RunResult, type SearchParams } from '../search/searchCommon';

/** One adapter's device and compiled pipeline, shared by every search on it. */
export interface GpuContext {
  readonly device: GPUDevice;
  readonly pipeline: GPUComputePipeline;
  /** What the adapter says it is ("google" / "swiftshader" for the software fallback). */
  readonly adapter: { readonly vendor: string; readonly architecture: string; readonly fallback: boolean };
}

/** Why there is no usable adapter, for a UI that says it in the reader's language. */
export type GpuRefusal = 'no-webgpu' | 'no-adapter' | 'software-only';

export type GpuPick = { ok: true; gpu: GpuContext } | { ok: false; code: GpuRefusal; reason: string };

/**
 * A device on a hardware adapter, or why there is none. Software (fallback) adapters are refused: the CPU
 * engines beat them. Only tests pass `allowFallback`, to check the shader on SwiftShader.
 */
export async function openGpu(options: { allowFallback?: boolean } = {}): Promise<GpuPick> {
  const gpu = typeof navigator === 'object' ? navigator.gpu : undefined;
  if (!gpu) return { ok: false, code: 'no-webgpu', reason: 'this browser has no WebGPU' };
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' }).catch(() => null);
  if (!adapter) return { ok: false, code: 'no-adapter', reason: 'no GPU adapter is available' };
  const info = adapter.info;
  const legacy = adapter as unknown as { isFallbackAdapter?: boolean };
  const fallback = Boolean(info.isFallbackAdapter ?? legacy.isFallbackAdapter);
  if (fallback && !options.allowFallback)
    return {
      ok: false,
      code: 'software-only',
      reason: 'the only GPU adapter is a software fallback, slower than the CPU miner',
    };
  const device = await adapter.requestDevice();
  const module = device.createShaderModule({ code: SEARCH_WGSL });
  const pipeline = await device.createComputePipelineAsync({
    layout: 'auto',
    compute: { module, entryPoint: 'main' },
  });
  return {
    ok: true,
    gpu: { device, pipeline, adapter: { vendor: info.vendor, architecture: info.architecture, fallback } },
  };
}

export interface GpuSearch {
  readonly engine: 'webgpu';
  run(maxAttempts: number): Promise<RunResult>;
  /** Frees the buffers. */
  destroy(): void;
}

// WebGPU's flag values (GPUBufferUsage, GPUMapMode in the spec); TypeScript's DOM lib types them but does not
// declare the global namespaces.
const USAGE = { MAP_READ: 0x1, COPY_SRC: 0x4, COPY_DST: 0x8, STORAGE: 0x80 } as const;
const MAP_READ = 0x1;

/** Most nonces in one dispatch: 65535 workgroups, WebGPU's default limit per dimension. */
const MAX_DISPATCH = 65535 * WORKGROUP_SIZE;

export function createGpuSearch(gpu: GpuContext, params: SearchParams): GpuSearch {
  const p = prepare(params);
  const { device, pipeline } = gpu;
  const words = new Int32Array(p.maxBlocks * 16);
  const digits = new Uint8Array(MAX_DIGITS);
  const job = new Uint32Array(JOB.message + words.length);
  const limit =
    (params.target.below !== undefined
      ? BigInt(`0x${params.target.below}`)
      : 1n << BigInt(256 - p.zeroBits)) - 1n;
  for (let k = 0; k < 8; k++) job[JOB.limit + k] = Number((limit >> BigInt(224 - 32 * k)) & 0xffffffffn);
  const jobBuf = device.createBuffer({
    size: job.byteLength,
    usage: USAGE.STORAGE | USAGE.COPY_DST,
  });
  const resultBuf = device.createBuffer({
    size: RESULT.size * 4,
    usage: USAGE.STORAGE | USAGE.COPY_SRC | USAGE.COPY_DST,
  });
  const readBuf = device.createBuffer({
    size: RESULT.size * 4,
    usage: USAGE.MAP_READ | USAGE.COPY_DST,
  });
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [
      { binding: 0, resource: { buffer: jobBuf } },
      { binding: 1, resource: { buffer: resultBuf } },
    ],
  });
  const hashOf = (nonce: number) => proofHash(params, nonce);
  let nonce = params.startNonce;
  let attempts = 0;
  let bestH0 = 2 ** 32;
  let bestHex = '';
  let lastHex = '';

  /** Hashes [from, from + count) on the GPU; count stays inside one run of the last L digits. */
  async function dispatch(
    from: number,
    count: number,
  ): Promise<{ found: number; bestH0: number; bestGid: number }> {
    const text = String(from);
    for (let i = 0; i < text.length; i++) digits[i] = text.charCodeAt(i);
    const blocks = layout(p, digits, 0, text.length, words, 0, 1);
    const L = Math.min(text.length, 9);
    const firstDigit = p.head.length + text.length - L;
    const firstBlock = firstDigit >> 6;
    const chain = Int32Array.from(p.midstate);
    for (let k = 0; k < firstBlock; k++) compress(chain, 0, 0, words, k * 16);
    job[JOB.lowBase] = from % 10 ** L;
    job[JOB.count] = count;
    job[JOB.digits] = L;
    job[JOB.firstDigit] = firstDigit;
    job[JOB.firstBlock] = firstBlock;
    job[JOB.blocks] = blocks;
    job.set(new Uint32Array(chain.buffer), JOB.chain);
    job.set(new Uint32Array(words.buffer), JOB.message);
    device.queue.writeBuffer(jobBuf, 0, job);
    device.queue.writeBuffer(resultBuf, 0, new Uint32Array([NO_HIT, NO_HIT, 0, 0]));
    const enc = device.createCommandEncoder();
    const pass = enc.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, bindGroup);
    pass.dispatchWorkgroups(Math.ceil(count / WORKGROUP_SIZE));
    pass.end();
    enc.copyBufferToBuffer(resultBuf, 0, readBuf, 0, RESULT.size * 4);
    device.queue.submit([enc.finish()]);
    await readBuf.mapAsync(MAP_READ);
    const out = new Uint32Array(readBuf.getMappedRange().slice(0));
    readBuf.unmap();
    return { found: out[RESULT.found]!, bestH0: out[RESULT.bestH0]!, bestGid: out[RESULT.bestGid]! };
  }

  return {
    engine: 'webgpu',
    async run(maxAttempts) {
      let done = 0;
      let found: RunResult['found'] = null;
      while (found === null && done < maxAttempts && nonce <= MAX_NONCE) {
        const span = 10 ** Math.min(String(nonce).length, 9);
        const count = Math.min(
          span - (nonce % span),
          maxAttempts - done,
          MAX_NONCE + 1 - nonce,
          MAX_DISPATCH,
        );
        const r = await dispatch(nonce, count);
        if (r.bestH0 < bestH0) {
          bestH0 = r.bestH0;
          bestHex = hashOf(nonce + r.bestGid);
        }
        const used = r.found === NO_HIT ? count : r.found + 1;
        if (r.found !== NO_HIT) {
          const proof = nonce + r.found;
          found = { proof, hashHex: hashOf(proof), attempts: attempts + done + used };
        }
        done += used;
        nonce += used;
      }
      attempts += done;
      if (done > 0) lastHex = hashOf(nonce - 1);
      return {
        found,
        attempts: done,
        nonce,
        lastHashHex: lastHex,
        bestHashHex: bestHex,
        exhausted: nonce > MAX_NONCE,
      };
    },
    destroy() {
      jobBuf.destroy();
      resultBuf.destroy();
      readBuf.destroy();
    },
  };
}
