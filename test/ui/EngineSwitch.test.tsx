// @vitest-environment jsdom
// The per-node "Mine on GPU" switch in the proof-of-work panel, on a real controller whose Miner port routes
// each node to a fake CPU port or a fake GPU port (src/worker/engineChoice.ts): disabled with the reason when
// the browser offers no usable adapter; when on, the node's job moves to the GPU and its proof enters the chain.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { searchProof } from '../../src/core/pow';
import type { HexHash } from '../../src/core/hash';
import type { FoundProof, MinerPort, MiningJob, MiningProgress } from '../../src/sim/minerPort';
import { PowPanel } from '../../src/ui/PowPanel';
import { createEngineChoice, type EngineChoiceOptions } from '../../src/worker/engineChoice';
import type { GpuContext, GpuPick } from '../../src/worker/gpuSearch';
import { advance, renderWith, setupController } from './renderApp';

interface FakePort extends MinerPort {
  readonly log: string[];
  readonly jobs: Map<string, MiningJob>;
  readonly reported: Map<string, MiningProgress>;
  found: (proof: FoundProof) => void;
}

function fakePort(found: (proof: FoundProof) => void): FakePort {
  const jobs = new Map<string, MiningJob>();
  const reported = new Map<string, MiningProgress>();
  const log: string[] = [];
  return {
    log,
    jobs,
    reported,
    found,
    start(job) {
      jobs.set(job.nodeId, job);
      log.push(`start ${job.nodeId} from ${job.startNonce} share ${job.share}`);
    },
    stop(nodeId) {
      jobs.delete(nodeId);
      reported.delete(nodeId);
      log.push(`stop ${nodeId}`);
    },
    progress: (nodeId) => reported.get(nodeId) ?? null,
    dispose() {},
  };
}

const hardware: GpuContext = {
  device: {} as GPUDevice,
  pipeline: {} as GPUComputePipeline,
  adapter: { vendor: 'acme', architecture: 'rdna', fallback: false },
};

function setup(open: () => Promise<GpuPick>) {
  const ports: { cpu?: FakePort; gpu?: FakePort } = {};
  const options: EngineChoiceOptions = {
    open,
    makeGpuPort: (_gpu, found) => (ports.gpu = fakePort(found)),
  };
  const engines = createEngineChoice(options);
  const controller = setupController({
    engines,
    miner: (found, report) => engines.route((f) => (ports.cpu = fakePort(f)), found, report),
  });
  const view = renderWith(<PowPanel />, controller);
  return { ...view, ports, engines };
}

const row = (name: string) =>
  screen.getByRole('button', { name: `Select ${name}` }).closest('li') as HTMLElement;
const gpuSwitch = (name: string) => within(row(name)).getByRole('button', { name: 'Mine on GPU' });
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));

describe('<EngineSwitch> in the proof-of-work panel', () => {
  it.each([
    ['no-webgpu', 'this browser has no WebGPU', 'This browser offers no WebGPU'],
    ['no-adapter', 'no GPU adapter is available', 'This browser offers no WebGPU adapter'],
    [
      'software-only',
      'the only GPU adapter is a software fallback, slower than the CPU miner',
      'Only a software adapter: the CPU is faster',
    ],
  ] as const)('is disabled with the reason when openGpu says %s', async (code, reason, shown) => {
    let answer: (pick: GpuPick) => void = () => {};
    setup(() => new Promise((resolve) => (answer = resolve)));
    expect(gpuSwitch('Alice')).toBeDisabled();
    expect(gpuSwitch('Alice')).toHaveAccessibleDescription('Looking for a GPU…');
    await act(async () => answer({ ok: false, code, reason }));
    for (const name of ['Alice', 'Bob', 'Carol']) {
      expect(gpuSwitch(name)).toBeDisabled();
      expect(gpuSwitch(name)).toHaveAttribute('aria-pressed', 'false');
      expect(gpuSwitch(name)).toHaveAccessibleDescription(shown);
      expect(row(name)).toHaveTextContent('mines on the CPU');
    }
  });

  it("moves a mining node's job to the GPU and back; the GPU's proof enters the chain with every attempt", async () => {
    const user = userEvent.setup();
    const { controller, ports, engines } = setup(() => Promise.resolve({ ok: true, gpu: hardware }));
    await settle();
    expect(gpuSwitch('Alice')).toBeEnabled();
    expect(gpuSwitch('Alice')).toHaveAttribute('title', 'GPU adapter: acme rdna');
    act(() => void controller.dispatch({ type: 'auto-mine', node: 'alice', on: true }));
    const cpu = ports.cpu as FakePort;
    const job = cpu.jobs.get('alice') as MiningJob;
    expect(cpu.log).toEqual([`start alice from ${job.startNonce} share 1`]);
    cpu.reported.set('alice', { jobId: job.jobId, attempts: 40, nonce: job.startNonce + 39, rate: 1000 });

    await user.click(gpuSwitch('Alice'));
    expect(gpuSwitch('Alice')).toHaveAttribute('aria-pressed', 'true');
    expect(row('Alice')).toHaveTextContent('mines on the GPU');
    expect(row('Bob')).toHaveTextContent('mines on the CPU');
    expect(engines.engine('alice')).toBe('gpu');
    const gpu = ports.gpu as FakePort;
    // Stopped on the CPU, on from the next nonce on the GPU, same job and same hash-power share.
    expect(cpu.log.at(-1)).toBe('stop alice');
    expect(gpu.log).toEqual([`start alice from ${job.startNonce + 40} share 1`]);
    expect(gpu.jobs.get('alice')?.jobId).toBe(job.jobId);
    gpu.reported.set('alice', { jobId: job.jobId, attempts: 10, nonce: job.startNonce + 49, rate: 9000 });
    act(() => advance(controller, 0.01));
    expect(controller.store.getState().progress.alice?.attempts).toBe(50);

    // The GPU finds a proof: the core accepts it and Alice's chain grows; the attempts include the CPU's.
    const ref = searchProof(job.pow, job.input, job.startNonce + 40);
    expect(ref).not.toBeNull();
    act(() => {
      gpu.found({
        nodeId: 'alice',
        jobId: job.jobId,
        proof: ref!.proof,
        hash: ref!.hash as HexHash,
        attempts: ref!.attempts,
      });
      advance(controller, 1);
    });
    const alice = controller.store.getState().nodes.find((n) => n.id === 'alice');
    expect(alice?.chain.length).toBe(2);
    expect(alice?.chain[1]?.proof).toBe(ref!.proof);
    const mined = controller.store.getState().mined.at(-1);
    expect(mined).toMatchObject({ node: 'alice', attempts: ref!.attempts + 40 });

    // Auto-mine's next job goes to the GPU too; switched back, the node is the pool's again.
    const next = gpu.jobs.get('alice') as MiningJob;
    expect(next.jobId).not.toBe(job.jobId);
    await user.click(gpuSwitch('Alice'));
    expect(gpuSwitch('Alice')).toHaveAttribute('aria-pressed', 'false');
    expect(row('Alice')).toHaveTextContent('mines on the CPU');
    expect(gpu.log.at(-1)).toBe('stop alice');
    expect(cpu.jobs.get('alice')?.jobId).toBe(next.jobId);
  });
});
