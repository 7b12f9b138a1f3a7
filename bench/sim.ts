// npm run -s bench:sim [-- --blocks N --reps R]: simulation throughput and the cost of one resolve as history
// grows. Prints progress lines, then one JSON object as the last line.
//  (a) runHeadless, 10 nodes, tutorial rule D = 2, until N blocks (default 2 000) are on the best chain.
//  (b) two nodes share a history of 1 000 / 2 000 / 4 000 blocks (built with the core at D = 1); the peer gets one
//      new block, and we time the whole GET /nodes/resolve that adopts it. Blocks are immutable and shared, so
//      validation should only touch the new block (docs/architecture.md "The world and step", consensus.ts):
//      the time should stay flat.
//  (c) event mode (src/sim/eventMiner.ts): the same engine with drawn block times, 10 nodes until 10 000 blocks
//      (--event-blocks N) are on the best chain; the goal is under 10 s on a 2-core machine.
import { performance } from 'node:perf_hooks';
import { forgeBlock } from '../src/core/block';
import { proofInput, searchProof, type PowParams } from '../src/core/pow';
import type { Block, Chain } from '../src/core/types';
import { runHeadless } from '../src/sim/headless';
import { createSimulation } from '../src/sim/simulation';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : dflt;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive whole number`);
  return v;
}

const BLOCKS = arg('blocks', 2000);
const EVENT_BLOCKS = arg('event-blocks', 10_000);
const REPS = arg('reps', 200);
const NODES = 10;
const log = (msg: string) => process.stderr.write(`${msg}\n`);

function throughput() {
  const t0 = performance.now();
  const { summary } = runHeadless({ nodes: NODES, blocks: BLOCKS, seed: 1, difficulty: 2, rule: 'tutorial' });
  const seconds = (performance.now() - t0) / 1000;
  const height = summary.heads[0]?.height ?? 0;
  return {
    blocksPerSecond: Math.round(height / seconds),
    // Stale blocks are mined (and hashed) too: with 10 nodes, 0.1 s latency and ~13 ms between blocks most are.
    minedPerSecond: Math.round((height + summary.staleBlocks) / seconds),
    wallSeconds: Math.round(seconds * 10) / 10,
    height,
    staleBlocks: summary.staleBlocks,
    messages: summary.messages,
    simulatedSeconds: summary.simulatedSeconds,
    converged: summary.converged,
  };
}

const POW: PowParams = { rule: 'tutorial', difficulty: 1 };

/** A valid next block on `last` (reward to `miner`), one second later. */
function nextBlock(last: Block, miner: string): Block {
  const timestamp = last.timestamp + 1;
  const txs = [{ sender: '0', recipient: miner, amount: 1 }];
  const found = searchProof(POW, proofInput(POW, last, { timestamp, transactions: txs }));
  if (!found) throw new Error('no proof');
  return forgeBlock(last, [], miner, found.proof, timestamp);
}

/** A network of two nodes sharing `size` blocks; `once()` gives bob one block and times alice's resolve (ms). */
function resolveBench(size: number): () => number {
  const sim = createSimulation({
    seed: 1,
    pow: POW,
    resolvePolicy: 'manual',
    strictness: 'strict',
    net: { latency: 0.01, jitter: 0, loss: 0 },
  });
  sim.dispatch({ type: 'add-node' });
  sim.dispatch({ type: 'add-node' });
  const [alice, bob] = sim.nodes() as [ReturnType<typeof sim.nodes>[0], ReturnType<typeof sim.nodes>[0]];
  const history: Block[] = [...alice.chain()];
  while (history.length < size) history.push(nextBlock(history[history.length - 1] as Block, 'bob'));
  sim.dispatch({ type: 'load-chain', node: 'alice', chain: history });
  sim.dispatch({ type: 'load-chain', node: 'bob', chain: history });
  sim.dispatch({ type: 'register', node: 'alice', urls: [bob.url] });
  sim.runUntil(() => sim.peek() === null);
  return () => {
    const peer: Chain = bob.chain();
    sim.dispatch({
      type: 'load-chain',
      node: 'bob',
      chain: [...peer, nextBlock(peer[peer.length - 1] as Block, 'bob')],
    });
    const t0 = performance.now();
    sim.dispatch({ type: 'resolve', node: 'alice' });
    sim.runUntil(() => sim.peek() === null);
    const ms = performance.now() - t0;
    if (alice.chain() !== bob.chain()) throw new Error('resolve did not adopt the new block');
    return ms;
  };
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1] as number;

/** (c): the headless run in event mode, tutorial D = 4 (3.3 s between blocks), 100 ms latency. */
function eventThroughput() {
  const t0 = performance.now();
  const { summary } = runHeadless({
    nodes: NODES,
    blocks: EVENT_BLOCKS,
    seed: 1,
    difficulty: 4,
    rule: 'tutorial',
    eventMode: true,
  });
  const seconds = (performance.now() - t0) / 1000;
  const height = summary.heads[0]?.height ?? 0;
  return {
    nodes: NODES,
    blocks: height,
    wallSeconds: Math.round(seconds * 100) / 100,
    blocksPerSecond: Math.round(height / seconds),
    staleBlocks: summary.staleBlocks,
    messages: summary.messages,
    converged: summary.converged,
  };
}

log(`(c) event mode: ${NODES} nodes until ${EVENT_BLOCKS} blocks …`);
const c = eventThroughput();
log(`  ${c.wallSeconds} s (${c.blocksPerSecond} blocks/s, ${c.messages} messages, ${c.staleBlocks} stale)`);

log(`(b) resolve over a shared history, median of ${REPS} repetitions, sizes interleaved …`);
const sizes = [1000, 2000, 4000];
const benches = sizes.map(resolveBench);
const times: number[][] = sizes.map(() => []);
for (let r = -20; r < REPS; r++)
  // 20 warm-up rounds, not counted
  benches.forEach((once, i) => {
    const ms = once();
    if (r >= 0) times[i]?.push(ms);
  });
const resolve: Record<string, number> = {};
sizes.forEach((size, i) => {
  resolve[String(size)] = Math.round(median(times[i] ?? []) * 1000) / 1000;
  log(`  history ${size}: ${resolve[String(size)]} ms per resolve`);
});
log(`(a) ${NODES} nodes, tutorial D=2, until ${BLOCKS} blocks (takes a while) …`);
const a = throughput();
log(`  ${a.blocksPerSecond} blocks/s on the best chain, ${a.minedPerSecond} mined/s, ${a.wallSeconds} s`);

process.stdout.write(
  `${JSON.stringify({
    blocksPerSecond: a.blocksPerSecond,
    nodes: NODES,
    blocks: BLOCKS,
    resolveMs: resolve,
    throughput: a,
    eventMode: c,
  })}\n`,
);
