// The page side of the miner pool, with fake workers: which worker a node's job runs on, the budget the
// workers hear, and messages back to the right node.
import { describe, expect, it } from 'vitest';
import type { FoundProof, MiningJob } from '../../src/sim/minerPort';
import type { MinerToPage, StartMessage } from '../../src/worker/messages';
import { createMinerPool } from '../../src/worker/minerPool';
import type { PageToPool } from '../../src/worker/poolMessages';
import { createWorkerMiner } from '../../src/worker/workerMiner';

function fakeWorkers() {
  const sent: { worker: number; msg: PageToPool }[] = [];
  const inboxes: ((msg: MinerToPage) => void)[] = [];
  const closed: number[] = [];
  const openWorker = (onMessage: (msg: MinerToPage) => void) => {
    const worker = inboxes.push(onMessage) - 1;
    return {
      send: (msg: PageToPool) => void sent.push({ worker, msg }),
      close: () => void closed.push(worker),
    };
  };
  return { sent, inboxes, closed, openWorker };
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
const startsOn = (sent: { worker: number; msg: PageToPool }[]) =>
  sent.filter((s) => s.msg.type === 'start').map((s) => [s.worker, (s.msg as StartMessage).share]);
const budgets = (sent: { worker: number; msg: PageToPool }[]) =>
  sent.flatMap((s) => (s.msg.type === 'budget' ? [[s.worker, s.msg.budget]] : []));

describe('miner pool', () => {
  it('puts each job on the least-loaded worker and tells the workers the budget', () => {
    const f = fakeWorkers();
    const pool = createMinerPool({ size: 2, openWorker: f.openWorker });
    const miner = createWorkerMiner(() => {}, { open: pool.open, cores: Infinity });
    miner.start(job('alice', 1));
    miner.start(job('bob', 2, 0.5));
    miner.start(job('carol', 3));
    // alice and bob fill both workers; carol goes where only bob's half share is.
    expect(startsOn(f.sent)).toEqual([
      [0, 1],
      [1, 0.5],
      [1, 1],
    ]);
    expect(pool.opened()).toBe(2);
    // Shares 2.5 in all on two workers: each unit of share may use 0.8 of a core.
    expect(budgets(f.sent)).toEqual([
      [0, 0.8],
      [1, 0.8],
    ]);
    miner.stop('carol');
    expect(f.sent.filter((s) => s.msg.type === 'stop')).toMatchObject([{ worker: 1 }]);
    expect(budgets(f.sent).slice(2)).toEqual([
      [0, 1],
      [1, 1],
    ]);
    miner.dispose();
    pool.close();
    expect(f.closed).toEqual([0, 1]);
  });

  it('leaves the budget at a whole core while the jobs together ask for less than the pool', () => {
    const f = fakeWorkers();
    const pool = createMinerPool({ size: 1, openWorker: f.openWorker });
    const miner = createWorkerMiner(() => {}, { open: pool.open, cores: Infinity });
    for (let i = 0; i < 10; i++) miner.start(job(`node${i}`, 1, 0.03));
    expect(budgets(f.sent)).toEqual([]);
    miner.start(job('full', 1, 1));
    expect(budgets(f.sent)).toEqual([[0, 1 / 1.3]]);
  });

  it('brings each message back to its own node, even when two nodes use the same run id', () => {
    const f = fakeWorkers();
    const pool = createMinerPool({ size: 1, openWorker: f.openWorker });
    const found: FoundProof[] = [];
    const miner = createWorkerMiner((p) => found.push(p), { open: pool.open, cores: Infinity });
    miner.start(job('alice', 1));
    miner.start(job('bob', 1));
    const [a, b] = f.sent.flatMap((s) => (s.msg.type === 'start' ? [s.msg.jobId] : []));
    expect(a).not.toBe(b);
    const progress = { v: 1, type: 'progress', nonce: 41, lastHash: 'ab', bestHash: '0a', rate: 9 } as const;
    f.inboxes[0]!({ ...progress, jobId: b!, attempts: 42 });
    expect(miner.progress('bob')).toMatchObject({ attempts: 42, nonce: 41 });
    expect(miner.progress('alice')).toMatchObject({ attempts: 0 });
    f.inboxes[0]!({ v: 1, type: 'found', jobId: a!, proof: 7, hash: '00ff', attempts: 8 });
    expect(found).toEqual([{ nodeId: 'alice', jobId: 1, proof: 7, hash: '00ff', attempts: 8 }]);
    // A message of a stopped run is dropped, as it is with one worker per node.
    miner.stop('bob');
    f.inboxes[0]!({ ...progress, jobId: b!, attempts: 99 });
    expect(miner.progress('bob')).toBeNull();
  });

  it('tells the nodes mining on a worker that failed', () => {
    const f = fakeWorkers();
    const pool = createMinerPool({ size: 2, openWorker: f.openWorker });
    const errors: string[] = [];
    const miner = createWorkerMiner(() => {}, {
      open: pool.open,
      cores: Infinity,
      onError: (node, e) => errors.push(`${node}: ${e.message}`),
    });
    miner.start(job('alice', 1));
    miner.start(job('bob', 2));
    f.inboxes[1]!({ v: 1, type: 'error', jobId: '', code: 'E_MINER_CRASHED', message: 'gone' });
    expect(errors).toEqual(["bob: bob's miner: gone"]);
  });
});
