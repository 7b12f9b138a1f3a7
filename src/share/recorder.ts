// A run as a payload (payload.ts): the simulation already keeps every input that came from outside its world
// (src/sim/timeline.ts), so recording is reading that log and writing down where the run stands.
import { hashBlock } from '../core/block';
import { toBlocks, type Link } from '../core/chain';
import type { Recorded } from '../sim/timeline';
import type { Simulation } from '../sim/simulation';
import { SHARE_VERSION, type LogEntry, type SharePayload } from './payload';

function entryOf(r: Recorded): LogEntry {
  const { n, at, input } = r;
  if (input.type === 'command') return { kind: 'command', n, at, cmd: input.command };
  if (input.type === 'answer') return answerEntry(n, at, input);
  const { node, jobId: job, proof, attempts } = input;
  return { kind: 'found', n, at, node, job, proof, attempts };
}

function answerEntry(n: number, at: number, a: Extract<Recorded['input'], { type: 'answer' }>): LogEntry {
  const r = a.replyTo;
  const to =
    r.kind === 'resolve'
      ? { kind: 'resolve' as const, node: r.node, resolveId: r.resolveId, slot: r.slot }
      : { kind: 'host' as const, address: r.kind === 'host' ? r.address : a.from };
  const base = { kind: 'answer' as const, n, at, from: a.from, to };
  const o = a.outcome;
  if ('error' in o) return { ...base, error: { code: o.error.code, message: o.error.message } };
  // The simulation hands on only answers that hold a chain (src/sim/simulation.ts chainOutcome).
  const { chain, length } = o.response.body as { chain: Link; length: number };
  return { ...base, chain: toBlocks(chain), length };
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
