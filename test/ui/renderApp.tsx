// Render a panel (or the whole app) around a real controller with the in-process miner, as the app would.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ControllerContext } from '../../src/ui/context';
import { createController, type ControllerOptions } from '../../src/store/controller';

export function setupController(options: ControllerOptions = {}, nodes = 3) {
  const controller = createController({
    ...options,
    params: { seed: 7, pow: { rule: 'tutorial', difficulty: 2 }, ...options.params },
  });
  for (let i = 0; i < nodes; i++) controller.dispatch({ type: 'add-node' });
  return controller;
}

export function renderWith(ui: ReactElement, controller = setupController()) {
  const result = render(<ControllerContext.Provider value={controller}>{ui}</ControllerContext.Provider>);
  return { ...result, controller };
}

/** Advance the simulation's virtual clock and push the events into the store, like frames would. */
export function advance(controller: ReturnType<typeof setupController>, seconds: number) {
  const sim = controller.sim();
  sim.advanceTo(sim.now() + seconds);
  controller.flush();
}
