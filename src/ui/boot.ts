// How the app starts: a running 3-node network, never an empty screen.
import type { SimParams } from '../sim/params';
import { createController, type Controller, type ControllerOptions } from '../store/controller';

/** The classroom's settings (also what "Start fresh" returns to). */
export const CLASSROOM_PARAMS: Partial<SimParams> = {
  // Difficulty 5 (about a million hashes a block) so re-mining a tampered 5-block chain takes seconds in a
  // worker, not minutes; CLASSROOM_PACE keeps the network's blocks a few seconds apart at that difficulty.
  pow: { rule: 'tutorial', difficulty: 5 },
  hashRate: 1500,
};

/**
 * The fraction of one core each node's miner hashes (src/worker/paced.ts): at ≈ 3 MH/s a core, three nodes at
 * 3 % find a difficulty-5 block about every 4 s between them.
 */
export const CLASSROOM_PACE = 0.03;

export function startClassroom(options: ControllerOptions = {}) {
  const controller = createController({ ...options, params: { ...CLASSROOM_PARAMS, ...options.params } });
  populateClassroom(controller);
  return controller;
}

/**
 * Payments sent to each node as the run starts, so the first blocks hold something to edit besides the reward (an
 * edited reward breaks a rule about contents that re-mining cannot fix; an edited payment only breaks links).
 */
export const START_PAYMENTS: readonly (readonly [
  node: string,
  sender: string,
  recipient: string,
  amount: number,
])[] = [
  ['alice', 'Alice', 'Bob', 5],
  ['bob', 'Bob', 'Carol', 3],
  ['carol', 'Carol', 'Alice', 2],
  ['alice', 'Bob', 'Alice', 1],
  ['bob', 'Carol', 'Bob', 4],
  ['carol', 'Alice', 'Carol', 2],
];

/** Three registered nodes with a few payments pending, all mining. */
export function populateClassroom(controller: Controller): void {
  for (let i = 0; i < 3; i++) controller.dispatch({ type: 'add-node' });
  controller.dispatch({ type: 'register-all' });
  // Through the tutorial's own endpoint (POST /transactions/new), as a student's payment would go.
  for (const [node, sender, recipient, amount] of START_PAYMENTS)
    controller.dispatch({ type: 'transaction', node, body: { sender, recipient, amount } });
  for (const n of controller.sim().nodes()) controller.dispatch({ type: 'auto-mine', node: n.id, on: true });
}
