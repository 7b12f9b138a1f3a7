// selfish-mining: Eyal & Sirer's selfish pool (FC 2014, arXiv:1311.0243, §3 Algorithm 1) played by one node of
// the real engine in event mode (src/sim/selfish.ts): honest tutorial nodes, the bus, the relay policy and the
// tutorial's fork choice (longest chain, first seen keeps a tie). γ — the share of honest work that builds on the
// pool's block during a tie — is not an input: it comes out of the network (who hears which block first) and is
// measured. Engine: the pool's share of the blocks on the final chain. Formula: the paper's revenue R(α, γ) at
// the measured γ (src/math/theory.ts selfishRevenue).
import { hashBlock as hashOf } from '../core/block';
import { expectedAttempts, type PowParams } from '../core/pow';
import { REWARD_SENDER, type Block } from '../core/types';
import type { SimEvent } from '../sim/events';
import { inTie } from '../sim/selfish';
import { createSimulation } from '../sim/simulation';
import type { NodeState } from '../sim/world';
import { estimate, trialRng } from '../math/stats';
import { selfishRevenue, selfishThreshold } from '../math/theory';
import { listOf } from './run';
import type { Experiment, Progress, Row } from './types';

export const ALPHAS = [0.1, 0.2, 0.3, 0.4] as const;
/** 16^5 expected attempts; the hash rate is set so that the whole network finds a block per interval. */
const POW: PowParams = { rule: 'tutorial', difficulty: 5 };
/** Blocks mined between progress reports. */
const SLICE = 250;
const POOL = 'pool';

export interface SelfishOptions {
  readonly alpha: number;
  readonly honest: number;
  readonly blocks: number;
  /** Mean block interval, virtual seconds. */
  readonly interval: number;
  /** One-way latency of every link that touches the pool, and of the links between honest nodes. */
  readonly poolLatency: number;
  readonly honestLatency: number;
  readonly seed: number;
}

export interface SelfishCounts {
  /** Blocks on the final chain (genesis not counted), and how many of them the pool mined. */
  readonly onChain: number;
  readonly pool: number;
  /** Honest blocks found during a tie on top of one of the two branches: on the pool's, and in all. */
  readonly tieOnPool: number;
  readonly tieHonest: number;
}

const minerOf = (b: Block) => b.transactions.find((tx) => tx.sender === REWARD_SENDER)?.recipient;

/** The pool's tie as it stands before a step: the height of the two branches and the pool's tip. */
interface Tie {
  readonly index: number;
  readonly poolTip: Block;
}

function tieOf(pool: NodeState | undefined): Tie | null {
  if (!pool || !inTie(pool)) return null;
  return { index: pool.chain.block.index, poolTip: pool.chain.block };
}

/** One run: yields the blocks mined so far every SLICE blocks, returns the counts once every node agrees. */
export function* selfishRun(o: SelfishOptions): Generator<number, SelfishCounts> {
  const maxLatency = Math.max(o.poolLatency, o.honestLatency);
  const sim = createSimulation(
    {
      seed: o.seed,
      pow: POW,
      hashRate: expectedAttempts(POW) / o.interval,
      net: { latency: o.honestLatency, jitter: 0, loss: 0 },
      // Relay: a block reaches each peer in one hop, and the first one seen keeps a tie (src/sim/resolve.ts).
      // Under on-announce a resolve asks every peer and takes the first strictly longer chain in registration
      // order, so the peer list, not the network, would decide who wins a tie.
      resolvePolicy: 'relay',
      forkChoice: 'longest',
      // Longer than any request and its answer take, so no resolve ever gives up on the pool.
      timeout: 10 * maxLatency + 10,
      eventMode: true,
    },
    { eventCap: 100 },
  );
  const share = (1 - o.alpha) / o.honest;
  for (let i = 0; i < o.honest; i++) sim.dispatch({ type: 'add-node', share });
  sim.dispatch({ type: 'add-node', share: o.alpha, name: POOL, address: `${POOL}:5000` });
  sim.dispatch({ type: 'set-latency', node: POOL, latency: o.poolLatency });
  sim.dispatch({ type: 'register-all' });
  sim.runUntil(() => sim.peek() === null);
  sim.dispatch({ type: 'set-policy', node: POOL, policy: 'selfish' });
  const poolNode = () => sim.world().nodes.find((n) => n.id === POOL);
  let tie: Tie | null = null;
  let mined = 0;
  let tieOnPool = 0;
  let tieHonest = 0;
  const onEvent = (ev: SimEvent) => {
    if (ev.type !== 'block-mined') return;
    mined++;
    // γ: during a tie, which branch the next honest block builds on (the tie is the one before this step).
    if (!tie || ev.node === POOL || ev.index !== tie.index + 1) return;
    const tip = sim.world().nodes.find((n) => n.id === ev.node)?.chain.block;
    if (!tip || tip.index !== ev.index) return;
    tieHonest++;
    if (tip.previous_hash === hashOf(tie.poolTip)) tieOnPool++;
  };
  sim.subscribe(onEvent);
  for (const n of sim.nodes()) sim.dispatch({ type: 'auto-mine', node: n.id, on: true });
  while (mined < o.blocks) {
    const next = Math.min(o.blocks, mined + SLICE);
    sim.runUntil(() => {
      tie = tieOf(poolNode());
      return mined >= next;
    });
    if (mined < o.blocks) yield mined;
  }
  tie = null;
  for (const n of sim.nodes()) sim.dispatch({ type: 'auto-mine', node: n.id, on: false });
  // The pool stops withholding: what it kept goes out, as the paper books a lead it is sure to win.
  sim.dispatch({ type: 'set-policy', node: POOL, policy: 'honest' });
  sim.runUntil(() => sim.peek() === null);
  sim.dispatch({ type: 'resolve-all' });
  sim.runUntil(() => sim.peek() === null);
  const chain = sim.bestChain().slice(1);
  const pool = chain.filter((b) => minerOf(b) === POOL).length;
  sim.dispose();
  return { onChain: chain.length, pool, tieOnPool, tieHonest };
}

/** Eyal & Sirer's revenue at the γ a run measured: R is linear in γ, so the mean of R(α, γₜ) is R(α, mean γ). */
export interface SelfishRow {
  readonly gamma: number;
  readonly revenue: number;
  /** The SE of revenue − R(α, γ) over runs: it carries the noise of the measured γ as well. */
  readonly se: number;
}

export function selfishRow(alpha: number, runs: readonly SelfishCounts[]): SelfishRow {
  const ties = runs.reduce((s, r) => s + r.tieHonest, 0);
  const pooled = ties > 0 ? runs.reduce((s, r) => s + r.tieOnPool, 0) / ties : NaN;
  // A run without a tie (tiny α, short runs) measured nothing: it counts at the pooled γ.
  const gammas = runs.map((r) => (r.tieHonest > 0 ? r.tieOnPool / r.tieHonest : pooled));
  const revenues = runs.map((r) => r.pool / r.onChain);
  const gap = estimate(revenues.map((x, i) => x - selfishRevenue(alpha, gammas[i] as number)));
  return { gamma: estimate(gammas).mean, revenue: estimate(revenues).mean, se: gap.se };
}

export const selfishMining: Experiment = {
  name: 'selfish-mining',
  title: 'Selfish mining',
  summary:
    'One node of the engine (event mode: honest tutorial nodes, the bus, the relay, the tutorial’s fork choice) ' +
    'withholds its blocks as Eyal & Sirer’s pool does (2014, Algorithm 1). γ is not an input: it is measured, as ' +
    'the share of honest blocks found during a tie that build on the pool’s block, and it depends on who hears ' +
    'which block first — a pool closer to everyone than they are to each other (pool latency below half the ' +
    'honest latency) reaches about 1 − 1/n of them first, a slow one none. Engine: the pool’s share of the final ' +
    'chain. Formula: the paper’s R(α, γ) at the measured γ. Above α > (1 − γ)/(3 − 2γ) the pool earns more than α.',
  trialUnit: 'engine runs per row',
  defaultTrials: 30,
  minTrials: 2,
  maxTrials: 1000,
  fields: [
    { key: 'honest', label: 'Honest nodes', min: 1, max: 15, step: 1, default: 5 },
    { key: 'blocks', label: 'Blocks per run', min: 100, max: 1_000_000, step: 100, default: 2000 },
    { key: 'interval', label: 'Block interval (s)', min: 1, max: 100_000, step: 1, default: 600 },
    { key: 'honest-latency', label: 'Honest latency (s)', min: 0, max: 3600, step: 0.001, default: 2 },
  ],
  lists: [
    {
      key: 'alpha',
      label: 'Pool shares α',
      min: 0.01,
      max: 0.49,
      step: 0.01,
      default: [...ALPHAS],
      maxItems: 10,
    },
    {
      key: 'pool-latency',
      label: 'Pool latencies (s)',
      min: 0,
      max: 3600,
      step: 0.001,
      default: [0.5, 3],
      maxItems: 4,
    },
  ],
  check: { value: 'revenue', theory: 'theory', labelColumns: 2 },
  columns: [
    { key: 'poolLatency', label: 'pool latency' },
    { key: 'alpha', label: 'α' },
    { key: 'gammaMeasured', label: 'γ measured' },
    { key: 'revenue', label: 'engine' },
    { key: 'se', label: '± SE', digits: 2 },
    { key: 'theory', label: 'R(α, γ)' },
    { key: 'deviation', label: '|Δ|/SE', digits: 2 },
    { key: 'threshold', label: 'threshold' },
  ],
  notes: () => ['Profitable when α > (1 − γ)/(3 − 2γ) at the measured γ (the threshold column).'],
  noteSaid: () => [{ id: 'profitable' }],
  *run(spec): Generator<Progress, { experiment: string; rows: Row[] }> {
    const alphas = listOf(spec, 'alpha', ALPHAS);
    const poolLatencies = listOf(spec, 'pool-latency', [0.5, 3]);
    const honest = spec.params.honest ?? 5;
    const blocks = spec.params.blocks ?? 2000;
    const interval = spec.params.interval ?? 600;
    const honestLatency = spec.params['honest-latency'] ?? 2;
    const rows: Row[] = [];
    const total = poolLatencies.length * alphas.length * spec.trials * blocks;
    let done = 0;
    let r = 0;
    for (const poolLatency of poolLatencies)
      for (const alpha of alphas) {
        const runs: SelfishCounts[] = [];
        for (let t = 0; t < spec.trials; t++) {
          const label = `pool latency ${poolLatency} s, α = ${alpha}, run ${t + 1} of ${spec.trials}`;
          const said = {
            id: 'run',
            values: { latency: poolLatency, alpha, run: t + 1, trials: spec.trials },
          };
          yield { done, total, label, said };
          const seed = trialRng(spec.seed, r, t).int(2 ** 32);
          const run = selfishRun({ alpha, honest, blocks, interval, poolLatency, honestLatency, seed });
          let step = run.next();
          while (!step.done) {
            yield { done: done + step.value, total, label, said };
            step = run.next();
          }
          runs.push(step.value);
          done += blocks;
        }
        const row = selfishRow(alpha, runs);
        const theory = selfishRevenue(alpha, row.gamma);
        rows.push({
          poolLatency,
          alpha,
          gammaMeasured: row.gamma,
          revenue: row.revenue,
          se: row.se,
          theory,
          deviation: Math.abs(row.revenue - theory) / row.se,
          threshold: selfishThreshold(row.gamma),
          honestLatency,
          honest,
          trials: spec.trials,
        });
        r++;
      }
    return { experiment: 'selfish-mining', rows };
  },
};
