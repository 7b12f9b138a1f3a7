// The experiments Web Worker: a thin shell over createExperimentHost (host.ts), which answers every message.
import { createExperimentHost } from './host';
import { EXPERIMENT_PROTOCOL_VERSION, type ExperimentsToPage } from './messages';

// Typed locally instead of with the WebWorker lib, which conflicts with the DOM lib of tsconfig.app.json.
interface WorkerScope {
  postMessage(msg: ExperimentsToPage): void;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onmessageerror: (() => void) | null;
}

const scope = self as unknown as WorkerScope;
const host = createExperimentHost((msg) => scope.postMessage(msg));
scope.onmessage = (ev) => host.receive(ev.data);
// A message the browser could not deserialize never reaches onmessage: say so instead of staying silent.
scope.onmessageerror = () =>
  scope.postMessage({
    v: EXPERIMENT_PROTOCOL_VERSION,
    type: 'error',
    runId: null,
    code: 'E_MESSAGE',
    message: 'A message to the experiments worker could not be read.',
  });
