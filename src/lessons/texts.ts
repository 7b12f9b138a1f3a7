// What each lesson asks and how it explains itself. A reveal is a pure function of the run's facts (read from
// its own events), so it says what happened in this run, not what usually happens.
import { FLAW_TEXTS } from './flawTexts';
import { catchUpProbability } from './attacks';
import type { FactsOf, ScenarioName } from './scenarios';
import { person, said, yesNo, type Percent, type Said } from './said';

export interface Choice {
  readonly id: string;
  readonly label: string;
}

export interface Reveal {
  /** The choice this run bears out. */
  readonly answer: string;
  /** Sentences as keys and values: english() for the command line, revealLine() on the page. */
  readonly lines: readonly Said[];
}

export interface LessonText<F> {
  readonly title: string;
  /** What to watch while it runs. */
  readonly watch: string;
  readonly question: string;
  readonly choices: readonly Choice[];
  reveal(facts: F): Reveal;
}

const short = (h: string) => h.slice(0, 10) + '…';

export const LESSON_TEXTS: { readonly [K in ScenarioName]: LessonText<FactsOf<K>> } = {
  'first-block': {
    title: 'The first block',
    watch:
      'One node, Alice. First the tutorial’s warm-up puzzle, then GET /mine: the proof search counts up from 0 and the block is forged with the pending payment and the reward.',
    question: 'Which transaction is the last one in block 2?',
    choices: [
      { id: 'reward', label: 'The reward: sender "0" pays Alice 1 coin' },
      { id: 'payment', label: 'The payment Bob → Alice' },
      { id: 'none', label: 'Neither: miners are not paid in the tutorial' },
    ],
    reveal: (f) => ({
      answer: f.block?.rewardLast ? 'reward' : 'payment',
      lines: [
        said('first-block.warmUp', { y: f.warmUp.y, x: f.warmUp.x, hash: short(f.warmUp.hash) }),
        ...(f.block
          ? [
              said('first-block.block', {
                index: f.block.index,
                proof: String(f.block.proof), // protocol data: digits as the block's JSON has them
                count: f.block.attempts,
                expected: f.block.expectedAttempts,
                difficulty: f.block.difficulty,
                seconds: f.block.seconds,
              }),
              said('first-block.transactions', { transactions: { items: f.block.transactions, join: '; ' } }),
            ]
          : [said('first-block.noBlock')]),
      ],
    }),
  },
  'two-miners-race': {
    title: 'Two miners race',
    watch:
      'Alice and Bob have equal hash power and each has a different payment pending. Both mine block 2 before hearing of the other: a fork. Then both resolve, and then the race for block 3.',
    question:
      'When the loser adopts the winner’s longer chain, what happens to the payment in its own block 2?',
    choices: [
      { id: 'pending', label: 'It goes back to the loser’s pending transactions' },
      { id: 'lost', label: 'It is lost' },
      { id: 'kept', label: 'It stays on the chain next to the winner’s block' },
    ],
    reveal: (f) => {
      const loser = person(f.loser ?? '');
      return {
        answer: f.pendingAgain ? 'pending' : 'lost',
        lines: [
          said('two-miners-race.fork', {
            blocks: {
              items: f.fork.map((b) =>
                said('two-miners-race.forkBlock', { name: person(b.node), hash: short(b.hash) }),
              ),
              join: ', ',
            },
          }),
          said('two-miners-race.ties', {
            answers: {
              items: f.ties.map((t) =>
                said('two-miners-race.tie', { name: person(t.node), message: t.message }),
              ),
              join: ', ',
            },
          }),
          f.winner
            ? said('two-miners-race.winner', { winner: person(f.winner), loser, count: f.droppedBlocks })
            : said('two-miners-race.noWinner'),
          f.returned.length > 0
            ? said('two-miners-race.returned', {
                loser,
                transactions: { items: f.returned, join: '; ' },
                count: f.returned.length,
              })
            : said('two-miners-race.noneReturned'),
        ],
      };
    },
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
      const side = (i: number) => ({ items: (f.sides[i] ?? []).map(person), join: 'and' as const });
      const loser = f.winnerSide === null ? null : 1 - f.winnerSide;
      return {
        answer: f.lostBlocks.length > 0 && f.converged ? 'abandoned' : f.converged ? 'merged' : 'split',
        lines: [
          said('partition-heal.split', {
            sides: f.sides.map((s) => s.map(person).join(' + ')).join(' | '),
            first: f.minedDuringSplit[0] ?? 0,
            second: f.minedDuringSplit[1] ?? 0,
          }),
          f.winnerSide === null
            ? said('partition-heal.keptNeither')
            : said('partition-heal.kept', { side: side(f.winnerSide) }),
          loser === null
            ? said('partition-heal.noneLost')
            : said('partition-heal.lost', {
                side: side(loser),
                count: f.lostBlocks.length,
                blocks: {
                  items: f.lostBlocks.map((b) =>
                    said('partition-heal.lostBlock', { name: person(b.node), index: b.index }),
                  ),
                  join: ', ',
                },
              }),
          said('partition-heal.stale', { count: f.staleInsideSides }),
          said('partition-heal.returned', { count: f.returnedTxs }),
          said(f.converged ? 'partition-heal.converged' : 'partition-heal.notConverged'),
        ],
      };
    },
  },
  'majority-attack': {
    title: 'Majority attack (double spend)',
    watch:
      'Carol has 70 % of the hash power. She pays Alice, then mines in secret on a chain where the same coins go to her own wallet. Alice waits for 2 confirmations, then Carol reconnects.',
    question: 'Would waiting for 6 confirmations instead of 2 have protected Alice?',
    choices: [
      { id: 'no', label: 'No: with most of the hash power, Carol catches up from any lead' },
      { id: 'yes', label: 'Yes: 6 confirmations are always safe' },
    ],
    reveal: (f) => {
      const chance = (q: number, z: number): Percent => ({ percent: catchUpProbability(q, z) });
      return {
        answer: catchUpProbability(f.attackerShare, 6) >= 1 ? 'no' : 'yes',
        lines: [
          said('majority-attack.secret', { count: f.secretBlocks, honest: f.honestBlocks }),
          f.replacedFrom
            ? said('majority-attack.replaced', {
                from: person(f.replacedFrom),
                blocks: said('common.blocks', { count: f.droppedBlocks }),
                confirmations: said('common.confirmations', { count: f.confirmationsLost }),
              })
            : said('majority-attack.kept'),
          said('majority-attack.payments', {
            doubleSpend: yesNo(f.doubleSpendOnChain),
            pending: yesNo(f.paymentPendingAgain),
          }),
          said('majority-attack.chance', {
            share: { percent: f.attackerShare },
            q1: chance(f.attackerShare, 1),
            q2: chance(f.attackerShare, 2),
            q6: chance(f.attackerShare, 6),
            t1: chance(0.3, 1),
            t2: chance(0.3, 2),
            t6: chance(0.3, 6),
          }),
        ],
      };
    },
  },
  tampering: {
    title: 'Tampering with an old block',
    watch:
      'Alice changes an amount in block 2 of her copy, watches the next link break, re-mines from block 2, and the peers resolve.',
    question: 'After Alice re-mines her edited chain, do the other nodes end up with her version?',
    choices: [
      { id: 'no-longer', label: 'No: the honest chain grew meanwhile and the longer chain wins' },
      { id: 'yes', label: 'Yes: every proof is valid again' },
      { id: 'no-invalid', label: 'No: a re-mined chain is always invalid' },
    ],
    reveal: (f) => ({
      answer: f.editSurvives ? 'yes' : f.remined?.verdict === 'invalid' ? 'no-invalid' : 'no-longer',
      lines: [
        said('tampering.detected', {
          edited: f.tamperedBlock ?? '—',
          detector: person(f.detectedBy ?? '—'),
          failing: f.failingBlock ?? '—',
          code: f.code ?? '—',
        }),
        f.remined
          ? said('tampering.remined', {
              // "outbid": valid, but another chain was longer (docs/protocol.md "Fork choice").
              verdict: f.remined.verdict === 'outbid' ? said('tampering.valid') : f.remined.verdict,
              count: f.remined.length ?? 0,
              honest: f.honestLength ?? 0,
              adopted: person(f.carolAdopted ?? '—'),
            })
          : said('tampering.unseen'),
        said('tampering.abandoned', { count: f.aliceDropped }),
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
        ...f.levels.map((l) =>
          said('difficulty.level', {
            difficulty: l.difficulty,
            count: l.blocks,
            attempts: l.meanAttempts,
            expected: l.expectedAttempts,
            seconds: l.meanSeconds,
            expectedSeconds: l.expectedSeconds ?? 0,
            rate: f.rate,
          }),
        ),
        f.slowdown === null
          ? said('difficulty.noSlowdown')
          : said('difficulty.slowdown', { slowdown: f.slowdown }),
      ],
    }),
  },
  ...FLAW_TEXTS,
};

/** A scenario's reveal from its facts (the registry pairs each text with its own scenario's facts). */
export function revealOf(name: ScenarioName, facts: unknown): Reveal {
  return (LESSON_TEXTS[name].reveal as (f: unknown) => Reveal)(facts);
}
