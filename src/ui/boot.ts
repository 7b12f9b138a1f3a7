// How the app starts: a running 3-node network, never an empty screen.
import { createController, type ControllerOptions } from '../store/controller';

export const START_HINT =
  'Three nodes are mining. Try: Partition the network, let both sides mine, then Heal — and watch the Consensus log explain which chain wins.';

export function startClassroom(options: ControllerOptions = {}) {
  const controller = createController({
    ...options,
    params: { pow: { rule: 'tutorial', difficulty: 6 }, hashRate: 1500, ...options.params },
  });
  for (let i = 0; i < 3; i++) controller.dispatch({ type: 'add-node' });
  controller.dispatch({ type: 'register-all' });
  for (const n of controller.sim().nodes()) controller.dispatch({ type: 'auto-mine', node: n.id, on: true });
  return controller;
}
