// The Miner port over real miners, with a fake channel standing in for the Web Worker: what the simulation
// sees when proofs arrive, go stale, or the app pauses.
import { describe, expect, it } from 'vitest';
import type { Found } from '../../src/core/pow';
import type { MiningJob } from '../../src/sim/miner';
import { createScheduler } from '../../src/sim/scheduler';
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
  it('delivers a found proof through the scheduler, so it waits for the simulation clock', () => {
    const scheduler = createScheduler();
    const f = fakeMiners();
    const miner = createWorkerMiner(scheduler, { open: f.open, cores: 4 });
    const found: Found[] = [];
    miner.start(job('alice', 1), (x) => found.push(x));
    const runId = starts(f.sent)[0]!.jobId;
    f.inboxes[0]!({ v: 1, type: 'found', jobId: runId, proof: 4456, hash: '0000abc', attempts: 4457 });
    expect(found).toEqual([]); // nothing happens until the clock runs
    scheduler.step();
    expect(found).toEqual([{ proof: 4456, hash: '0000abc', attempts: 4457 }]);
  });

  it('ignores messages of a replaced job', () => {
    const scheduler = createScheduler();
    const f = fakeMiners();
    const miner = createWorkerMiner(scheduler, { open: f.open, cores: 4 });
    const found: number[] = [];
    miner.start(job('alice', 1), (x) => found.push(x.proof));
    const old = starts(f.sent)[0]!.jobId;
    miner.start(job('alice', 2), (x) => found.push(x.proof));
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
    while (scheduler.step());
    expect(found).toEqual([]);
    expect(miner.progress('alice')).toMatchObject({ jobId: 2, attempts: 0 });
  });

  it('stops hashing while paused and resumes after the last reported nonce, counting attempts across', () => {
    const scheduler = createScheduler();
    const f = fakeMiners();
    const miner = createWorkerMiner(scheduler, { open: f.open, cores: 4 });
    miner.start(job('alice', 7), () => {});
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
    const miner = createWorkerMiner(createScheduler(), { open: f.open, cores: 1 });
    miner.start(job('alice', 1, 1), () => {});
    miner.start(job('bob', 2, 0.5), () => {});
    const [a, b] = starts(f.sent);
    expect(a!.share).toBe(1); // alone at first: a whole core
    expect(b!.share).toBe(0.25); // two miners on one core: half each, times bob's 50 % hash power
  });

  it('reports a miner that failed to load as a notice, with the node', () => {
    const f = fakeMiners();
    const errors: string[] = [];
    const miner = createWorkerMiner(createScheduler(), {
      open: f.open,
      onError: (n, e) => errors.push(`${n} ${e.message}`),
    });
    miner.start(job('carol', 1), () => {});
    f.inboxes[0]!({ v: 1, type: 'error', jobId: '', code: 'E_MINER_CRASHED', message: 'worker failed' });
    expect(errors).toEqual(["carol carol's miner: worker failed"]);
  });
});
