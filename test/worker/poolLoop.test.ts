// One pool worker serving several nodes' jobs: the same proofs as the single-worker search, time split by
// hash-power share, cancel per job. The clock is fake (every attempt costs 20 µs), so splits are exact.
import { describe, expect, it } from 'vitest';
import { genesisBlock } from '../../src/core/block';
import { proofInput, searchProof, type PowParams } from '../../src/core/pow';
import { jsEngine, type SearchEngine } from '../../src/search/engines';
import type { FoundMessage, MinerToPage, ProgressMessage, StartMessage } from '../../src/worker/messages';
import { createPoolLoop } from '../../src/worker/poolLoop';

const NS_PER_ATTEMPT = 20_000;

function poolEnv() {
  let clock = 0;
  let seq = 0;
  const timers: { at: number; seq: number; fn: () => void }[] = [];
  const posted: { at: number; msg: MinerToPage }[] = [];
  const engine: SearchEngine = (params) => {
    const search = jsEngine(params);
    return {
      engine: search.engine,
      run(max) {
        const r = search.run(max);
        clock += (r.attempts * NS_PER_ATTEMPT) / 1e6;
        return r;
      },
    };
  };
  const loop = createPoolLoop({
    now: () => clock,
    post: (msg) => posted.push({ at: clock, msg }),
    schedule: (fn, delayMs) => void timers.push({ at: clock + delayMs, seq: seq++, fn }),
    engine,
  });
  return {
    posted,
    loop,
    send(data: unknown, at = clock) {
      timers.push({ at, seq: seq++, fn: () => loop.receive(data) });
    },
    runUntil(t: number) {
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers[0];
        if (next === undefined || next.at > t) break;
        timers.shift();
        clock = Math.max(clock, next.at);
        next.fn();
      }
      clock = Math.max(clock, t);
    },
  };
}

const genesis = genesisBlock(1700000000);
function start(jobId: string, pow: PowParams, timestamp: number, over: Partial<StartMessage> = {}) {
  const input = proofInput(pow, genesis, { timestamp, transactions: [] });
  const msg: StartMessage = {
    v: 1,
    type: 'start',
    jobId,
    ...pow,
    ...input,
    startNonce: 0,
    share: 1,
    ...over,
  };
  return { msg, input };
}
const found = (posted: { msg: MinerToPage }[]) =>
  posted.map((p) => p.msg).filter((m): m is FoundMessage => m.type === 'found');
const lastProgress = (posted: { msg: MinerToPage }[], jobId: string) =>
  posted
    .map((p) => p.msg)
    .filter((m): m is ProgressMessage => m.type === 'progress' && m.jobId === jobId)
    .at(-1);
// 8 hex zeros: about 4·10⁹ attempts, never found in these runs.
const hard: PowParams = { rule: 'tutorial', difficulty: 8 };

describe('pool loop', () => {
  it('finds for every job the proof the single search finds, with the same attempts', () => {
    const env = poolEnv();
    const jobs = [
      start('a', { rule: 'tutorial', difficulty: 3 }, 1),
      start('b', { rule: 'header', difficulty: 11 }, 2, { share: 0.5 }),
      start('c', { rule: 'tutorial', difficulty: 3 }, 3, { startNonce: 5000, share: 0.2 }),
    ];
    for (const j of jobs) env.send(j.msg);
    env.runUntil(60_000);
    const byJob = new Map(found(env.posted).map((f) => [f.jobId, f]));
    for (const { msg, input } of jobs) {
      const single = searchProof({ rule: msg.rule, difficulty: msg.difficulty }, input, msg.startNonce);
      expect(single).not.toBeNull();
      expect(byJob.get(msg.jobId)).toMatchObject({
        proof: single!.proof,
        hash: single!.hash,
        attempts: single!.attempts,
      });
    }
    expect(env.loop.jobIds()).toEqual([]);
  });

  it('splits one core between jobs by share and keeps it busy', () => {
    const env = poolEnv();
    env.send(start('a', hard, 1).msg);
    env.send(start('b', hard, 2, { share: 0.5 }).msg);
    env.send(start('c', hard, 3, { share: 0.25 }).msg);
    env.runUntil(6000);
    const a = lastProgress(env.posted, 'a')!.attempts;
    const b = lastProgress(env.posted, 'b')!.attempts;
    const c = lastProgress(env.posted, 'c')!.attempts;
    expect(b / a).toBeCloseTo(0.5, 1);
    expect(c / a).toBeCloseTo(0.25, 1);
    // 6 s at 50 000 attempts/s, less the last progress interval of each job.
    expect(a + b + c).toBeGreaterThan(0.9 * 300_000);
  });

  it('idles when its jobs ask for less than a core (share × budget)', () => {
    const half = poolEnv();
    half.send(start('a', hard, 1, { share: 0.5 }).msg);
    half.runUntil(4000);
    expect(lastProgress(half.posted, 'a')!.attempts / 200_000).toBeCloseTo(0.5, 1);

    const budgeted = poolEnv();
    budgeted.send({ v: 1, type: 'budget', budget: 0.25 });
    budgeted.send(start('a', hard, 1).msg);
    budgeted.send(start('b', hard, 2).msg);
    budgeted.runUntil(4000);
    const total = ['a', 'b'].reduce((s, id) => s + lastProgress(budgeted.posted, id)!.attempts, 0);
    expect(total / 200_000).toBeCloseTo(0.5, 1);
  });

  it('stops one job within a chunk and keeps the others hashing', () => {
    const env = poolEnv();
    env.send(start('a', hard, 1).msg);
    env.send(start('b', hard, 2).msg);
    env.send({ v: 1, type: 'stop', jobId: 'a' }, 1000);
    env.send({ v: 1, type: 'stop', jobId: 'gone' }, 1000);
    env.runUntil(3000);
    const afterStop = env.posted.filter((p) => p.at > 1000 + 20).map((p) => p.msg.jobId);
    expect(afterStop).not.toContain('a');
    expect(afterStop).toContain('b');
    expect(env.loop.jobIds()).toEqual(['b']);
    // With a alone gone, b has the whole core: its rate goes from half to all of 50 000/s.
    expect(lastProgress(env.posted, 'b')!.rate).toBeCloseTo(50_000, -3);
  });

  it('answers a malformed message with an error and keeps its jobs', () => {
    const env = poolEnv();
    env.send(start('a', hard, 1).msg);
    env.send({ v: 1, type: 'budget', budget: 0 });
    env.send({ ...start('b', hard, 2).msg, share: 2 });
    env.runUntil(500);
    expect(env.posted.filter((p) => p.msg.type === 'error').map((p) => p.msg)).toMatchObject([
      { code: 'E_MINER_MESSAGE', jobId: '' },
      { code: 'E_MINER_MESSAGE', jobId: 'b' },
    ]);
    expect(env.loop.jobIds()).toEqual(['a']);
  });
});
