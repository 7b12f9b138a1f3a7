// What each lesson asks and how it explains itself. A reveal is a pure function of the run's facts (read from
// its own events), so it says what happened in this run, not what usually happens.
import { FLAW_TEXTS } from './flawTexts';
import { catchUpProbability } from './attacks';
import type { FactsOf, ScenarioName } from './scenarios';

export interface Choice {
  readonly id: string;
  readonly label: string;
}

export interface Reveal {
  /** The choice this run bears out. */
  readonly answer: string;
  readonly lines: readonly string[];
}

export interface LessonText<F> {
  readonly title: string;
  /** What to watch while it runs. */
  readonly watch: string;
  readonly question: string;
  readonly choices: readonly Choice[];
  reveal(facts: F): Reveal;
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.01 ? 2 : 1)} %`;
const short = (h: string) => h.slice(0, 10) + '…';

export const LESSON_TEXTS: { readonly [K in ScenarioName]: LessonText<FactsOf<K>> } = {
  'first-block': {
    title: 'The first block',
    watch:
      'One node, alice. First the tutorial’s warm-up puzzle, then GET /mine: the proof search counts up from 0 and the block is forged with the pending payment and the reward.',
    question: 'Which transaction is the last one in block 2?',
    choices: [
      { id: 'reward', label: 'The reward: sender "0" pays alice 1 coin' },
      { id: 'payment', label: 'The payment bob → alice' },
      { id: 'none', label: 'Neither: miners are not paid in the tutorial' },
    ],
    reveal: (f) => ({
      answer: f.block?.rewardLast ? 'reward' : 'payment',
      lines: [
        `Warm-up: y = ${f.warmUp.y} is the first y with sha256(str(${f.warmUp.x} × y)) ending in 0 (${short(f.warmUp.hash)}).`,
        ...(f.block
          ? [
              `Block ${f.block.index}: proof ${f.block.proof} after ${f.block.attempts} attempts (about ${f.block.expectedAttempts} expected at ${f.block.difficulty} leading zeros), ${f.block.seconds} s of simulated hashing.`,
              `Its transactions, in order: ${f.block.transactions.join('; ')}. /mine appends the reward last, so the miner is paid in the very block it forges.`,
            ]
          : ['No block was mined.']),
      ],
    }),
  },
  'two-miners-race': {
    title: 'Two miners race',
    watch:
      'alice and bob have equal hash power and each has a different payment pending. Both mine block 2 before hearing of the other: a fork. Then both resolve, and then the race for block 3.',
    question:
      'When the loser adopts the winner’s longer chain, what happens to the payment in its own block 2?',
    choices: [
      { id: 'pending', label: 'It goes back to the loser’s pending transactions' },
      { id: 'lost', label: 'It is lost' },
      { id: 'kept', label: 'It stays on the chain next to the winner’s block' },
    ],
    reveal: (f) => ({
      answer: f.pendingAgain ? 'pending' : 'lost',
      lines: [
        `Fork: ${f.fork.map((b) => `${b.node}'s block 2 is ${short(b.hash)}`).join(', ')}.`,
        `Both resolved at equal length: ${f.ties.map((t) => `${t.node} said "${t.message}"`).join(', ')} — an equal chain never replaces (the tutorial's issue tracker, issues #64–#89).`,
        f.winner
          ? `${f.winner} found block 3 first; ${f.loser} resolved, adopted it and abandoned ${f.droppedBlocks} block(s).`
          : 'Nobody adopted the other chain in this run.',
        f.returned.length > 0
          ? `Back to ${f.loser}'s pending list: ${f.returned.join('; ')}. It will be mined again. (With the bug-lab switch "no mempool reconcile", flaw #23, it would be lost.)`
          : 'No transaction went back to pending.',
      ],
    }),
  },
  'partition-heal': {
    title: 'Partition and heal',
    watch:
      'Four nodes mine together, the network splits into two sides that mine apart, then it heals and everyone resolves.',
    question: 'After the heal, what happens to the blocks the losing side mined during the split?',
    choices: [
      { id: 'abandoned', label: 'They are abandoned; the other side’s history wins' },
      { id: 'merged', label: 'Both histories are merged' },
      { id: 'split', label: 'The two sides keep different chains for good' },
    ],
    reveal: (f) => {
      const side = (i: number | null) => (i === null ? 'neither side' : (f.sides[i] ?? []).join(' and '));
      const loser = f.winnerSide === null ? null : 1 - f.winnerSide;
      return {
        answer: f.lostBlocks.length > 0 && f.converged ? 'abandoned' : f.converged ? 'merged' : 'split',
        lines: [
          `Split: ${f.sides.map((s) => s.join(' + ')).join(' | ')}; they mined ${f.minedDuringSplit.join(' and ')} blocks apart.`,
          `${side(f.winnerSide)} kept their history: the longer chain when everyone resolved.`,
          loser === null
            ? 'No block was lost.'
            : `Lost with ${side(loser)}'s branch: ${f.lostBlocks.length} block(s) (${f.lostBlocks.map((b) => `${b.node}'s block ${b.index}`).join(', ')}).`,
          `${f.staleInsideSides} more block(s) went stale in races inside a side. ${f.returnedTxs} transaction(s) went back to pending. All nodes on one chain: ${f.converged ? 'yes' : 'no'}.`,
        ],
      };
    },
  },
  'majority-attack': {
    title: 'Majority attack (double spend)',
    watch:
      'carol has 70 % of the hash power. She pays alice, then mines in secret on a chain where the same coins go to her own wallet. alice waits for 2 confirmations, then carol reconnects.',
    question: 'Would waiting for 6 confirmations instead of 2 have protected alice?',
    choices: [
      { id: 'no', label: 'No: with most of the hash power, carol catches up from any lead' },
      { id: 'yes', label: 'Yes: 6 confirmations are always safe' },
    ],
    reveal: (f) => ({
      answer: catchUpProbability(f.attackerShare, 6) >= 1 ? 'no' : 'yes',
      lines: [
        `During the secret mining carol found ${f.secretBlocks} blocks, alice and bob ${f.honestBlocks}.`,
        f.replacedFrom
          ? `On reconnecting alice adopted ${f.replacedFrom}'s longer chain, abandoning ${f.droppedBlocks} block(s): her payment had ${f.confirmationsLost} confirmation(s) and is no longer on the chain.`
          : 'alice kept her chain in this run.',
        `carol's self-payment is on the chain: ${f.doubleSpendOnChain ? 'yes' : 'no'}. alice's payment is pending again: ${f.paymentPendingAgain ? 'yes' : 'no'} — this simulator, like the tutorial, checks no balances; Bitcoin would now reject it as a conflict.`,
        `Chance an attacker ever catches up from z blocks behind (Bitcoin paper, §11): with ${pct(f.attackerShare)}: ${[1, 2, 6].map((z) => `z=${z}: ${pct(catchUpProbability(f.attackerShare, z))}`).join(', ')}; with 30 %: ${[1, 2, 6].map((z) => `z=${z}: ${pct(catchUpProbability(0.3, z))}`).join(', ')}.`,
      ],
    }),
  },
  tampering: {
    title: 'Tampering with an old block',
    watch:
      'alice changes an amount in block 2 of her copy, watches the next link break, re-mines from block 2, and the peers resolve.',
    question: 'After alice re-mines her edited chain, do the other nodes end up with her version?',
    choices: [
      { id: 'no-longer', label: 'No: the honest chain grew meanwhile and the longer chain wins' },
      { id: 'yes', label: 'Yes: every proof is valid again' },
      { id: 'no-invalid', label: 'No: a re-mined chain is always invalid' },
    ],
    reveal: (f) => ({
      answer: f.editSurvives ? 'yes' : f.remined?.verdict === 'invalid' ? 'no-invalid' : 'no-longer',
      lines: [
        `alice edited block ${f.tamperedBlock}. When ${f.detectedBy} resolved, her chain failed at block ${f.failingBlock} with ${f.code}: block ${f.failingBlock}'s previous_hash no longer matches the edited block's hash.`,
        `After re-mining, carol found alice's chain ${f.remined?.verdict === 'outbid' ? 'valid' : (f.remined?.verdict ?? 'unseen')} with ${f.remined?.length} blocks, but bob's honest chain had ${f.honestLength}: carol adopted ${f.carolAdopted}'s.`,
        `alice then resolved and abandoned ${f.aliceDropped} blocks: the edit survives nowhere. To win, a forger must redo the work faster than everyone else (see the majority attack).`,
      ],
    }),
  },
  difficulty: {
    title: 'Difficulty and block times',
    watch: 'One node mines blocks at difficulty D, then the difficulty goes up by one hex zero.',
    question: 'One more leading zero: how much longer does a block take on average?',
    choices: [
      { id: '16x', label: 'About 16 times longer' },
      { id: '2x', label: 'About twice as long' },
      { id: '1.1x', label: 'A little longer: one more character to match' },
    ],
    reveal: (f) => ({
      // Each hex digit has 16 values, so the expected attempts grow 16-fold
      // (docs/protocol.md "Proof of work").
      answer: '16x',
      lines: [
        ...f.levels.map(
          (l) =>
            `D = ${l.difficulty}: ${l.blocks} blocks, ${l.meanAttempts} attempts on average (${l.expectedAttempts} expected), ${l.meanSeconds} s per block (${l.expectedSeconds} s expected at ${f.rate} hashes/s).`,
        ),
        `Measured slowdown in this run: ${f.slowdown}×. Each block is a lottery: a few blocks vary a lot around 16×.`,
      ],
    }),
  },
  ...FLAW_TEXTS,
};

/** A scenario's reveal from its facts (the registry pairs each text with its own scenario's facts). */
export function revealOf(name: ScenarioName, facts: unknown): Reveal {
  return (LESSON_TEXTS[name].reveal as (f: unknown) => Reveal)(facts);
}
