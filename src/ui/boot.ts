// How the app starts: a running 3-node network, never an empty screen.
import type { SimParams } from '../sim/params';
import { createController, type Controller, type ControllerOptions } from '../store/controller';

export const START_HINT =
  'Three nodes are mining. Try: Partition the network, let both sides mine, then Heal — and watch the Consensus log explain which chain wins.';

/** The classroom's settings (also what "Start fresh" returns to). */
export const CLASSROOM_PARAMS: Partial<SimParams> = {
  pow: { rule: 'tutorial', difficulty: 6 },
  hashRate: 1500,
};

export function startClassroom(options: ControllerOptions = {}) {
  const controller = createController({ ...options, params: { ...CLASSROOM_PARAMS, ...options.params } });
  populateClassroom(controller);
  return controller;
}

/** Three registered nodes, all mining. */
export function populateClassroom(controller: Controller): void {
  for (let i = 0; i < 3; i++) controller.dispatch({ type: 'add-node' });
  controller.dispatch({ type: 'register-all' });
  for (const n of controller.sim().nodes()) controller.dispatch({ type: 'auto-mine', node: n.id, on: true });
}
