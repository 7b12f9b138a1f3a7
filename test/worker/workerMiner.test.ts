// The Miner port over real miners, with a fake channel standing in for the Web Worker: what the simulation
// sees when proofs arrive, go stale, or the app pauses.
import { describe, expect, it } from 'vitest';
import { proofInput, searchProof } from '../../src/core/pow';
import type { FoundProof, MiningJob } from '../../src/sim/minerPort';
import { createSimulation } from '../../src/sim/simulation';
import type { MinerToPage, PageToMiner, StartMessage } from '../../src/worker/messages';
import { createWorkerMiner } from '../../src/worker/workerMiner';

function fakeMiners() {
  const sent: { node: number; msg: PageToMiner }[] = [];
  const inboxes: ((msg: MinerToPage) => void)[] = [];
  const open = (onMessage: (msg: MinerToPage) => void) => {
    const node = inboxes.push(onMessage) - 1;
    return { send: (msg: PageToMiner) => void sent.push({ node, msg }), close: () => {} };
  };
  return { sent, inboxes, open };
}

const job = (nodeId: string, jobId: number, share = 1): MiningJob => ({
  jobId,
  nodeId,
  pow: { rule: 'tutorial', difficulty: 4 },
  input: { prefix: '100', suffix: 'abc' },
  startNonce: 0,
  hashRate: 1000,
  share,
});

const starts = (sent: { msg: PageToMiner }[]) =>
  sent.map((s) => s.msg).filter((m): m is StartMessage => m.type === 'start');

describe('WorkerMiner', () => {
  it('hands a found proof to the simulation, which forges the block only when its clock runs', () => {
    const f = fakeMiners();
    const sim = createSimulation(
      { seed: 5, pow: { rule: 'tutorial', difficulty: 1 } },
      { miner: (found) => createWorkerMiner(found, { open: f.open, cores: 4 }) },
    );
    sim.dispatch({ type: 'add-node' });
    sim.dispatch({ type: 'auto-mine', node: 'alice', on: true });
    const start = starts(f.sent)[0]!;
    const genesis = sim.node('alice')!.chain()[0]!;
    const pow = { rule: 'tutorial' as const, difficulty: 1 };
    const proof = searchProof(
      pow,
      proofInput(pow, genesis, { timestamp: 0, transactions: [] }),
      start.startNonce,
    )!;
    f.inboxes[0]!({
      v: 1,
      type: 'found',
      jobId: start.jobId,
      proof: proof.proof,
      hash: proof.hash,
      attempts: 3,
    });
    expect(sim.node('alice')!.chain()).toHaveLength(1); // queued, not forged: the clock has not run
    expect(sim.peek()).toBe(sim.now());
    sim.step();
    expect(sim.node('alice')!.chain()).toHaveLength(2);
    expect(sim.node('alice')!.chain()[1]!.proof).toBe(proof.proof);
    // The next job went to the worker at once, and the input is in the run's record.
    expect(starts(f.sent)).toHaveLength(2);
    expect(sim.log().map((r) => r.input.type)).toEqual(['command', 'command', 'found']);
  });

  it('ignores messages of a replaced job', () => {
    const f = fakeMiners();
    const found: number[] = [];
    const miner = createWorkerMiner((x: FoundProof) => found.push(x.proof), { open: f.open, cores: 4 });
    miner.start(job('alice', 1));
    const old = starts(f.sent)[0]!.jobId;
    miner.start(job('alice', 2));
    expect(f.sent.map((s) => s.msg.type)).toEqual(['start', 'stop', 'start']);
    f.inboxes[0]!({ v: 1, type: 'found', jobId: old, proof: 1, hash: '00', attempts: 2 });
    f.inboxes[0]!({
      v: 1,
      type: 'progress',
      jobId: old,
      attempts: 9,
      nonce: 9,
      lastHash: 'ff',
      bestHash: '0f',
      rate: 5,
    });
    expect(found).toEqual([]);
    expect(miner.progress('alice')).toMatchObject({ jobId: 2, attempts: 0 });
  });

  it('stops hashing while paused and resumes after the last reported nonce, counting attempts across', () => {
    const f = fakeMiners();
    const miner = createWorkerMiner(() => {}, { open: f.open, cores: 4 });
    miner.start(job('alice', 7));
    const first = starts(f.sent)[0]!.jobId;
    f.inboxes[0]!({
      v: 1,
      type: 'progress',
      jobId: first,
      attempts: 500,
      nonce: 499,
      lastHash: 'ab',
      bestHash: '0a',
      rate: 3000,
    });
    miner.setPaused!(true);
    expect(f.sent.at(-1)!.msg).toMatchObject({ type: 'stop', jobId: first });
    expect(miner.progress('alice')).toMatchObject({ attempts: 500, rate: 0 });
    miner.setPaused!(false);
    const resumed = starts(f.sent).at(-1)!;
    expect(resumed.startNonce).toBe(500);
    expect(resumed.jobId).not.toBe(first);
    f.inboxes[0]!({
      v: 1,
      type: 'progress',
      jobId: resumed.jobId,
      attempts: 100,
      nonce: 599,
      lastHash: 'cd',
      bestHash: '0a',
      rate: 3000,
    });
    expect(miner.progress('alice')?.attempts).toBe(600);
  });

  it('scales duty cycles so all miners together use at most the cores it may take, keeping their ratios', () => {
    const f = fakeMiners();
    const miner = createWorkerMiner(() => {}, { open: f.open, cores: 1 });
    miner.start(job('alice', 1, 1));
    miner.start(job('bob', 2, 0.5));
    const [a, b] = starts(f.sent);
    expect(a!.share).toBe(1); // alone at first: a whole core
    expect(b!.share).toBe(0.25); // two miners on one core: half each, times bob's 50 % hash power
  });

  it('reports a miner that failed to load as a notice, with the node', () => {
    const f = fakeMiners();
    const errors: string[] = [];
    const miner = createWorkerMiner(() => {}, {
      open: f.open,
      onError: (n, e) => errors.push(`${n} ${e.message}`),
    });
    miner.start(job('carol', 1));
    f.inboxes[0]!({ v: 1, type: 'error', jobId: '', code: 'E_MINER_CRASHED', message: 'worker failed' });
    expect(errors).toEqual(["carol carol's miner: worker failed"]);
  });
});
