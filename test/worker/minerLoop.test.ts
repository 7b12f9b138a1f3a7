import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { genesisBlock } from '../../src/core/block';
import { MAX_NONCE, proofInput } from '../../src/core/pow';
import type { MinerToPage, ProgressMessage, StartMessage } from '../../src/worker/messages';
import { jsEngine } from '../../src/search/engines';
import { createMinerLoop, SLICE_MS } from '../../src/worker/minerLoop';
import { createFakeEnv } from './fakeEnv';

const genesis = genesisBlock(1700000000);
const input = proofInput({ rule: 'tutorial', difficulty: 4 }, genesis, { timestamp: 0, transactions: [] });

function start(over: Partial<StartMessage> = {}): StartMessage {
  // D = 8 hex zeros: about 4·10⁹ attempts, never reached by these fake-time runs.
  return {
    v: 1,
    type: 'start',
    jobId: 'j1',
    rule: 'tutorial',
    difficulty: 8,
    ...input,
    startNonce: 0,
    share: 1,
    ...over,
  };
}
const stop = (jobId: string) => ({ v: 1, type: 'stop', jobId });
const progressOf = (posted: { at: number; msg: MinerToPage }[], jobId = 'j1') =>
  posted.filter(
    (p): p is { at: number; msg: ProgressMessage } => p.msg.type === 'progress' && p.msg.jobId === jobId,
  );

describe('miner loop', () => {
  it('reports progress by time, about every 150 ms, with real hashes', () => {
    const env = createFakeEnv();
    env.send(start());
    env.runUntil(3000);
    const progress = progressOf(env.posted);
    expect(progress.length).toBeGreaterThanOrEqual(17);
    for (let i = 1; i < progress.length; i++) {
      const gap = progress[i]!.at - progress[i - 1]!.at;
      expect(gap).toBeGreaterThanOrEqual(150);
      expect(gap).toBeLessThanOrEqual(150 + 20);
    }
    const last = progress.at(-1)!.msg;
    expect(last.rate).toBeCloseTo(50_000, -3); // 20 µs per fake attempt
    expect(last.lastHash).toBe(bytesToHex(sha256(utf8ToBytes(input.prefix + last.nonce + input.suffix))));
    expect(last.bestHash <= last.lastHash).toBe(true);
    expect(last.attempts).toBe(last.nonce + 1);
  });

  it('sizes chunks to 10–20 ms once warmed up', () => {
    const env = createFakeEnv({ nsPerAttempt: 3_000 });
    env.send(start());
    env.runUntil(1000);
    const warm = env.chunkMs.slice(8);
    expect(warm.length).toBeGreaterThan(20);
    expect(Math.min(...warm)).toBeGreaterThan(10);
    expect(Math.max(...warm)).toBeLessThan(20);
  });

  it('finds the pinned genesis proof, verified, and then goes quiet', () => {
    const env = createFakeEnv();
    env.send(start({ difficulty: 4 }));
    env.runUntil(5000);
    const found = env.posted.filter((p) => p.msg.type === 'found');
    expect(found.map((p) => p.msg)).toEqual([
      {
        v: 1,
        type: 'found',
        jobId: 'j1',
        proof: 4456,
        hash: '000080e03a5ea509d8778b3f221423f7a631fb7d36a49534e6213248522ffda9',
        attempts: 4457,
      },
    ]);
    expect(env.posted.at(-1)!.msg.type).toBe('found');
    expect(env.loop.currentJobId()).toBeNull();
  });

  it('stops within one chunk', () => {
    const env = createFakeEnv();
    env.send(start());
    env.send(stop('j1'), 1000);
    env.runUntil(3000);
    expect(env.loop.currentJobId()).toBeNull();
    const after = env.posted.filter((p) => p.at > 1000 + 20);
    expect(after).toEqual([]);
    expect(Math.max(...progressOf(env.posted).map((p) => p.at))).toBeLessThanOrEqual(1020);
  });

  it('ignores a stop for a stale job, and the replaced job goes quiet', () => {
    const env = createFakeEnv();
    env.send(start());
    env.send(start({ jobId: 'j2', startNonce: 10 ** 9 }), 500);
    env.send(stop('j1'), 600);
    env.runUntil(2000);
    expect(env.loop.currentJobId()).toBe('j2');
    expect(progressOf(env.posted, 'j1').every((p) => p.at <= 500 + 20)).toBe(true);
    const j2 = progressOf(env.posted, 'j2');
    expect(j2.at(-1)!.at).toBeGreaterThan(1800);
    expect(j2[0]!.msg.nonce).toBeGreaterThanOrEqual(10 ** 9);
  });

  it('gives a 30 % share about 30 % of the attempts of a full share', () => {
    const attemptsAt = (share: number): number => {
      const env = createFakeEnv();
      env.send(start({ share }));
      env.runUntil(10_000);
      return progressOf(env.posted).at(-1)!.msg.attempts;
    };
    const full = attemptsAt(1);
    expect(Math.abs(attemptsAt(0.3) / full - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(attemptsAt(0.05) / full - 0.05)).toBeLessThan(0.01);
    expect(attemptsAt(0)).toBe(0);
  });

  it('keeps the progress cadence at a small share', () => {
    const env = createFakeEnv();
    env.send(start({ share: 0.1 }));
    env.runUntil(3000);
    const at = progressOf(env.posted).map((p) => p.at);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeLessThanOrEqual(150 + SLICE_MS);
    expect(at.length).toBeGreaterThanOrEqual(14);
  });

  it('reports an exhausted nonce space', () => {
    const env = createFakeEnv();
    env.send(start({ startNonce: MAX_NONCE - 5 }));
    env.runUntil(100);
    expect(env.posted.map((p) => p.msg)).toMatchObject([
      { type: 'error', code: 'E_MINER_EXHAUSTED', jobId: 'j1' },
    ]);
  });

  it('answers malformed and wrong-version messages with errors', () => {
    const env = createFakeEnv();
    env.send({ ...start(), v: 2 });
    env.send({ ...start(), difficulty: 9 });
    env.send({ ...start(), share: 1.5 });
    env.send({ ...start(), rule: 'toString' });
    env.send('start');
    env.runUntil(100);
    expect(env.posted.map((p) => p.msg)).toMatchObject([
      { type: 'error', code: 'E_MINER_VERSION', jobId: 'j1' },
      { type: 'error', code: 'E_MINER_MESSAGE', jobId: 'j1' },
      { type: 'error', code: 'E_MINER_MESSAGE', jobId: 'j1' },
      { type: 'error', code: 'E_MINER_MESSAGE', jobId: 'j1' },
      { type: 'error', code: 'E_MINER_MESSAGE', jobId: '' },
    ]);
    expect(env.loop.currentJobId()).toBeNull();
  });

  it('refuses to report a proof the core rejects', () => {
    const posted: MinerToPage[] = [];
    const tasks: (() => void)[] = [];
    const loop = createMinerLoop({
      now: () => 0,
      post: (m) => posted.push(m),
      schedule: (fn) => tasks.push(fn),
      engine: (params) => {
        const search = jsEngine(params);
        const lie = { proof: 17, hashHex: '0'.repeat(64), attempts: 18 };
        return { engine: 'js', run: (n) => ({ ...search.run(n), found: lie }) };
      },
    });
    loop.receive(start({ difficulty: 4 }));
    while (tasks.length > 0) tasks.shift()!();
    expect(posted).toMatchObject([{ type: 'error', code: 'E_MINER_VERIFY', jobId: 'j1' }]);
  });
});
