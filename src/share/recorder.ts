// A run as a payload (payload.ts): the simulation already keeps every input that came from outside its world
// (src/sim/timeline.ts), so recording is reading that log and writing down where the run stands.
import { hashBlock } from '../core/block';
import type { Recorded } from '../sim/timeline';
import type { Simulation } from '../sim/simulation';
import { SHARE_VERSION, type LogEntry, type SharePayload } from './payload';

function entryOf(r: Recorded): LogEntry {
  const { n, at, input } = r;
  if (input.type === 'command') return { kind: 'command', n, at, cmd: input.command };
  const { node, jobId: job, proof, attempts } = input;
  return { kind: 'found', n, at, node, job, proof, attempts };
}

/** The run to the end of its branch (also when an earlier moment is shown), with a check of where it ended. */
export function runPayload(sim: Simulation): SharePayload {
  const end = sim.endWorld();
  return {
    v: SHARE_VERSION,
    params: sim.startWorld().params,
    miner: end.miner === 'external' ? 'external' : 'hash',
    log: sim.log().map(entryOf),
    check: {
      n: end.n,
      at: end.time,
      heads: end.nodes.map((node) => ({
        id: node.id,
        length: node.chain.length,
        tip: hashBlock(node.chain.block),
        pending: node.mempool.length,
      })),
    },
  };
}
