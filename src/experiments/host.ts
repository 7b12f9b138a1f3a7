// The worker's logic as a plain object (docs/development.md "Conventions"): it receives page messages, runs
// one experiment at a time in slices, and posts progress, the result, or why it stopped. The worker file only
// wires it to postMessage; the panel's in-process fallback (and the tests) use it directly.
import { EXPERIMENT_PROTOCOL_VERSION, type ExperimentsToPage, type PageToExperiments } from './messages';
import { experimentNamed } from './registry';
import { checkSpec, runSliced } from './run';

const V = EXPERIMENT_PROTOCOL_VERSION;

export interface HostOptions {
  /** Give the event loop back between slices (default setTimeout 0), so a cancel message can arrive. */
  readonly yieldToLoop?: () => Promise<void>;
}

export function createExperimentHost(post: (msg: ExperimentsToPage) => void, o: HostOptions = {}) {
  const cancelled = new Set<number>();

  async function run(runId: number, name: string, spec: PageToExperiments & { type: 'run' }) {
    const exp = experimentNamed(name);
    if (!exp) return post({ v: V, type: 'error', runId, message: `There is no experiment "${name}".` });
    const checked = checkSpec(exp, spec.spec);
    if (!checked.ok) return post({ v: V, type: 'error', runId, message: checked.error.message });
    try {
      const result = await runSliced(exp.run(checked.value), {
        onProgress: (progress) => post({ v: V, type: 'progress', runId, progress }),
        cancelled: () => cancelled.has(runId),
        ...(o.yieldToLoop ? { yieldToLoop: o.yieldToLoop } : {}),
      });
      post(result ? { v: V, type: 'result', runId, result } : { v: V, type: 'cancelled', runId });
    } catch (e) {
      // A bug, not bad input (checkSpec caught that): report it instead of dying silently in a worker.
      post({ v: V, type: 'error', runId, message: `The experiment stopped: ${(e as Error).message}` });
    } finally {
      cancelled.delete(runId);
    }
  }

  return {
    receive(data: unknown) {
      const msg = data as Partial<PageToExperiments> | null;
      if (!msg || msg.v !== V) {
        const runId = typeof msg?.runId === 'number' ? msg.runId : -1;
        post({ v: V, type: 'error', runId, message: `Unknown message version ${String(msg?.v)}.` });
        return;
      }
      if (msg.type === 'cancel' && typeof msg.runId === 'number') cancelled.add(msg.runId);
      else if (msg.type === 'run' && typeof msg.runId === 'number' && typeof msg.name === 'string')
        void run(msg.runId, msg.name, msg as PageToExperiments & { type: 'run' });
    },
  };
}
