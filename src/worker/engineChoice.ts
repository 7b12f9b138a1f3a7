// Which engine mines each node (issue 17 "A WebGPU miner"): the CPU pool, or the WebGPU miner when the browser
// offers a hardware adapter. The choice belongs to the page, not to the engine: the simulation sees one Miner
// port (src/sim/minerPort.ts), and the port made here sends each node's jobs to the engine chosen for it. A node
// switched mid-job goes on from the nonce after the last one reported, its attempts carried over.
import type { Failure } from '../core/errors';
import type { FoundProof, MinerPort, MiningJob } from '../sim/minerPort';
import { createGpuMiner } from './gpuMiner';
import { openGpu, type GpuContext, type GpuPick, type GpuRefusal } from './gpuSearch';
import { createWorkerMiner } from './workerMiner';

export type MinerEngine = 'cpu' | 'gpu';

export type GpuState =
  | { readonly status: 'checking' }
  | { readonly status: 'none'; readonly code: GpuRefusal; readonly reason: string }
  | { readonly status: 'ready'; readonly adapter: GpuContext['adapter'] };

export interface EngineSnapshot {
  readonly gpu: GpuState;
  /** Nodes set to mine on the GPU (it takes effect only while the GPU is ready). */
  readonly onGpu: ReadonlySet<string>;
}

type OnError = (nodeId: string, error: Failure) => void;

/** The GPU's Miner port, given a ready device (the default: one WebGPU miner channel per node). */
export type MakeGpuPort = (
  gpu: GpuContext,
  found: (proof: FoundProof) => void,
  onError: OnError,
) => MinerPort;

export interface EngineChoice {
  snapshot(): EngineSnapshot;
  /** The engine the node's jobs go to now: 'gpu' only when chosen and the GPU is ready. */
  engine(nodeId: string): MinerEngine;
  /** A choice of 'gpu' is refused (false) while no usable GPU is ready. */
  setEngine(nodeId: string, engine: MinerEngine): boolean;
  subscribe(listener: () => void): () => void;
  /** The Miner port: the chosen nodes' jobs on the GPU port, the others on the CPU port `makeCpu` makes. */
  route(
    makeCpu: (found: (proof: FoundProof) => void) => MinerPort,
    found: (proof: FoundProof) => void,
    onError: OnError,
  ): MinerPort;
}

export interface EngineChoiceOptions {
  /** How the adapter is opened (default openGpu, which refuses software adapters). */
  readonly open?: () => Promise<GpuPick>;
  readonly makeGpuPort?: MakeGpuPort;
}

const defaultGpuPort: MakeGpuPort = (gpu, found, onError) =>
  // The GPU is not a CPU core: shares go as they are, not scaled to the page's cores.
  createWorkerMiner(found, { open: (onMessage) => createGpuMiner(gpu, onMessage), cores: Infinity, onError });

export function createEngineChoice(options: EngineChoiceOptions = {}): EngineChoice {
  const makeGpuPort = options.makeGpuPort ?? defaultGpuPort;
  let context: GpuContext | null = null;
  let snap: EngineSnapshot = { gpu: { status: 'checking' }, onGpu: new Set() };
  const listeners = new Set<() => void>();
  const publish = (next: EngineSnapshot) => {
    snap = next;
    for (const l of listeners) l();
  };

  void (options.open ?? (() => openGpu()))()
    .catch((e: unknown): GpuPick => ({ ok: false, code: 'no-adapter', reason: String(e) }))
    .then((pick) => {
      if (pick.ok) context = pick.gpu;
      publish({
        ...snap,
        gpu: pick.ok
          ? { status: 'ready', adapter: pick.gpu.adapter }
          : { status: 'none', code: pick.code, reason: pick.reason },
      });
    });

  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  const engine = (nodeId: string): MinerEngine =>
    context !== null && snap.onGpu.has(nodeId) ? 'gpu' : 'cpu';

  return {
    snapshot: () => snap,
    engine,
    setEngine(nodeId, choice) {
      if (choice === 'gpu' && context === null) return false;
      if (snap.onGpu.has(nodeId) === (choice === 'gpu')) return true;
      const onGpu = new Set(snap.onGpu);
      if (choice === 'gpu') onGpu.add(nodeId);
      else onGpu.delete(nodeId);
      publish({ ...snap, onGpu });
      return true;
    },
    subscribe,
    route(makeCpu, found, onError) {
      interface Placed {
        readonly job: MiningJob;
        readonly on: MinerEngine;
        /** Attempts made on the other engine before a switch. */
        readonly carried: number;
      }
      const placed = new Map<string, Placed>();
      const foundHere = (proof: FoundProof) => {
        const p = placed.get(proof.nodeId);
        if (p?.job.jobId === proof.jobId) placed.delete(proof.nodeId);
        found(p?.job.jobId === proof.jobId ? { ...proof, attempts: proof.attempts + p.carried } : proof);
      };
      const cpu = makeCpu(foundHere);
      let gpu: MinerPort | null = null;
      let paused = false;
      const portOf = (on: MinerEngine): MinerPort => {
        if (on === 'cpu' || context === null) return cpu;
        if (gpu === null) {
          gpu = makeGpuPort(context, foundHere, onError);
          gpu.setPaused?.(paused);
        }
        return gpu;
      };

      const place = (job: MiningJob, carried: number) => {
        const on = engine(job.nodeId);
        placed.set(job.nodeId, { job, on, carried });
        portOf(on).start(job);
      };

      // A node switched while it mines: stop it on one engine, go on from its last reported nonce on the other.
      const unsubscribe = subscribe(() => {
        for (const [nodeId, p] of [...placed]) {
          if (engine(nodeId) === p.on) continue;
          const from = portOf(p.on);
          const done = from.progress(nodeId);
          from.stop(nodeId);
          const next = done && done.attempts > 0 ? { ...p.job, startNonce: done.nonce + 1 } : p.job;
          place(next, p.carried + (done?.attempts ?? 0));
        }
      });

      return {
        start(job) {
          const p = placed.get(job.nodeId);
          const same = p !== undefined && p.job.jobId === job.jobId && p.on === engine(job.nodeId);
          if (p !== undefined && p.on !== engine(job.nodeId)) portOf(p.on).stop(job.nodeId);
          place(job, same ? p.carried : 0);
        },
        stop(nodeId) {
          const p = placed.get(nodeId);
          if (p === undefined) return;
          placed.delete(nodeId);
          portOf(p.on).stop(nodeId);
        },
        progress(nodeId) {
          const p = placed.get(nodeId);
          const now = p ? portOf(p.on).progress(nodeId) : null;
          return now && p && p.carried > 0 ? { ...now, attempts: now.attempts + p.carried } : now;
        },
        setPaused(next) {
          paused = next;
          cpu.setPaused?.(next);
          gpu?.setPaused?.(next);
        },
        dispose() {
          unsubscribe();
          placed.clear();
          cpu.dispose();
          gpu?.dispose();
        },
      };
    },
  };
}
