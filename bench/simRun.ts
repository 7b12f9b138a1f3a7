// One headless event-mode run in its own process, so its wall time and peak memory are its own; bench/sim.ts
// starts one per size. Prints one JSON line: {nodes, blocks, wallSeconds, peakRssMB, heapMB, moments, messages}.
import { performance } from 'node:perf_hooks';
import { runHeadless } from '../src/sim/headless';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};

const nodes = arg('nodes', 3);
const blocks = arg('blocks', 1000);
const relay = process.argv.includes('--relay');
const t0 = performance.now();
const run = runHeadless({
  nodes,
  blocks,
  seed: 1,
  difficulty: 4,
  rule: 'tutorial',
  eventMode: true,
  maxSeconds: Number.POSITIVE_INFINITY,
  ...(relay ? { resolvePolicy: 'relay' as const } : {}),
});
const wallSeconds = (performance.now() - t0) / 1000;
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
process.stdout.write(
  `${JSON.stringify({
    nodes,
    policy: relay ? 'relay' : 'on-announce',
    blocks: run.summary.heads[0]?.height ?? 0,
    wallSeconds: Math.round(wallSeconds * 100) / 100,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
    moments: run.sim.moment(),
    messages: run.summary.messages,
    converged: run.summary.converged,
  })}\n`,
);
