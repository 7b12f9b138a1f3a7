// Lessons on how the tutorial's chain grows: the first block, a race between two miners, a partition that heals,
// and what difficulty does to block times.
import { hashBlock } from '../core/block';
import { REWARD_SENDER, type Transaction } from '../core/types';
import type { Scenario } from './scenarios';
import {
  eventsOf,
  heightOf,
  idOf,
  step,
  lengthOf,
  must,
  settle,
  tipHash,
  txText,
  warmUp,
  type RunRecord,
} from './record';

const HOUR = 3600;

const firstBlock: Scenario<ReturnType<typeof firstBlockFacts>> = {
  summary: 'One node: the warm-up puzzle (y = 21), then block 2 with a payment and the reward.',
  setup: { nodes: 1, blocks: 1, seed: 1, difficulty: 4, rule: 'tutorial', latencyMs: 100 },
  // The tutorial counts proofs up from 0, so block 2's proof is the pinned 4456
  // (docs/protocol.md "Test vectors").
  params: { randomStart: false, resolvePolicy: 'manual' },
  run(sim) {
    step(sim, { type: 'transaction', node: 'alice', body: { sender: 'bob', recipient: 'alice', amount: 5 } });
    step(sim, { type: 'mine', node: 'alice' });
    must(
      sim.runUntil(() => lengthOf(sim, 'alice') >= 2, sim.now() + HOUR),
      'alice mines block 2',
    );
  },
  outcome: firstBlockFacts,
};

function firstBlockFacts(r: RunRecord) {
  const mined = eventsOf(r, 'block-mined')[0];
  const block = r.chains.alice?.[1];
  const last = block?.transactions.at(-1);
  return {
    warmUp: warmUp(5),
    block:
      mined && block
        ? {
            index: block.index,
            proof: block.proof,
            attempts: mined.attempts,
            seconds: Math.round(mined.seconds * 1000) / 1000,
            difficulty: mined.difficulty,
            expectedAttempts: 16 ** mined.difficulty,
            transactions: block.transactions.map(txText),
            rewardLast: last?.sender === REWARD_SENDER && last.recipient === 'alice' && last.amount === 1,
          }
        : null,
  };
}

const TX_A: Transaction = { sender: 'carol', recipient: 'dave', amount: 2 };
const TX_B: Transaction = { sender: 'erin', recipient: 'frank', amount: 3 };

const twoMinersRace: Scenario<ReturnType<typeof raceFacts>> = {
  summary: 'Two miners with equal hash power both find block 2: a fork. The next block decides.',
  setup: { nodes: 2, blocks: 2, seed: 4, difficulty: 3, rule: 'tutorial', latencyMs: 100 },
  params: { resolvePolicy: 'manual' },
  run(sim) {
    step(sim, { type: 'register-all' });
    settle(sim);
    step(sim, { type: 'transaction', node: 'alice', body: TX_A });
    step(sim, { type: 'transaction', node: 'bob', body: TX_B });
    // Nodes hear of blocks only when someone resolves (docs/protocol.md "Endpoints"): both mine their own
    // block 2.
    step(sim, { type: 'mine', node: 'alice' });
    step(sim, { type: 'mine', node: 'bob' });
    const both = () => lengthOf(sim, 'alice') >= 2 && lengthOf(sim, 'bob') >= 2;
    must(sim.runUntil(both, sim.now() + HOUR), 'both mine block 2');
    step(sim, { type: 'resolve', node: 'alice' });
    step(sim, { type: 'resolve', node: 'bob' });
    settle(sim);
    step(sim, { type: 'auto-mine', node: 'alice', on: true });
    step(sim, { type: 'auto-mine', node: 'bob', on: true });
    const longer = () => Math.max(lengthOf(sim, 'alice'), lengthOf(sim, 'bob')) >= 3;
    must(sim.runUntil(longer, sim.now() + HOUR), 'someone mines block 3');
    step(sim, { type: 'auto-mine', node: 'alice', on: false });
    step(sim, { type: 'auto-mine', node: 'bob', on: false });
    const loser = lengthOf(sim, 'alice') < lengthOf(sim, 'bob') ? 'alice' : 'bob';
    step(sim, { type: 'resolve', node: loser });
    settle(sim);
  },
  outcome: raceFacts,
};

function raceFacts(r: RunRecord) {
  const fork = eventsOf(r, 'block-mined')
    .filter((e) => e.index === 2)
    .map((e) => ({ node: e.node, hash: e.hash }));
  const ties = eventsOf(r, 'resolve')
    .slice(0, 2)
    .map((e) => ({
      node: e.node,
      message: e.message,
      equal: e.lines.some((l) => l.verdict === 'not-better' && l.length === e.ownLength),
    }));
  const swap = eventsOf(r, 'chain-replaced')[0];
  const loser = swap?.node ?? null;
  const own = loser === 'alice' ? TX_A : TX_B;
  return {
    fork,
    ties,
    winner: swap ? idOf(swap.from) : null,
    loser,
    droppedBlocks: swap?.droppedBlocks ?? 0,
    returned: (swap?.returnedTxs ?? []).map(txText),
    pendingAgain: loser ? (r.mempools[loser] ?? []).some((t) => txText(t) === txText(own)) : false,
  };
}

const partitionHeal: Scenario<ReturnType<typeof partitionFacts>> = {
  summary:
    'The network splits into two halves that mine apart for a while, then heals: one history wins and the other side’s blocks are abandoned.',
  setup: { nodes: 4, blocks: 12, seed: 1, difficulty: 3, rule: 'tutorial', latencyMs: 100 },
  run(sim, blocks, maxTime) {
    step(sim, { type: 'register-all' });
    settle(sim);
    for (const n of sim.nodes()) step(sim, { type: 'auto-mine', node: n.id, on: true });
    const ids = sim.nodes().map((n) => n.id);
    const half = Math.ceil(ids.length / 2);
    sim.runUntil(() => heightOf(sim) >= Math.floor(blocks / 3), maxTime);
    step(sim, { type: 'partition', groups: [ids.slice(0, half), ids.slice(half)] });
    sim.runUntil(() => heightOf(sim) >= Math.floor((2 * blocks) / 3), maxTime);
    step(sim, { type: 'heal' });
    // Nodes only learn of the other side when someone announces or resolves: resolve once everywhere.
    for (const n of sim.nodes()) step(sim, { type: 'resolve', node: n.id });
    sim.runUntil(() => heightOf(sim) >= blocks, maxTime);
    for (const n of sim.nodes()) step(sim, { type: 'auto-mine', node: n.id, on: false });
    settle(sim);
  },
  outcome: partitionFacts,
};

function partitionFacts(r: RunRecord) {
  const cut = eventsOf(r, 'partition')[0];
  const heal = eventsOf(r, 'heal').find((e) => cut && e.at >= cut.at);
  const sides = cut ? cut.groups : [];
  const during = eventsOf(r, 'block-mined').filter((e) => cut && heal && e.at >= cut.at && e.at <= heal.at);
  const onChains = new Set<string>(Object.values(r.chains).flatMap((c) => c.map(hashBlock)));
  const survives = (hash: string) => onChains.has(hash);
  const minedDuringSplit = sides.map((side) => during.filter((e) => side.includes(e.node)).length);
  const kept = sides.map((side) => during.filter((e) => side.includes(e.node) && survives(e.hash)).length);
  const winnerSide = kept[0] === kept[1] ? null : (kept[0] ?? 0) > (kept[1] ?? 0) ? 0 : 1;
  const losers = winnerSide === null ? [] : (sides[1 - winnerSide] ?? []);
  // Lost to the heal: the losing side's branch. Other stale blocks are races inside one side.
  const lost = during
    .filter((e) => losers.includes(e.node) && !survives(e.hash))
    .map((e) => ({ node: e.node, index: e.index, hash: e.hash }));
  const staleInsideSides = during.filter((e) => !survives(e.hash)).length - lost.length;
  const swaps = eventsOf(r, 'chain-replaced').filter((e) => heal && e.at >= heal.at);
  return {
    sides,
    minedDuringSplit,
    winnerSide,
    lostBlocks: lost,
    staleInsideSides,
    returnedTxs: swaps.reduce((n, e) => n + e.returnedTxs.length, 0),
    converged: new Set(Object.values(r.chains).map(tipHash)).size === 1,
  };
}

const difficulty: Scenario<ReturnType<typeof difficultyFacts>> = {
  summary: 'One node mines at difficulty D, then at D + 1: expected and real attempts and block times.',
  setup: { nodes: 1, blocks: 10, seed: 3, difficulty: 2, rule: 'tutorial', latencyMs: 100 },
  params: { resolvePolicy: 'manual' },
  run(sim, blocks, maxTime) {
    const d = sim.params().pow.difficulty;
    step(sim, { type: 'auto-mine', node: 'alice', on: true });
    must(
      sim.runUntil(() => lengthOf(sim, 'alice') > blocks, maxTime),
      'blocks at the first difficulty',
    );
    step(sim, { type: 'set-params', patch: { pow: { difficulty: d + 1 } } });
    must(
      sim.runUntil(() => lengthOf(sim, 'alice') > 2 * blocks, maxTime),
      'blocks at the second difficulty',
    );
    step(sim, { type: 'auto-mine', node: 'alice', on: false });
  },
  outcome: difficultyFacts,
};

function difficultyFacts(r: RunRecord) {
  const mined = eventsOf(r, 'block-mined');
  const attempts = mined.reduce((s, e) => s + e.attempts, 0);
  const seconds = mined.reduce((s, e) => s + e.seconds, 0);
  // The hash rate as measured by the run itself (virtual time = attempts / rate).
  const rate = seconds > 0 ? attempts / seconds : 0;
  const levels = [...new Set(mined.map((e) => e.difficulty))].map((d) => {
    const at = mined.filter((e) => e.difficulty === d);
    const expected = 16 ** d;
    const mean = (f: (e: (typeof at)[number]) => number) => at.reduce((s, e) => s + f(e), 0) / at.length;
    return {
      difficulty: d,
      blocks: at.length,
      expectedAttempts: expected,
      meanAttempts: Math.round(mean((e) => e.attempts)),
      expectedSeconds: rate > 0 ? Math.round((expected / rate) * 100) / 100 : null,
      meanSeconds: Math.round(mean((e) => e.seconds) * 100) / 100,
    };
  });
  const [a, b] = levels;
  return {
    rate: Math.round(rate),
    levels,
    slowdown: a && b && a.meanSeconds > 0 ? Math.round((b.meanSeconds / a.meanSeconds) * 10) / 10 : null,
  };
}

export const BASICS = {
  'first-block': firstBlock,
  'two-miners-race': twoMinersRace,
  'partition-heal': partitionHeal,
  difficulty,
};
