// The worker's logic as a plain object (docs/development.md "Conventions"): it receives page messages, runs
// one experiment at a time in slices, and posts progress, the result, or why it stopped. The worker file only
// wires it to postMessage; the panel's in-process fallback (and the tests) use it directly. Every message gets
// an answer: a malformed one an error with a code (readPageMessage), a run that throws an E_INTERNAL error.
import { assertNever, type ErrorCode } from '../core/errors';
import {
  EXPERIMENT_PROTOCOL_VERSION,
  readPageMessage,
  type ExperimentsToPage,
  type PageToExperiments,
} from './messages';
import { experimentNamed } from './registry';
import { checkSpec, runSliced } from './run';

const V = EXPERIMENT_PROTOCOL_VERSION;

export interface HostOptions {
  /** Give the event loop back between slices (default setTimeout 0), so a cancel message can arrive. */
  readonly yieldToLoop?: () => Promise<void>;
}

export function createExperimentHost(post: (msg: ExperimentsToPage) => void, o: HostOptions = {}) {
  const cancelled = new Set<number>();
  const error = (runId: number | null, code: ErrorCode, message: string) =>
    post({ v: V, type: 'error', runId, code, message });

  async function run(msg: PageToExperiments & { type: 'run' }) {
    const { runId } = msg;
    try {
      const exp = experimentNamed(msg.name);
      if (!exp) return error(runId, 'E_BAD_PARAM', `There is no experiment "${msg.name.slice(0, 80)}".`);
      const checked = checkSpec(exp, msg.spec);
      if (!checked.ok) return error(runId, checked.error.code, checked.error.message);
      const result = await runSliced(exp.run(checked.value), {
        onProgress: (progress) => post({ v: V, type: 'progress', runId, progress }),
        cancelled: () => cancelled.has(runId),
        ...(o.yieldToLoop ? { yieldToLoop: o.yieldToLoop } : {}),
      });
      post(result ? { v: V, type: 'result', runId, result } : { v: V, type: 'cancelled', runId });
    } catch (e) {
      // A bug, not bad input (readPageMessage and checkSpec caught that): report it instead of dying silently.
      error(runId, 'E_INTERNAL', `The experiment stopped: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      cancelled.delete(runId);
    }
  }

  return {
    receive(data: unknown) {
      const read = readPageMessage(data);
      if (!read.ok) return error(read.runId, read.error.code, read.error.message);
      const msg = read.msg;
      switch (msg.type) {
        case 'cancel':
          cancelled.add(msg.runId);
          return;
        case 'run':
          void run(msg);
          return;
        default:
          assertNever(msg);
      }
    },
  };
}
