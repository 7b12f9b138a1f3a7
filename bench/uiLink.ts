// The run bench/ui.ts opens: the classroom's settings with the most nodes the app allows (the Network panel's
// "Add node" stops at 10), all registered and all mining, as a share link (#s=…) so the app starts straight into
// it whatever its layout.
import { encodeLink } from '../src/share/link';
import { runPayload } from '../src/share/recorder';
import type { MinerPort } from '../src/sim/minerPort';
import { DEFAULT_PARAMS, mergeParams } from '../src/sim/params';
import { createSimulation } from '../src/sim/simulation';
import { CLASSROOM_PARAMS } from '../src/ui/boot';

export const MAX_NODES = 10;

// Recorded as mined outside the world, so the app hands every node's job to its real miners.
const idleMiner = (): MinerPort => ({ start() {}, stop() {}, progress: () => null, dispose() {} });

export async function everyNodeMiningLink(nodes = MAX_NODES): Promise<string> {
  const sim = createSimulation(mergeParams(DEFAULT_PARAMS, CLASSROOM_PARAMS), { miner: idleMiner });
  for (let i = 0; i < nodes; i++) sim.dispatch({ type: 'add-node' });
  sim.dispatch({ type: 'register-all' });
  for (const n of sim.nodes()) sim.dispatch({ type: 'auto-mine', node: n.id, on: true });
  const link = await encodeLink(runPayload(sim));
  sim.dispose();
  if (!link.ok) throw new Error(link.error.message);
  return link.value;
}
