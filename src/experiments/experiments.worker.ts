// The experiments Web Worker: a thin shell over createExperimentHost (host.ts).
import { createExperimentHost } from './host';
import type { ExperimentsToPage } from './messages';

// Typed locally instead of with the WebWorker lib, which conflicts with the DOM lib of tsconfig.app.json.
interface WorkerScope {
  postMessage(msg: ExperimentsToPage): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

const scope = self as unknown as WorkerScope;
const host = createExperimentHost((msg) => scope.postMessage(msg));
scope.onmessage = (ev) => host.receive(ev.data);
