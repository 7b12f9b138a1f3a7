// The app's retained memory with every node mining, in Node (no browser): `npm run -s bench:memory` (add
// `-- --minutes=20 --nodes=10`). The app's controller (src/store/controller.ts) runs headless at 1× on a stepped
// clock, its jobs found by a stand-in for the app's miners (a block about every 12 s per node, as the classroom's
// paced workers find them, at difficulty 3 so a proof is quick to search here). Every simulated minute the heap
// is read after a GC (needs --expose-gc, which the npm script passes); then the engine seeks to 100 random
// moments. Prints progress on stderr and one JSON line: {nodes, samples: [{minutes, heapMB, events, blocks,
// moments, autosaveKB, autosaveMs}], perMinuteMB: {from5to<end>}, rangeMB: {from5to<end>: [min, max]}, seekMs: {p50, p95, max}}. A
// bounded heap shows perMinuteMB near 0 and the same range however long the run.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { searchProof } from '../src/core/pow';
import { createRng } from '../src/math/rng';
import { payloadText } from '../src/share/payload';
import type { FoundProof, MinerPort, MiningJob } from '../src/sim/minerPort';
import { createController } from '../src/store/controller';

const arg = (name: string, dflt: number) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : dflt;
};
const MINUTES = arg('minutes', 20);
const NODES = arg('nodes', 10);
// The app's frames are ~16 ms; the controller flushes to the store at most every 100 ms, so this is the same work.
const FRAME_MS = 100;
// Mean wall seconds for one node to find a block (src/ui/boot.ts: three paced nodes find one every ~4 s).
const SECONDS_PER_BLOCK = 12;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run -s bench:memory does)');
const log = (msg: string) => process.stderr.write(`${msg}\n`);
const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Stands in for the app's Web Worker miners: a job's proof is due at a drawn wall time, searched when due. */
function pacedMiner(found: (f: FoundProof) => void) {
  const rng = createRng(7);
  const jobs = new Map<string, { job: MiningJob; dueMs: number }>();
  let wallMs = 0;
  const port: MinerPort = {
    start(job) {
      jobs.set(job.nodeId, { job, dueMs: wallMs + rng.exponential(1 / SECONDS_PER_BLOCK) * 1000 });
    },
    stop: (nodeId) => void jobs.delete(nodeId),
    progress: () => null,
    dispose: () => jobs.clear(),
  };
  /** Hand back every proof due by `now` (a found proof may start new jobs, so the due ones are taken first). */
  function advance(now: number): void {
    wallMs = now;
    const due = [...jobs.values()].filter((j) => j.dueMs <= now);
    for (const { job } of due) {
      if (jobs.get(job.nodeId)?.job !== job) continue; // replaced by a block found just before
      jobs.delete(job.nodeId);
      const hit = searchProof(job.pow, job.input, job.startNonce);
      if (hit) found({ nodeId: job.nodeId, jobId: job.jobId, ...hit });
    }
  }
  return { port, advance };
}

// The controller hands its `found` over when it makes the miner: until then there is nothing to hand back.
let found: (f: FoundProof) => void = () => {};
const miner = pacedMiner((f) => found(f));
const controller = createController({
  params: { pow: { rule: 'tutorial', difficulty: 3 }, hashRate: 1500 },
  miner: (f) => {
    found = f;
    return miner.port;
  },
});
for (let i = 0; i < NODES; i++) controller.dispatch({ type: 'add-node' });
controller.dispatch({ type: 'register-all' });
for (const n of controller.sim().nodes()) controller.dispatch({ type: 'auto-mine', node: n.id, on: true });
controller.play();

interface Sample {
  minutes: number;
  heapMB: number;
  events: number;
  blocks: number;
  moments: number;
  /** The autosave's work at that moment: the run as share text (src/ui/SaveShare.tsx every 5 s). */
  autosaveKB: number;
  autosaveMs: number;
}
const sample = (minutes: number): Sample => {
  const a0 = performance.now();
  const text = payloadText(controller.runPayload());
  const autosaveMs = round1(performance.now() - a0);
  gc();
  const sim = controller.sim();
  return {
    minutes,
    heapMB: round1(process.memoryUsage().heapUsed / 2 ** 20),
    events: sim.events().length,
    blocks: Math.max(...sim.nodes().map((n) => n.link().length - 1)),
    moments: sim.moment(),
    autosaveKB: Math.round(text.length / 1024),
    autosaveMs,
  };
};

log(`${NODES} nodes mining for ${MINUTES} simulated minutes at 1×, load ${loadavg()[0]?.toFixed(2)} …`);
const t0 = performance.now();
const samples: Sample[] = [sample(0)];
let wall = 0;
controller.tick(wall);
for (let minute = 1; minute <= MINUTES; minute++) {
  for (let f = 0; f < 60_000 / FRAME_MS; f++) {
    wall += FRAME_MS;
    miner.advance(wall);
    controller.tick(wall);
  }
  const s = sample(minute);
  samples.push(s);
  log(
    `  ${minute} min: ${s.heapMB} MB, ${s.events} events, ${s.blocks} blocks, ${s.moments} moments; ` +
      `autosave ${s.autosaveKB} kB in ${s.autosaveMs} ms`,
  );
}
const runSeconds = (performance.now() - t0) / 1000;

// Seeking stays fast: the engine's seek to random moments of the run (checkpoints + replay).
const sim = controller.sim();
const end = sim.end();
const rng = createRng(3);
const seekMs: number[] = [];
for (let i = 0; i < 100; i++) {
  const n = rng.int(end + 1);
  const s0 = performance.now();
  const r = sim.seek(n);
  seekMs.push(performance.now() - s0);
  if (!r.ok || sim.moment() !== n) throw new Error(`seek to ${n} failed`);
}
seekMs.sort((a, b) => a - b);
const pct = (p: number) =>
  round2(seekMs[Math.min(seekMs.length - 1, Math.floor(p * seekMs.length))] as number);

const at = (m: number) => samples.find((s) => s.minutes === m) ?? (samples.at(-1) as Sample);
const from = Math.min(5, MINUTES);
const perMinuteMB = round2((at(MINUTES).heapMB - at(from).heapMB) / Math.max(1, MINUTES - from));
// Checkpoints are thinned out when they fill up, so the heap is a sawtooth: its range says more than one slope.
const later = samples.filter((s) => s.minutes >= from).map((s) => s.heapMB);
const rangeMB = [Math.min(...later), Math.max(...later)];
log(
  `  ${from} → ${MINUTES} min: ${perMinuteMB} MB a minute, ${rangeMB.join('–')} MB; ${round1(runSeconds)} s wall`,
);
log(`  seek p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms over ${end} moments`);
controller.dispose();
process.stdout.write(
  `${JSON.stringify({
    nodes: NODES,
    minutes: MINUTES,
    load: round2(loadavg()[0] ?? 0),
    wallSeconds: round1(runSeconds),
    samples,
    perMinuteMB: { [`from${from}to${MINUTES}`]: perMinuteMB },
    rangeMB: { [`from${from}to${MINUTES}`]: rangeMB },
    seekMs: { p50: pct(0.5), p95: pct(0.95), max: pct(1) },
  })}\n`,
);
