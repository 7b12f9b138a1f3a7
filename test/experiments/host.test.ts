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
    // Short windows: 6 × 10 engine runs of 300 blocks.
    const params = { stepAt: 100, after: 200, bitcoinWindow: 20, lwmaWindow: 10, asertHalfLife: 12 };
    h.receive({ v: V, type: 'run', runId: 1, name: 'retarget', spec: { seed: 2, trials: 10, params } });
    await ended;
    const last = got[got.length - 1]!;
    expect(last.type).toBe('result');
    if (last.type === 'result') expect(last.result.rows).toHaveLength(12);
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
    for (const [msg, code, text] of [
      [
        { v: V, type: 'run', runId: 2, name: 'nope', spec: { seed: 1, trials: 2, params: {} } },
        'E_BAD_PARAM',
        /no experiment "nope"/,
      ],
      [
        { v: V, type: 'run', runId: 3, name: 'retarget', spec: { seed: 1, trials: 3, params: {} } },
        'E_BAD_PARAM',
        /from 10 to 500/,
      ],
      [{ v: 99, type: 'run', runId: 4 }, 'E_MESSAGE', /Unknown message version 99/],
    ] as const) {
      const { h, got, ended } = host();
      h.receive(msg);
      await ended;
      expect(got).toEqual([
        { v: V, type: 'error', runId: msg.runId, code, message: expect.stringMatching(text) },
      ]);
    }
  });

  // What a page (or anything else that can post to the worker) might send by mistake. Each gets exactly one
  // reply, an error with a code and a sentence, and nothing is left as an unhandled rejection.
  const spec = { seed: 1, trials: 50, params: {} };
  const run = (extra: object) => ({ v: V, type: 'run', runId: 9, name: 'retarget', spec, ...extra });
  const HOSTILE: readonly (readonly [string, unknown, number | null, string, RegExp])[] = [
    ['undefined', undefined, null, 'E_MESSAGE', /must be an object .* not undefined/],
    ['null', null, null, 'E_MESSAGE', /not null/],
    ['a string', 'run retarget', null, 'E_MESSAGE', /not "run retarget"/],
    ['a number', 42, null, 'E_MESSAGE', /not 42/],
    ['a list', [V, 'run', 9], null, 'E_MESSAGE', /not a list/],
    ['an empty object', {}, null, 'E_MESSAGE', /Unknown message version undefined/],
    ['version as a string', { ...run({}), v: '1' }, 9, 'E_MESSAGE', /Unknown message version "1"/],
    ['a newer version', { ...run({}), v: 2 }, 9, 'E_MESSAGE', /Unknown message version 2; .* version 1/],
    ['no runId', { v: V, type: 'run', name: 'retarget', spec }, null, 'E_MESSAGE', /runId/],
    ['a fractional runId', run({ runId: 1.5 }), null, 'E_MESSAGE', /runId as a whole number, not 1.5/],
    [
      'an unknown type',
      { v: V, type: 'explode', runId: 9 },
      9,
      'E_MESSAGE',
      /Unknown message type "explode"/,
    ],
    ['no type', { v: V, runId: 9 }, 9, 'E_MESSAGE', /Unknown message type undefined/],
    ['no name', { v: V, type: 'run', runId: 9, spec }, 9, 'E_MESSAGE', /experiment's name, not undefined/],
    ['a name that is an object key', run({ name: 'constructor' }), 9, 'E_BAD_PARAM', /no experiment/],
    ['a name that is __proto__', run({ name: '__proto__' }), 9, 'E_BAD_PARAM', /no experiment/],
    ['no spec', run({ spec: undefined }), 9, 'E_MESSAGE', /spec is missing/],
    ['a null spec', run({ spec: null }), 9, 'E_MESSAGE', /spec must be an object .* not null/],
    ['a string spec', run({ spec: 'fast' }), 9, 'E_MESSAGE', /not "fast"/],
    ['a list as spec', run({ spec: [1, 50, {}] }), 9, 'E_MESSAGE', /not a list/],
    ['seed as a string', run({ spec: { ...spec, seed: '1' } }), 9, 'E_MESSAGE', /seed as a number, not "1"/],
    ['no trials', run({ spec: { seed: 1, params: {} } }), 9, 'E_MESSAGE', /trials as a number/],
    ['no params', run({ spec: { seed: 1, trials: 50 } }), 9, 'E_MESSAGE', /params as an object/],
    ['a param as a string', run({ spec: { ...spec, params: { step: '4' } } }), 9, 'E_MESSAGE', /params.step/],
    ['a NaN seed', run({ spec: { ...spec, seed: NaN } }), 9, 'E_BAD_PARAM', /seed must be a whole number/],
    ['infinite trials', run({ spec: { ...spec, trials: Infinity } }), 9, 'E_BAD_PARAM', /Trials/],
    [
      'a param out of range',
      run({ spec: { ...spec, params: { step: 9 } } }),
      9,
      'E_BAD_PARAM',
      /from 2 to 4/,
    ],
  ];

  it(`answers each of ${HOSTILE.length} malformed messages with one coded error, and leaves no rejection`, async () => {
    const rejections: unknown[] = [];
    const onRejection = (e: unknown) => rejections.push(e);
    process.on('unhandledRejection', onRejection);
    try {
      for (const [, msg, runId, code, text] of HOSTILE) {
        const { h, got, ended } = host();
        expect(() => h.receive(msg)).not.toThrow();
        await ended;
        expect(got).toEqual([{ v: V, type: 'error', runId, code, message: expect.stringMatching(text) }]);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('a run that throws part-way answers E_INTERNAL instead of dying silently', async () => {
    const got: ExperimentsToPage[] = [];
    let settle: () => void = () => {};
    const ended = new Promise<void>((resolve) => (settle = resolve));
    const h = createExperimentHost(
      (m) => {
        got.push(m);
        if (m.type !== 'progress') settle();
      },
      { yieldToLoop: () => Promise.reject(new Error('the event loop is gone')) },
    );
    h.receive({ v: V, type: 'run', runId: 5, name: 'stale-rate', spec: { seed: 1, trials: 8, params: {} } });
    await ended;
    expect(got[got.length - 1]).toEqual({
      v: V,
      type: 'error',
      runId: 5,
      code: 'E_INTERNAL',
      message: 'The experiment stopped: the event loop is gone',
    });
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
    const [a, b] = await Promise.all([outcome('stale-rate', 8, true), outcome('double-spend', 30, false)]);
    expect(a).toBe('cancelled');
    expect(b).toBe('result double-spend 24');
    runner.dispose();
  });
});
