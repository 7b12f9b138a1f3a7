// Scripted runs. Each drives a simulation whose nodes are already registered and mining.
import type { Simulation } from './simulation';

export interface Scenario {
  readonly summary: string;
  /** Run until `blocks` blocks are on the best chain (or `maxTime`). */
  run(sim: Simulation, blocks: number, maxTime: number): void;
}

const height = (sim: Simulation) => sim.bestChain().length - 1;

export const SCENARIOS = {
  'partition-heal': {
    summary:
      'The network splits into two halves that mine apart for a while, then heals: one history wins and the other side’s blocks are abandoned.',
    run(sim, blocks, maxTime) {
      const ids = sim.nodes().map((n) => n.id);
      const half = Math.ceil(ids.length / 2);
      sim.runUntil(() => height(sim) >= Math.floor(blocks / 3), maxTime);
      sim.dispatch({ type: 'partition', groups: [ids.slice(0, half), ids.slice(half)] });
      sim.runUntil(() => height(sim) >= Math.floor((2 * blocks) / 3), maxTime);
      sim.dispatch({ type: 'heal' });
      // Nodes only learn of the other side when someone announces or resolves: resolve once everywhere.
      for (const n of sim.nodes()) n.resolve('manual');
      sim.runUntil(() => height(sim) >= blocks, maxTime);
    },
  },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;

export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(SCENARIOS, name);
}
