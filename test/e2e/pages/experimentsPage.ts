// Runs experiments in the real Web Worker for test/e2e/experiments.test.ts.
import { createWorkerRunner } from '../../../src/experiments/runner';
import type { ExperimentSpec } from '../../../src/experiments/types';

export interface ExperimentsTestApi {
  /** Run to the end; resolves to the number of rows and progress reports, or the error. */
  run(name: string, spec: ExperimentSpec): Promise<{ rows: number; progress: number; error?: string }>;
  /** Start a long run, cancel at its first progress report; how long until onCancelled, and did a result come. */
  cancelLong(): Promise<{ cancelledAfterMs: number; progress: number; result: boolean }>;
}

const api: ExperimentsTestApi = {
  run(name, spec) {
    const runner = createWorkerRunner();
    let progress = 0;
    return new Promise((resolve) => {
      runner.run(name, spec, {
        onProgress: () => progress++,
        onResult: (r) => resolve({ rows: r.rows.length, progress }),
        onCancelled: () => resolve({ rows: 0, progress, error: 'cancelled' }),
        onError: (error) => resolve({ rows: 0, progress, error }),
      });
    }).finally(() => runner.dispose()) as Promise<{ rows: number; progress: number; error?: string }>;
  },
  cancelLong() {
    const runner = createWorkerRunner();
    let progress = 0;
    let result = false;
    return new Promise<{ cancelledAfterMs: number; progress: number; result: boolean }>((resolve) => {
      let asked = 0;
      const cancel = runner.run(
        'stale-rate',
        { seed: 1, trials: 8, params: { miners: 10, blocks: 100_000 } },
        {
          onProgress: () => {
            progress++;
            if (asked === 0) {
              asked = performance.now();
              cancel();
            }
          },
          onResult: () => (result = true),
          onCancelled: () => resolve({ cancelledAfterMs: performance.now() - asked, progress, result }),
          onError: () => resolve({ cancelledAfterMs: -1, progress, result }),
        },
      );
    }).finally(() => runner.dispose());
  },
};

(window as unknown as { experimentsTest: ExperimentsTestApi }).experimentsTest = api;
document.title = 'ready';
