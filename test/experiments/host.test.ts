// The worker's logic without a worker: runs report progress then a result, a cancel lands between slices, and
// bad requests get a readable error instead of a silent worker.
import { describe, expect, it } from 'vitest';
import { createExperimentHost } from '../../src/experiments/host';
import { EXPERIMENT_PROTOCOL_VERSION as V, type ExperimentsToPage } from '../../src/experiments/messages';
import { createInProcessRunner } from '../../src/experiments/runner';

function host() {
  const got: ExperimentsToPage[] = [];
  let settle: () => void = () => {};
  const ended = new Promise<void>((resolve) => (settle = resolve));
  const h = createExperimentHost((m) => {
    got.push(m);
    if (m.type !== 'progress') settle();
  });
  return { h, got, ended };
}

describe('experiment host', () => {
  it('posts progress, then the result', async () => {
    const { h, got, ended } = host();
    h.receive({ v: V, type: 'run', runId: 1, name: 'retarget', spec: { seed: 2, trials: 50, params: {} } });
    await ended;
    const last = got[got.length - 1]!;
    expect(last.type).toBe('result');
    if (last.type === 'result') expect(last.result.rows).toHaveLength(6);
    expect(got.slice(0, -1).every((m) => m.type === 'progress' && m.runId === 1)).toBe(true);
  });

  it('stops at the next slice after a cancel', async () => {
    const { h, got, ended } = host();
    h.receive({ v: V, type: 'run', runId: 7, name: 'stale-rate', spec: { seed: 1, trials: 8, params: {} } });
    h.receive({ v: V, type: 'cancel', runId: 7 });
    await ended;
    expect(got[got.length - 1]).toEqual({ v: V, type: 'cancelled', runId: 7 });
  });

  it('answers bad requests with an error message', async () => {
    for (const [msg, text] of [
      [
        { v: V, type: 'run', runId: 2, name: 'nope', spec: { seed: 1, trials: 2, params: {} } },
        /no experiment "nope"/,
      ],
      [
        { v: V, type: 'run', runId: 3, name: 'retarget', spec: { seed: 1, trials: 3, params: {} } },
        /from 50 to 2000/,
      ],
      [{ v: 99, type: 'run', runId: 4 }, /Unknown message version 99/],
    ] as const) {
      const { h, got, ended } = host();
      h.receive(msg);
      await ended;
      expect(got).toEqual([{ v: V, type: 'error', runId: msg.runId, message: expect.stringMatching(text) }]);
    }
  });
});

describe('in-process runner', () => {
  it('routes the result to the run that asked, and cancel reaches only its own run', async () => {
    const runner = createInProcessRunner();
    const outcome = (name: string, trials: number, cancelAtOnce: boolean) =>
      new Promise<string>((resolve) => {
        const cancel = runner.run(
          name,
          { seed: 1, trials, params: {} },
          {
            onProgress: () => {},
            onResult: (r) => resolve(`result ${r.experiment} ${r.rows.length}`),
            onCancelled: () => resolve('cancelled'),
            onError: (m) => resolve(`error ${m}`),
          },
        );
        if (cancelAtOnce) cancel();
      });
    const [a, b] = await Promise.all([outcome('stale-rate', 8, true), outcome('double-spend', 1000, false)]);
    expect(a).toBe('cancelled');
    expect(b).toBe('result double-spend 33');
    runner.dispose();
  });
});
