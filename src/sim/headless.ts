// A whole run without a UI: the CLI, the tests and the experiments call this (same engine as the app).
import { chainBodyText, chainResponseText } from '../core/chainJson';
import { jsonText } from '../core/jsonText';
import { blockToJson, hashBlock } from '../core/block';
import { dumps, type PyJson } from '../core/encoding';
import { bitsHex } from '../core/target';
import type { Chain } from '../core/types';
import { blockTimes, type Stretch } from './blockTimes';
import type { ProofRule } from '../core/pow';
import type { Block } from '../core/types';
import type { SimEvent } from './events';
import { createSimulation, type Simulation } from './simulation';
import { DEFAULT_PARAMS, mergeParams, type ParamsPatch, type ResolvePolicy, type SimParams } from './params';

export interface HeadlessOptions {
  readonly nodes: number;
  readonly blocks: number;
  readonly seed: number;
  readonly difficulty: number;
  readonly rule: ProofRule;
  /** One-way latency in milliseconds. */
  readonly latencyMs?: number;
  /** Switches on top of the headless defaults (a lesson's resolve policy, flaws, strictness …). */
  readonly params?: ParamsPatch;
  /**
   * A script that drives the network instead of "register everyone, everyone mines" (a lesson, src/lessons).
   * Its outcome is read from the run's own events when the script ends, before the final resolves.
   */
  readonly script?: HeadlessScript;
  /** Keep every event for the --out file. */
  readonly record?: boolean;
  /** Give up after this much virtual time (seconds). */
  readonly maxSeconds?: number;
  /** How nodes hear of blocks (default on-announce). */
  readonly resolvePolicy?: ResolvePolicy;
  /** Draw block times instead of hashing (src/sim/eventMiner.ts); such chains cannot be exported. */
  readonly eventMode?: boolean;
}

export interface HeadlessScript {
  readonly name: string;
  run(sim: Simulation, blocks: number, maxTime: number): void;
  outcome(sim: Simulation, events: readonly SimEvent[]): unknown;
}

export interface Summary {
  readonly seed: number;
  readonly rule: ProofRule;
  readonly difficulty: number;
  readonly nodes: number;
  readonly heads: readonly { readonly id: string; readonly height: number; readonly tip: string }[];
  readonly converged: boolean;
  readonly staleBlocks: number;
  readonly messages: number;
  readonly simulatedSeconds: number;
  /** A scenario's outcome, read from its run's events when the scenario ended (before the final resolves). */
  readonly scenario?: { readonly name: string; readonly outcome: unknown };
  readonly eventMode?: true;
  /** With retargeting or a hash-rate step: mean block times over stretches of the best chain (src/sim/blockTimes.ts). */
  readonly blockTimes?: readonly Stretch[];
}

export interface HeadlessRun {
  readonly summary: Summary;
  readonly sim: Simulation;
  readonly events: readonly SimEvent[];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Height = blocks mined on top of genesis (genesis is index 1 in the tutorial, height 0 here). */
const heightOf = (sim: Simulation) => sim.height();

/** Run events until nothing is pending, but never past `limit` virtual seconds. */
function settle(sim: Simulation, limit: number) {
  sim.runUntil(() => sim.peek() === null, sim.now() + limit);
}

/** The settings of a headless run, with the caller's switches on top (the Lessons panel uses this too). */
export function headlessParams(o: HeadlessOptions): SimParams {
  const latency = (o.latencyMs ?? 100) / 1000;
  const base: SimParams = {
    ...mergeParams(DEFAULT_PARAMS, {
      pow: { rule: o.rule, difficulty: o.difficulty },
      net: { latency, jitter: latency / 2, loss: 0 },
      resolvePolicy: o.resolvePolicy ?? 'on-announce',
      eventMode: o.eventMode ?? false,
    }),
    seed: o.seed,
  };
  return o.params ? mergeParams(base, o.params) : base;
}

/** Event mode runs 10⁵–10⁶ blocks: the simulation keeps only its latest events (the caller sees them all). */
const EVENT_MODE_CAP = 1000;

export function runHeadless(o: HeadlessOptions): HeadlessRun {
  const sim = createSimulation(headlessParams(o), o.eventMode ? { eventCap: EVENT_MODE_CAP } : {});
  const script = o.script ?? null;
  const events: SimEvent[] = [];
  let mined = 0;
  sim.subscribe((ev) => {
    // A scenario's outcome reads every event of its run, however long.
    if (o.record || script) events.push(ev);
    if (ev.type === 'block-mined') mined++;
  });
  for (let i = 0; i < o.nodes; i++) sim.dispatch({ type: 'add-node' });
  const maxTime = o.maxSeconds ?? 1e7;
  let lesson: Summary['scenario'];
  if (script) {
    // A script sets up its own network: registration, hash power, who mines.
    script.run(sim, o.blocks, maxTime);
    lesson = { name: script.name, outcome: script.outcome(sim, events) };
  } else {
    sim.dispatch({ type: 'register-all' });
    settle(sim, 10);
    for (const n of sim.nodes()) sim.dispatch({ type: 'auto-mine', node: n.id, on: true });
    sim.runUntil(() => heightOf(sim) >= o.blocks, maxTime);
  }
  for (const n of sim.nodes()) sim.dispatch({ type: 'auto-mine', node: n.id, on: false });
  settle(sim, 60);
  // Resolve everywhere: in a fully connected network one round lets every node see the best chain.
  sim.dispatch({ type: 'resolve-all' });
  settle(sim, 60);
  const heads = sim.nodes().map((n) => {
    const chain = n.chain();
    return { id: n.id, height: chain.length - 1, tip: hashBlock(chain[chain.length - 1] as Block) };
  });
  const summary: Summary = {
    seed: o.seed,
    rule: o.rule,
    difficulty: o.difficulty,
    nodes: o.nodes,
    heads,
    converged: heads.every((h) => h.tip === heads[0]?.tip),
    staleBlocks: mined - heightOf(sim),
    messages: sim.messageCount(),
    simulatedSeconds: round3(sim.now()),
    ...(lesson ? { scenario: lesson } : {}),
    ...(o.eventMode ? { eventMode: true as const } : {}),
    ...(timed(sim.params()) ? { blockTimes: blockTimes(sim.bestChain(), sim.params(), o.nodes) } : {}),
  };
  return { summary, sim, events };
}

const timed = (p: SimParams) => p.retarget.algorithm !== 'none' || p.hashRateStep.at > 0;

/**
 * An event-mode chain for the --out file: the tutorial's fields, and under retargeting each block's target as
 * `"bits"` (the header line's 8 hex digits), since these blocks have no proof to show it.
 */
function eventChainText(chain: Chain): string {
  if (!chain.some((b) => b.bits !== undefined)) return chainBodyText(chain);
  const blocks = chain.map((b) =>
    b.bits === undefined
      ? blockToJson(b)
      : { ...(blockToJson(b) as { [k: string]: PyJson }), bits: bitsHex(b.bits) },
  );
  return dumps({ chain: blocks, length: chain.length });
}

/**
 * The --out file: every node's chain in exactly the GET /chain shape, then the events. An event-mode run's blocks
 * carry no real proof, so its file starts `"proofs": "none"` and no importer takes its chains as tutorial chains.
 */
export function outFileText(run: HeadlessRun): string {
  const eventMode = run.summary.eventMode === true;
  const body = eventMode ? eventChainText : chainResponseText;
  const nodes = run.sim
    .nodes()
    .map(
      (n) => `{"id": ${JSON.stringify(n.id)}, "url": ${JSON.stringify(n.url)}, "chain": ${body(n.chain())}}`,
    );
  const head = eventMode ? '"proofs": "none", ' : '';
  return `{${head}"nodes": [${nodes.join(', ')}], "events": ${jsonText(run.events)}}\n`;
}

/** One node's chain as a bare GET /chain file (--out-chain), by id or by number from 1; null if there is none. */
export function chainFileText(run: HeadlessRun, node: string): string | null {
  const nodes = run.sim.nodes();
  const byNumber = /^[1-9][0-9]*$/.test(node) ? nodes[Number(node) - 1] : undefined;
  const found = nodes.find((n) => n.id === node) ?? byNumber;
  return found ? chainResponseText(found.chain()) + '\n' : null;
}
