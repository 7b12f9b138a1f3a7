// npm run -s bench:node: our HTTP node (src/server) against the tutorial's Flask node (test/interop/
// tutorial_node.py), each in its own process on 127.0.0.1, measured in the same run by the same client. Prints
// progress on stderr and one JSON object as the only stdout line.
//  chainRequestsPerSecond: both serve the same 1 000-block chain (difficulty 1, tutorial rule), which each
//    adopted from an in-process node holding it (POST /nodes/register, GET /nodes/resolve); then GET /chain from
//    4 concurrent keep-alive fetch loops for 3 s, ours and Flask's interleaved, best of 2 rounds.
//  resolveMs: a fresh, empty node of each kind registers an in-process node holding 10 000 blocks and its
//    GET /nodes/resolve that adopts them is timed (null for Flask if it takes more than 60 s).
//  peakRssMB: VmHWM from /proc/<pid>/status of the node processes at the end: the one that adopted 10 000
//    blocks (peakRssMB) and the one that served 1 000 under load (peakRssServingMB). Our node runs under tsx,
//    whose loader is part of its figure.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { forgeBlock, genesisBlock } from '../src/core/block';
import { proofInput, searchProof, type PowParams } from '../src/core/pow';
import type { Block, Chain } from '../src/core/types';
import { startNode, type RunningNode } from '../src/server/start';
import { freePort, pythonWithFlask, TUTORIAL_NODE } from '../test/interop/flaskNode';
import { spawnGroup, spawnNode, type GroupProcess } from '../test/interop/nodeProcess';

const POW: PowParams = { rule: 'tutorial', difficulty: 1 };
const SERVED_BLOCKS = 1_000;
const RESOLVE_BLOCKS = 10_000;
const LOOPS = 4;
const LOOP_SECONDS = 3;
const ROUNDS = 2;
const FLASK_RESOLVE_LIMIT_MS = 60_000;
const READY_MS = 20_000;
/** The whole run, at most: then everything is killed and the bench fails. */
const WATCHDOG_MS = 240_000;

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const round1 = (x: number) => Math.round(x * 10) / 10;

/** A chain of `blocks` blocks valid under POW, each holding its reward only, one second apart. */
function buildChain(blocks: number, genesisTime: number, miner: string): Chain {
  const chain: Block[] = [genesisBlock(genesisTime)];
  for (let i = 1; i < blocks; i++) {
    const last = chain[i - 1] as Block;
    const timestamp = last.timestamp + 1;
    const transactions = [{ sender: '0', recipient: miner, amount: 1 }];
    const found = searchProof(POW, proofInput(POW, last, { timestamp, transactions }));
    if (!found) throw new Error('no proof');
    chain.push(forgeBlock(last, [], miner, found.proof, timestamp));
  }
  return chain;
}

/** An in-process node of ours serving `chain` (loaded as a file would be). */
async function sourceNode(name: string, chain: Chain): Promise<RunningNode> {
  const node = await startNode({ port: 0, name, pow: POW });
  const refused = node.engine.command({ type: 'load-chain', node: name, chain });
  if (refused) throw new Error(`${name}: ${refused.message}`);
  return node;
}

async function get(url: string, timeoutMs = 30_000): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return { status: res.status, text: await res.text() };
}

async function register(url: string, peer: string): Promise<void> {
  const res = await fetch(`${url}/nodes/register`, {
    method: 'POST',
    body: JSON.stringify({ nodes: [peer] }),
    headers: { 'content-type': 'application/json' },
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  if (res.status !== 201) throw new Error(`${url}/nodes/register: ${res.status}`);
}

/** Register `peer` and time GET /nodes/resolve until the answer is read; null past `limitMs`. */
async function timedResolve(url: string, peer: string, limitMs: number): Promise<number | null> {
  await register(url, peer);
  const started = performance.now();
  try {
    const answer = await get(`${url}/nodes/resolve`, limitMs);
    if (answer.status !== 200 || !answer.text.includes('"Our chain was replaced"'))
      throw new Error(`${url}/nodes/resolve: ${answer.status} ${answer.text.slice(0, 200)}`);
  } catch (e) {
    if ((e as Error).name === 'TimeoutError') return null;
    throw e;
  }
  return performance.now() - started;
}

/** The tutorial's Python node at difficulty 1, in its own process group, with its pid for /proc. */
async function flaskNode(python: string): Promise<{ url: string; process: GroupProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [TUTORIAL_NODE, '--port', String(port), '--host', '127.0.0.1', '--difficulty', '1'];
  const p = spawnGroup([python, ...args]);
  const deadline = Date.now() + READY_MS;
  while (Date.now() < deadline && !p.hasExited()) {
    try {
      if ((await get(`${url}/chain`, 2_000)).status === 200) return { url, process: p };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await p.stop();
  throw new Error(`the Flask node on ${url} did not come up\n${p.output()}`);
}

/** GET /chain requests answered per second by `url`: LOOPS keep-alive loops for LOOP_SECONDS. */
async function chainRate(url: string): Promise<number> {
  const end = performance.now() + LOOP_SECONDS * 1000;
  let done = 0;
  const loop = async () => {
    while (performance.now() < end) {
      const res = await fetch(`${url}/chain`, { signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url}/chain: ${res.status}`);
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: LOOPS }, loop));
  return done / ((performance.now() - started) / 1000);
}

/** Peak resident set of a process, from /proc/<pid>/status, in MB. */
function peakRssMB(pid: number): number | null {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? round1(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const python = pythonWithFlask();
  if (python === null) throw new Error('No Python can import flask: apt-get install -y python3-flask');
  const stops: (() => Promise<void>)[] = [];
  try {
    let t = performance.now();
    const served = buildChain(SERVED_BLOCKS, 1_700_000_000, 'bench-served');
    const big = buildChain(RESOLVE_BLOCKS, 1_700_100_000.5, 'bench-big');
    log(
      `chains of ${SERVED_BLOCKS} and ${RESOLVE_BLOCKS} blocks built in ${Math.round(performance.now() - t)} ms`,
    );

    const [source, bigPeer] = await Promise.all([sourceNode('source', served), sourceNode('big', big)]);
    stops.push(
      () => source.close(),
      () => bigPeer.close(),
    );
    const [ours, flask, oursEmpty, flaskEmpty] = await Promise.all([
      spawnNode(['--port', '0', '--difficulty', '1', '--name', 'bench-ours']),
      flaskNode(python),
      spawnNode(['--port', '0', '--difficulty', '1', '--name', 'bench-ours-empty']),
      flaskNode(python),
    ]);
    stops.push(ours.stop, flask.process.stop, oursEmpty.stop, flaskEmpty.process.stop);
    log(`our nodes on ${ours.url} and ${oursEmpty.url}, Flask nodes on ${flask.url} and ${flaskEmpty.url}`);

    for (const url of [ours.url, flask.url]) {
      if ((await timedResolve(url, source.url, 30_000)) === null)
        throw new Error(`${url} did not adopt in time`);
    }
    const [ourChain, flaskChain, sourceChain] = await Promise.all(
      [ours.url, flask.url, source.url].map((u) => get(`${u}/chain`)),
    );
    if (ourChain!.text !== sourceChain!.text || flaskChain!.text !== sourceChain!.text)
      throw new Error('the two nodes do not serve the same chain');
    log(`both serve the same ${SERVED_BLOCKS} blocks (${ourChain!.text.length} bytes)`);

    const rates = { chainlab: 0, flask: 0 };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [kind, url] of [
        ['chainlab', ours.url],
        ['flask', flask.url],
      ] as const) {
        const rate = await chainRate(url);
        rates[kind] = Math.max(rates[kind], rate);
        log(`  round ${round}: ${kind} ${Math.round(rate)} GET /chain per second`);
      }
    }

    t = performance.now();
    const ourResolve = await timedResolve(oursEmpty.url, bigPeer.url, 60_000);
    log(`our node adopted ${RESOLVE_BLOCKS} blocks in ${Math.round(ourResolve ?? NaN)} ms`);
    const flaskResolve = await timedResolve(flaskEmpty.url, bigPeer.url, FLASK_RESOLVE_LIMIT_MS);
    log(
      `the Flask node adopted them in ${flaskResolve === null ? `more than ${FLASK_RESOLVE_LIMIT_MS} ms` : `${Math.round(flaskResolve)} ms`}`,
    );
    const [adoptedOurs, adoptedFlask] = await Promise.all(
      [oursEmpty.url, flaskEmpty.url].map((u) => get(`${u}/chain`)),
    );
    if (!adoptedOurs!.text.endsWith(`"length":${RESOLVE_BLOCKS}}\n`))
      throw new Error('our node did not end with the 10 000 blocks');
    if (flaskResolve !== null && adoptedFlask!.text !== adoptedOurs!.text)
      throw new Error('the Flask node did not end with the same chain');

    const result = {
      chainRequestsPerSecond: { chainlab: Math.round(rates.chainlab), flask: Math.round(rates.flask) },
      blocks: SERVED_BLOCKS,
      chainBytes: ourChain!.text.length,
      resolveMs: {
        chainlab: ourResolve === null ? null : Math.round(ourResolve),
        flask: flaskResolve === null ? null : Math.round(flaskResolve),
      },
      resolveBlocks: RESOLVE_BLOCKS,
      peakRssMB: { chainlab: peakRssMB(oursEmpty.pid), flask: peakRssMB(flaskEmpty.process.pid) },
      peakRssServingMB: { chainlab: peakRssMB(ours.pid), flask: peakRssMB(flask.process.pid) },
      loops: LOOPS,
      loopSeconds: LOOP_SECONDS,
      rounds: ROUNDS,
      node: process.version,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await Promise.all(stops.map((stop) => stop().catch(() => undefined)));
  }
}

const watchdog = setTimeout(() => {
  log(`bench:node did not finish within ${WATCHDOG_MS / 1000} s`);
  process.exit(1); // the exit handler of nodeProcess.ts kills the node processes
}, WATCHDOG_MS);
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

main().then(
  () => {
    clearTimeout(watchdog);
    process.exit(0);
  },
  (e: unknown) => {
    log(`bench:node failed: ${(e as Error).stack ?? String(e)}`);
    process.exit(1);
  },
);
