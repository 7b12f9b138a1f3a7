// The tutorial's flaws in blocks and pending lists (docs/protocol.md "Known flaws of the tutorial node"): a
// copied proof, a greedy reward and pending transactions after a swap. The consensus flaws are in flaws.ts.
import { balancesOf } from '../core/ledger';
import type { Transaction } from '../core/types';
import type { Scenario } from './scenarios';
import {
  eventsOf,
  idOf,
  lengthOf,
  must,
  resolvesBy,
  sameTx,
  settle,
  small,
  step,
  timesOnChain,
  txText,
  type RunRecord,
} from './record';

const HOUR = 3600;

/** #10, #81, #150: the tutorial's proof ignores the block's contents, so a copied proof is valid. */
const copiedProof: Scenario<ReturnType<typeof copiedFacts>> = {
  summary:
    'Bob copies Alice’s proof into his own block and is paid without hashing; the header rule stops it.',
  setup: small(2, 8, 3),
  params: { resolvePolicy: 'manual' },
  run(sim, _blocks, maxTime) {
    step(sim, { type: 'register-all' });
    settle(sim);
    step(sim, { type: 'transaction', node: 'bob', body: { sender: 'bob', recipient: 'erin', amount: 1 } });
    step(sim, { type: 'mine', node: 'alice' });
    must(
      sim.runUntil(() => lengthOf(sim, 'alice') >= 2, maxTime),
      'alice mines block 2',
    );
    step(sim, { type: 'copy-proof', node: 'bob', from: 'alice' });
    step(sim, { type: 'mine', node: 'alice' });
    must(
      sim.runUntil(() => lengthOf(sim, 'alice') >= 3, maxTime),
      'alice mines block 3',
    );
    step(sim, { type: 'resolve', node: 'bob' });
    settle(sim);
    // The header rule binds the transactions and the miner (docs/protocol.md "Proof of work").
    step(sim, { type: 'set-params', patch: { pow: { rule: 'header', difficulty: 8 } } });
    step(sim, { type: 'mine', node: 'alice' });
    must(
      sim.runUntil(() => lengthOf(sim, 'alice') >= 4, maxTime + HOUR),
      'alice mines block 4',
    );
    step(sim, { type: 'copy-proof', node: 'bob', from: 'alice' });
    settle(sim);
  },
  outcome: copiedFacts,
};

function copiedFacts(r: RunRecord) {
  const mined = eventsOf(r, 'block-mined');
  const original = mined.find((e) => e.node === 'alice' && e.index === 2);
  const copy = mined.find((e) => e.node === 'bob' && e.index === 2);
  const refused = eventsOf(r, 'error').find((e) => e.node === 'bob');
  return {
    tutorial: {
      proof: original?.proof ?? null,
      copiedProof: copy?.proof ?? null,
      copierAttempts: copy?.attempts ?? null,
      copierPaid: (r.abandoned.bob ?? []).some((b) =>
        b.transactions.some((t) => t.sender === '0' && t.recipient === 'bob'),
      ),
      sourceAttempts: original?.attempts ?? null,
    },
    header: { refused: refused !== undefined, code: refused?.error.code ?? null },
  };
}

/** The tutorial's valid_chain never looks at rewards, so a node can mint itself 1 000 coins a block. */
const greedyReward: Scenario<ReturnType<typeof greedyFacts>> = {
  summary:
    'Carol pays herself 1 000 coins a block; tutorial validation accepts it, strict validation does not.',
  setup: small(3, 9),
  params: { resolvePolicy: 'manual', strictness: 'tutorial' },
  run(sim, _blocks, maxTime) {
    step(sim, { type: 'register-all' });
    settle(sim);
    step(sim, { type: 'set-reward', node: 'carol', amount: 1000 });
    step(sim, { type: 'auto-mine', node: 'carol', on: true });
    must(
      sim.runUntil(() => lengthOf(sim, 'carol') >= 3, maxTime),
      'carol mines two blocks',
    );
    step(sim, { type: 'auto-mine', node: 'carol', on: false });
    step(sim, { type: 'resolve', node: 'alice' });
    settle(sim);
    step(sim, { type: 'set-params', patch: { strictness: 'strict' } });
    step(sim, { type: 'resolve', node: 'bob' });
    settle(sim);
  },
  outcome: greedyFacts,
};

function greedyFacts(r: RunRecord) {
  const tutorial = resolvesBy(r, 'alice')[0];
  const strict = resolvesBy(r, 'bob')[0];
  const rejected = strict?.lines.find((l) => l.verdict === 'invalid');
  return {
    greedy: 'carol',
    reward: 1000,
    tutorialAdoptedFrom: tutorial?.adoptedFrom ? idOf(tutorial.adoptedFrom) : null,
    carolCoinsAtAlice: balancesOf(r.chains.alice ?? []).get('carol') ?? 0,
    strictAdoptedFrom: strict?.adoptedFrom ? idOf(strict.adoptedFrom) : null,
    strictCode: rejected?.code ?? null,
    strictBlock: rejected ? Number(/Block (\d+):/.exec(rejected.text)?.[1] ?? 0) : null,
  };
}

const T_LOST: Transaction = { sender: 'bob', recipient: 'erin', amount: 2 };
const T_TWICE: Transaction = { sender: 'dave', recipient: 'frank', amount: 4 };

/** #23: pending transactions are not reconciled after a chain swap: one is lost, one is mined twice. */
const mempool: Scenario<ReturnType<typeof mempoolFacts>> = {
  summary:
    'Bob swaps to Alice’s longer chain without reconciling his pending list: one payment lost, one doubled.',
  setup: small(2, 12),
  params: { resolvePolicy: 'manual', flaws: { noMempoolReconcile: true } },
  run(sim, _blocks, maxTime) {
    step(sim, { type: 'register-all' });
    settle(sim);
    step(sim, { type: 'transaction', node: 'bob', body: T_LOST });
    step(sim, { type: 'mine', node: 'bob' });
    must(
      sim.runUntil(() => lengthOf(sim, 'bob') >= 2, maxTime),
      'bob mines block 2',
    );
    step(sim, { type: 'transaction', node: 'alice', body: T_TWICE });
    step(sim, { type: 'transaction', node: 'bob', body: T_TWICE });
    step(sim, { type: 'auto-mine', node: 'alice', on: true });
    must(
      sim.runUntil(() => lengthOf(sim, 'alice') >= 3, maxTime),
      'alice mines two blocks',
    );
    step(sim, { type: 'auto-mine', node: 'alice', on: false });
    step(sim, { type: 'resolve', node: 'bob' });
    settle(sim);
    step(sim, { type: 'mine', node: 'bob' });
    must(
      sim.runUntil(() => lengthOf(sim, 'bob') >= 4, maxTime),
      'bob mines block 4',
    );
    settle(sim);
  },
  outcome: mempoolFacts,
};

function mempoolFacts(r: RunRecord) {
  const bob = r.chains.bob ?? [];
  const swap = eventsOf(r, 'chain-replaced').find((e) => e.node === 'bob');
  const pending = r.mempools.bob ?? [];
  return {
    swapped: swap
      ? { from: idOf(swap.from), droppedBlocks: swap.droppedBlocks, returned: swap.returnedTxs.length }
      : null,
    lost: txText(T_LOST),
    lostOnChain: timesOnChain(bob, T_LOST),
    lostPending: pending.some((t) => sameTx(t, T_LOST)),
    doubled: txText(T_TWICE),
    doubledOnChain: timesOnChain(bob, T_TWICE),
  };
}

export const BLOCK_FLAWS = {
  'flaw-copied-proof': copiedProof,
  'flaw-greedy-reward': greedyReward,
  'flaw-mempool': mempool,
};
