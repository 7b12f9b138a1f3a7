// Lessons on attacks the longest-chain rule does and does not stop: a majority miner rewriting a payment, and
// a student editing an old block.
import type { Scenario } from './scenarios';
import { eventsOf, idOf, lengthOf, must, sameTx, settle, step, timesOnChain, type RunRecord } from './record';
import type { Transaction } from '../core/types';
import type { Simulation } from '../sim/simulation';
import { nakamotoSuccess } from '../math/theory';

/** The attacker's share of the hash power; the two honest nodes have 15 % each. */
export const ATTACKER_SHARE = 0.7;
/** How many confirmations the merchant waits for before handing over the goods. */
export const MERCHANT_WAITS = 2;

const PAYMENT: Transaction = { sender: 'carol', recipient: 'alice', amount: 10 };
/** The same coins, paid by carol to herself on her secret chain. */
const DOUBLE: Transaction = { sender: 'carol', recipient: 'carol-wallet', amount: 10 };

/** Blocks from the one holding `tx` to the tip, inclusive (0 when it is not on the chain). */
function confirmations(sim: Simulation, id: string, tx: Transaction): number {
  const chain = sim.node(id)?.chain() ?? [];
  const i = chain.findIndex((b) => b.transactions.some((t) => sameTx(t, tx)));
  return i < 0 ? 0 : chain.length - i;
}

const majorityAttack: Scenario<ReturnType<typeof majorityFacts>> = {
  summary:
    'Carol, with 70 % of the hash power, pays Alice, mines a secret chain without that payment, and wins.',
  setup: { nodes: 3, blocks: 2, seed: 2, difficulty: 3, rule: 'tutorial', latencyMs: 100 },
  run(sim, blocks, maxTime) {
    step(sim, { type: 'register-all' });
    settle(sim);
    const honest = (1 - ATTACKER_SHARE) / 2;
    step(sim, { type: 'set-share', node: 'alice', share: honest });
    step(sim, { type: 'set-share', node: 'bob', share: honest });
    step(sim, { type: 'set-share', node: 'carol', share: ATTACKER_SHARE });
    for (const id of ['alice', 'bob', 'carol']) step(sim, { type: 'auto-mine', node: id, on: true });
    sim.runUntil(() => lengthOf(sim, 'alice') > blocks, maxTime);
    // Mining in secret is, to everyone else, the same as carol being cut off.
    step(sim, { type: 'partition', groups: [['alice', 'bob'], ['carol']] });
    step(sim, { type: 'transaction', node: 'alice', body: PAYMENT });
    step(sim, { type: 'transaction', node: 'carol', body: DOUBLE });
    const ready = () =>
      confirmations(sim, 'alice', PAYMENT) >= MERCHANT_WAITS &&
      lengthOf(sim, 'carol') > lengthOf(sim, 'alice');
    must(sim.runUntil(ready, maxTime), 'carol overtakes after alice sees the payment confirmed');
    step(sim, { type: 'heal' });
    step(sim, { type: 'resolve', node: 'alice' });
    step(sim, { type: 'resolve', node: 'bob' });
    sim.runUntil(() => confirmations(sim, 'alice', PAYMENT) === 0, sim.now() + 60);
    for (const id of ['alice', 'bob', 'carol']) step(sim, { type: 'auto-mine', node: id, on: false });
    settle(sim);
  },
  outcome: majorityFacts,
};

function majorityFacts(r: RunRecord) {
  const cut = eventsOf(r, 'partition')[0];
  const heal = eventsOf(r, 'heal')[0];
  const during = eventsOf(r, 'block-mined').filter((e) => cut && heal && e.at >= cut.at && e.at <= heal.at);
  const swap = eventsOf(r, 'chain-replaced').find((e) => e.node === 'alice' && heal && e.at >= heal.at);
  const paid = (r.abandoned.alice ?? []).find((b) => b.transactions.some((t) => sameTx(t, PAYMENT)));
  const final = r.chains.alice ?? [];
  return {
    attackerShare: ATTACKER_SHARE,
    merchantWaits: MERCHANT_WAITS,
    secretBlocks: during.filter((e) => e.node === 'carol').length,
    honestBlocks: during.filter((e) => e.node !== 'carol').length,
    replacedFrom: swap ? idOf(swap.from) : null,
    droppedBlocks: swap?.droppedBlocks ?? 0,
    confirmationsLost: swap && paid ? swap.oldLength - paid.index + 1 : 0,
    paymentOnChain: timesOnChain(final, PAYMENT) > 0,
    doubleSpendOnChain: timesOnChain(final, DOUBLE) > 0,
    paymentPendingAgain: (r.mempools.alice ?? []).some((t) => sameTx(t, PAYMENT)),
  };
}

/**
 * Nakamoto's catch-up probability (Bitcoin paper, section 11): an attacker with share q, z blocks behind, ever
 * catches up; 1 when q ≥ 1/2. The same closed form the double-spend experiment is checked against.
 */
export function catchUpProbability(q: number, z: number): number {
  return Math.max(0, nakamotoSuccess(q, z));
}

const EDITED = { sender: 'bob', recipient: 'carol', amount: 5 } satisfies Transaction;

const tampering: Scenario<ReturnType<typeof tamperFacts>> = {
  summary:
    'Alice edits block 2 and re-mines every block after it; the honest chain still wins once peers resolve.',
  setup: { nodes: 3, blocks: 5, seed: 5, difficulty: 2, rule: 'tutorial', latencyMs: 100 },
  params: { resolvePolicy: 'manual' },
  run(sim, blocks, maxTime) {
    step(sim, { type: 'register-all' });
    settle(sim);
    step(sim, { type: 'transaction', node: 'alice', body: EDITED });
    step(sim, { type: 'auto-mine', node: 'alice', on: true });
    must(
      sim.runUntil(() => lengthOf(sim, 'alice') >= blocks, maxTime),
      'alice mines the history',
    );
    step(sim, { type: 'auto-mine', node: 'alice', on: false });
    for (const id of ['bob', 'carol']) step(sim, { type: 'resolve', node: id });
    settle(sim);
    step(sim, { type: 'mine', node: 'alice' });
    must(
      sim.runUntil(() => lengthOf(sim, 'alice') > blocks, maxTime),
      'alice gets one block ahead',
    );
    // A longer chain is the only one a peer validates (resolve_conflicts), so bob will check alice's.
    step(sim, { type: 'tamper', node: 'alice', blockNumber: 2, txIndex: 0, tx: { amount: 500 } });
    step(sim, { type: 'resolve', node: 'bob' });
    settle(sim);
    // While alice redoes the proofs, the honest nodes keep mining.
    step(sim, { type: 'auto-mine', node: 'bob', on: true });
    must(
      sim.runUntil(() => lengthOf(sim, 'bob') > blocks + 1, maxTime),
      'bob mines past alice',
    );
    step(sim, { type: 'auto-mine', node: 'bob', on: false });
    step(sim, { type: 'remine', node: 'alice', fromBlock: 2 });
    step(sim, { type: 'resolve', node: 'carol' });
    settle(sim);
    step(sim, { type: 'resolve', node: 'alice' });
    settle(sim);
  },
  outcome: tamperFacts,
};

function tamperFacts(r: RunRecord) {
  const tampered = eventsOf(r, 'tampered')[0];
  const after = (at: number) => eventsOf(r, 'resolve').filter((e) => e.at >= at);
  const check = tampered ? after(tampered.at).find((e) => e.node === 'bob') : undefined;
  const rejected = check?.lines.find((l) => l.peer.startsWith('alice') && l.verdict === 'invalid');
  const carol = tampered ? after(tampered.at).find((e) => e.node === 'carol') : undefined;
  const aliceLine = carol?.lines.find((l) => l.peer.startsWith('alice'));
  const bobLine = carol?.lines.find((l) => l.peer.startsWith('bob'));
  const swap = eventsOf(r, 'chain-replaced').find(
    (e) => e.node === 'alice' && tampered && e.at > tampered.at,
  );
  const edited = { ...EDITED, amount: 500 };
  return {
    tamperedBlock: tampered?.blockNumber ?? null,
    detectedBy: check?.node ?? null,
    code: rejected?.code ?? null,
    failingBlock: rejected ? Number(/Block (\d+):/.exec(rejected.text)?.[1] ?? 0) : null,
    remined: aliceLine ? { verdict: aliceLine.verdict, length: aliceLine.length } : null,
    honestLength: bobLine?.length ?? null,
    carolAdopted: carol?.adoptedFrom ? idOf(carol.adoptedFrom) : null,
    aliceDropped: swap?.droppedBlocks ?? 0,
    editSurvives: Object.values(r.chains).some((c) => timesOnChain(c, edited) > 0),
  };
}

export const ATTACKS = { 'majority-attack': majorityAttack, tampering };
