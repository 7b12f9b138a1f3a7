// How the panel runs an experiment: in a Web Worker when the browser has them (cancel = terminate, which stops
// even a slice in progress), else in-process in slices on the main thread. Both speak the host's messages.
import { assertNever } from '../core/errors';
import { createExperimentHost } from './host';
import { EXPERIMENT_PROTOCOL_VERSION, type ExperimentsToPage, type PageToExperiments } from './messages';
import type { ExperimentResult, ExperimentSpec, Progress } from './types';

export interface RunHandlers {
  readonly onProgress: (p: Progress) => void;
  readonly onResult: (r: ExperimentResult) => void;
  readonly onError: (message: string) => void;
  readonly onCancelled: () => void;
}

export interface ExperimentRunner {
  /** Start a run; the returned function cancels it. */
  run(name: string, spec: ExperimentSpec, handlers: RunHandlers): () => void;
  dispose(): void;
}

/** runId of an error that ends every run (the worker crashed). */
const ALL_RUNS = -1;

interface Channel {
  send(msg: PageToExperiments): void;
  close(): void;
}

/** Routes a channel's messages to the handlers of the run they belong to. */
function createRunner(open: (onMessage: (msg: ExperimentsToPage) => void) => Channel, terminate: boolean) {
  let channel: Channel | null = null;
  let nextId = 1;
  const runs = new Map<number, RunHandlers>();
  const onMessage = (msg: ExperimentsToPage) => {
    if (msg.type === 'error' && msg.runId === ALL_RUNS) {
      const failed = [...runs.values()];
      runs.clear();
      channel?.close();
      channel = null;
      for (const h of failed) h.onError(msg.message);
      return;
    }
    // An error that names no run answers a message this runner never sends: nothing to route it to.
    const runId = msg.runId;
    const h = runId === null ? undefined : runs.get(runId);
    if (runId === null || !h) return;
    switch (msg.type) {
      case 'progress':
        return h.onProgress(msg.progress);
      case 'result':
        runs.delete(runId);
        return h.onResult(msg.result);
      case 'cancelled':
        runs.delete(runId);
        return h.onCancelled();
      case 'error':
        runs.delete(runId);
        return h.onError(msg.message);
      default:
        return assertNever(msg);
    }
  };
  const runner: ExperimentRunner = {
    run(name, spec, handlers) {
      channel ??= open(onMessage);
      const runId = nextId++;
      runs.set(runId, handlers);
      channel.send({ v: EXPERIMENT_PROTOCOL_VERSION, type: 'run', runId, name, spec });
      return () => {
        if (!runs.has(runId)) return;
        if (terminate) {
          // A worker may be deep in a slice: stop it outright and start afresh next time.
          runs.delete(runId);
          channel?.close();
          channel = null;
          handlers.onCancelled();
        } else channel?.send({ v: EXPERIMENT_PROTOCOL_VERSION, type: 'cancel', runId });
      };
    },
    dispose() {
      runs.clear();
      channel?.close();
      channel = null;
    },
  };
  return runner;
}

export function createInProcessRunner(): ExperimentRunner {
  return createRunner((onMessage) => {
    let open = true;
    const host = createExperimentHost((msg) => {
      if (open) onMessage(msg);
    });
    return {
      send: (msg) => host.receive(msg),
      close: () => {
        open = false;
      },
    };
  }, false);
}

export function createWorkerRunner(): ExperimentRunner {
  return createRunner((onMessage) => {
    const worker = new Worker(new URL('./experiments.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<ExperimentsToPage>) => onMessage(ev.data);
    worker.onerror = (ev: ErrorEvent) =>
      onMessage({
        v: EXPERIMENT_PROTOCOL_VERSION,
        type: 'error',
        runId: ALL_RUNS,
        code: 'E_INTERNAL',
        message: ev.message || 'The experiments worker failed to load or crashed.',
      });
    return { send: (msg) => worker.postMessage(msg), close: () => worker.terminate() };
  }, true);
}

export function openExperimentRunner(): ExperimentRunner {
  return typeof Worker === 'function' ? createWorkerRunner() : createInProcessRunner();
}
