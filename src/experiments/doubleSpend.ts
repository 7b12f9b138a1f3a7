// double-spend: the race of Nakamoto's whitepaper §11 and Rosenfeld (2014), run on the engine in event mode:
// honest tutorial nodes mine, a merchant node (not mining) counts confirmations, and an attacker node
// (src/sim/attacker.ts) mines a private branch from the block before its payment and publishes it once the
// merchant has z confirmations and the branch is at least as long; the honest nodes' own fork choice decides.
// Engine: the share of attacks after which every honest node holds the attacker's branch although the merchant
// had handed over the goods. Formula: the exact probability of the same race (src/math/theory.ts
// doubleSpendRace), for the rule the engine runs — strictly longer (the tutorial's), or catch-up when the
// attacker pre-mined one block.
import { ancestor, type Link } from '../core/chain';
import { expectedAttempts, type PowParams } from '../core/pow';
import { REWARD_SENDER, type Block } from '../core/types';
import { createSimulation, type Simulation } from '../sim/simulation';
import type { NodeState } from '../sim/world';
import { proportion, trialRng } from '../math/stats';
import { doubleSpendRace, nakamotoSuccess } from '../math/theory';
import { listOf } from './run';
import type { Experiment, Progress, Row } from './types';

export const QS = [0.1, 0.2, 0.3] as const;
export const ZS = [1, 2, 3, 4] as const;
export const RULES = ['strictly-longer', 'catch-up'] as const;
export type Rule = (typeof RULES)[number];
const POW: PowParams = { rule: 'tutorial', difficulty: 5 };
const ATTACKER = 'mallory';
const MERCHANT = 'merchant';
/** Attacks between progress reports. */
const SLICE = 50;

/**
 * Blocks behind at which the attacker stops: catching up from there has probability (q/p)^k ≤ 10⁻⁴. The formula
 * counts this barrier exactly (doubleSpendRace), so it only saves time on hopeless attacks.
 */
export function giveUpFor(q: number): number {
  return Math.max(1, Math.ceil(Math.log(1e-4) / Math.log(q / (1 - q))));
}

export interface RaceOptions {
  readonly q: number;
  readonly z: number;
  readonly rule: Rule;
  readonly attacks: number;
  /** Honest miners (the merchant does not mine). */
  readonly honest: number;
  readonly interval: number;
  /** One-way latency between honest nodes (the merchant is one), virtual seconds; the attacker's links have none. */
  readonly latency: number;
  readonly seed: number;
}

const minerOf = (b: Block) => b.transactions.find((tx) => tx.sender === REWARD_SENDER)?.recipient;

/** Confirmations of the payment of `amount` on `chain`: blocks from the one holding it to the tip. */
function confirmations(chain: Link, after: number, amount: number): number {
  let first: Block | null = null;
  for (let l: Link | null = chain; l && l.length > after; l = l.parent)
    if (l.block.transactions.some((tx) => tx.sender === ATTACKER && tx.amount === amount)) first = l.block;
  return first ? chain.block.index - first.index + 1 : 0;
}

/** Whether `n` holds the attacker's branch: the block after the fork is the attacker's. */
const onBranch = (n: NodeState, fork: number) =>
  n.chain.length > fork && minerOf(ancestor(n.chain, fork + 1).block) === ATTACKER;

function network(o: RaceOptions): Simulation {
  const sim = createSimulation(
    {
      seed: o.seed,
      pow: POW,
      hashRate: expectedAttempts(POW) / o.interval,
      net: { latency: o.latency, jitter: 0, loss: 0 },
      // Relay: each block reaches every peer in one hop, and a longer branch is taken at once (src/sim/resolve.ts).
      resolvePolicy: 'relay',
      forkChoice: 'longest',
      timeout: 10 * o.latency + 10,
      eventMode: true,
    },
    { eventCap: 100 },
  );
  for (let i = 0; i < o.honest; i++) sim.dispatch({ type: 'add-node', share: (1 - o.q) / o.honest });
  sim.dispatch({ type: 'add-node', name: MERCHANT, address: `${MERCHANT}:5000` });
  sim.dispatch({ type: 'add-node', share: o.q, name: ATTACKER, address: `${ATTACKER}:5000` });
  // --latency is the honest network's: the attacker is one well-connected node, as a pool is.
  sim.dispatch({ type: 'set-latency', node: ATTACKER, latency: 0 });
  sim.dispatch({ type: 'register-all' });
  sim.runUntil(() => sim.peek() === null);
  for (const n of sim.nodes())
    if (n.id !== MERCHANT) sim.dispatch({ type: 'auto-mine', node: n.id, on: true });
  return sim;
}

/** `o.attacks` attacks one after another on one network; yields the attacks done, returns the successes. */
export function* raceRun(o: RaceOptions): Generator<number, number> {
  const sim = network(o);
  const giveUp = giveUpFor(o.q);
  const honest = () => sim.world().nodes.filter((n) => n.id !== ATTACKER);
  const attacker = () => sim.world().nodes.find((n) => n.id === ATTACKER)?.policy;
  // No attack lasts this long (it gives up giveUp blocks behind): a stuck one counts as failed.
  const limit = 1e4 * o.interval;
  let wins = 0;
  for (let k = 0; k < o.attacks; k++) {
    if (k > 0 && k % SLICE === 0) yield k;
    sim.dispatch({
      type: 'set-policy',
      node: ATTACKER,
      policy: 'double-spend',
      confirmations: o.z,
      giveUp,
      premine: o.rule === 'catch-up',
    });
    const until = sim.now() + limit;
    sim.runUntil(() => {
      const a = attacker();
      return a?.kind !== 'double-spend' || a.phase !== 'premine';
    }, until);
    const p = attacker();
    if (p?.kind !== 'double-spend') continue;
    const fork = p.fork.length;
    // The payment reaches every honest node at once (a client's POST /transactions/new has no latency), so its
    // own travel plays no part: the first honest block past the fork holds it.
    const amount = k + 1;
    for (const n of honest())
      sim.dispatch({
        type: 'transaction',
        node: n.id,
        body: { sender: ATTACKER, recipient: MERCHANT, amount },
      });
    let paid = false;
    let won = false;
    sim.runUntil(() => {
      const nodes = honest();
      const merchant = nodes.find((n) => n.id === MERCHANT);
      if (!paid && merchant) paid = confirmations(merchant.chain, fork, amount) >= o.z;
      won = paid && nodes.every((n) => onBranch(n, fork));
      return won || attacker()?.kind !== 'double-spend';
    }, until);
    if (won) wins++;
    sim.dispatch({ type: 'set-policy', node: ATTACKER, policy: 'honest' });
  }
  sim.dispose();
  return wins;
}

export const doubleSpend: Experiment = {
  name: 'double-spend',
  title: 'Double spend',
  summary:
    'An attacker node with hash share q pays a merchant node, mines a private branch from the block before the ' +
    'payment, and publishes it once the merchant has z confirmations and the branch is at least as long. Engine ' +
    '(event mode, the tutorial’s fork choice): the share of attacks after which every honest node holds the ' +
    'attacker’s branch. Formula: the exact probability of that race (Rosenfeld 2014 with the engine’s rule): ' +
    '"strictly-longer" — the tutorial adopts only a longer chain — or "catch-up", where a block mined before ' +
    'paying makes drawing level enough (Rosenfeld’s figure; Nakamoto’s §11 approximates it). The attacker gives ' +
    'up k blocks behind, (q/p)^k ≤ 10⁻⁴, and the formula counts that. The formula assumes blocks travel at once: ' +
    'with an honest latency (the attacker is well connected), honest forks waste honest work and the engine ' +
    'shows the attacker doing better — and --check then fails, as it should: the formula no longer holds.',
  trialUnit: 'attacks per row',
  defaultTrials: 1000,
  minTrials: 30,
  maxTrials: 1_000_000,
  fields: [
    { key: 'honest', label: 'Honest miners', min: 1, max: 10, step: 1, default: 3 },
    { key: 'interval', label: 'Block interval (s)', min: 1, max: 100_000, step: 1, default: 600 },
    { key: 'latency', label: 'Honest latency (s)', min: 0, max: 3600, step: 0.001, default: 0 },
  ],
  lists: [
    { key: 'q', label: 'Attacker shares q', min: 0.01, max: 0.45, step: 0.01, default: [...QS], maxItems: 8 },
    { key: 'z', label: 'Confirmations z', min: 1, max: 20, step: 1, default: [...ZS], maxItems: 12 },
  ],
  check: { value: 'successRate', theory: 'theory', labelColumns: 3, normal: true },
  columns: [
    { key: 'rule', label: 'rule' },
    { key: 'q', label: 'q' },
    { key: 'z', label: 'z' },
    { key: 'successRate', label: 'engine' },
    { key: 'se', label: '± SE', digits: 2 },
    { key: 'theory', label: 'formula' },
    { key: 'deviation', label: '|Δ|/SE', digits: 2 },
    { key: 'nakamoto', label: 'Nakamoto §11' },
  ],
  *run(spec): Generator<Progress, { experiment: string; rows: Row[] }> {
    const qs = listOf(spec, 'q', QS);
    const zs = listOf(spec, 'z', ZS);
    const honest = spec.params.honest ?? 3;
    const interval = spec.params.interval ?? 600;
    const latency = spec.params.latency ?? 0;
    const rows: Row[] = [];
    const total = RULES.length * qs.length * zs.length * spec.trials;
    let r = 0;
    for (const rule of RULES)
      for (const q of qs)
        for (const z of zs) {
          const label = `${rule}, q = ${q}, z = ${z}`;
          const said = { id: 'row', values: { rule, q, z } };
          const done = r * spec.trials;
          yield { done, total, label, said };
          const seed = trialRng(spec.seed, r, 0).int(2 ** 32);
          const run = raceRun({ q, z, rule, attacks: spec.trials, honest, interval, latency, seed });
          let step = run.next();
          while (!step.done) {
            yield { done: done + step.value, total, label, said };
            step = run.next();
          }
          const giveUp = giveUpFor(q);
          const theory = doubleSpendRace(q, z, rule === 'catch-up' ? 1 : 0, giveUp);
          const measured = proportion(step.value, spec.trials);
          // A handful of successes (q = 0.1, z ≥ 2) understates the SE: never below the formula's own binomial SE.
          const sim = {
            mean: measured.mean,
            se: Math.max(measured.se, Math.sqrt((theory * (1 - theory)) / spec.trials)),
          };
          rows.push({
            rule,
            q,
            z,
            successRate: sim.mean,
            se: sim.se,
            theory,
            deviation: Math.abs(sim.mean - theory) / sim.se,
            // Nakamoto's Poisson figure is for the catch-up race.
            nakamoto: rule === 'catch-up' ? nakamotoSuccess(q, z) : null,
            trials: spec.trials,
            giveUp,
            latency,
          });
          r++;
        }
    return { experiment: 'double-spend', rows };
  },
};
