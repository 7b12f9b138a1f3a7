// Every lesson's outcome from its seed, headless; the Lessons panel's recorded run gives the same facts and
// replays; the CLI's `--scenario` prints the same outcome (two CLI starts in all).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLesson } from '../../src/share/lessonRun';
import { replayRun } from '../../src/share/replay';
import { runScenario } from '../../src/lessons/headlessLesson';
import { catchUpProbability } from '../../src/lessons/attacks';
import { english, type Said } from '../../src/lessons/said';
import { LESSON_TEXTS, revealOf } from '../../src/lessons/texts';
import { FLAW_PARTS, SCENARIOS, type FactsOf, type ScenarioName } from '../../src/lessons/scenarios';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

function facts<K extends ScenarioName>(name: K): FactsOf<K> {
  const run = runScenario(name);
  return run.summary.scenario?.outcome as FactsOf<K>;
}

describe('lessons from their seeds (headless)', () => {
  it('first-block: y = 21, then proof 4456 after 4457 attempts with the reward last (docs/protocol.md vectors)', () => {
    const f = facts('first-block');
    expect(f.warmUp).toEqual({
      x: 5,
      y: 21,
      hash: '1253e9373e781b7500266caa55150e08e210bc8cd8cc70d89985e3600155e860',
    });
    expect(f.block).toMatchObject({ index: 2, proof: 4456, attempts: 4457, difficulty: 4, rewardLast: true });
    expect(f.block?.transactions).toEqual(['bob → alice: 5', '0 → alice: 1']);
  });

  it('two-miners-race: a fork, equal resolves keep both, the loser’s payment goes back to pending', () => {
    const f = facts('two-miners-race');
    expect(f.fork.map((b) => b.node)).toEqual(['alice', 'bob']);
    expect(f.fork[0]?.hash).not.toBe(f.fork[1]?.hash);
    expect(f.ties).toEqual([
      { node: 'bob', message: 'Our chain is authoritative', equal: true },
      { node: 'alice', message: 'Our chain is authoritative', equal: true },
    ]);
    expect(f).toMatchObject({ winner: 'alice', loser: 'bob', droppedBlocks: 1, pendingAgain: true });
    expect(f.returned).toEqual(['erin → frank: 3']);
  });

  it('partition-heal: both sides mine, one history wins, the losing side’s blocks are listed as lost', () => {
    const f = facts('partition-heal');
    expect(f.sides).toEqual([
      ['alice', 'bob'],
      ['carol', 'dave'],
    ]);
    expect(f.minedDuringSplit).toEqual([7, 8]);
    expect(f.winnerSide).toBe(1);
    expect(f.lostBlocks).toHaveLength(7);
    for (const b of f.lostBlocks) expect(['alice', 'bob']).toContain(b.node);
    expect(f.converged).toBe(true);
  });

  it('majority-attack: the payment had 2 confirmations, then carol’s secret chain replaced it', () => {
    const f = facts('majority-attack');
    expect(f).toMatchObject({
      attackerShare: 0.7,
      replacedFrom: 'carol',
      confirmationsLost: 2,
      paymentOnChain: false,
      doubleSpendOnChain: true,
      paymentPendingAgain: true,
    });
    expect(f.secretBlocks).toBeGreaterThan(f.honestBlocks);
    // Bitcoin paper §11: q = 0.3, z = 6 gives 0.1321; a majority always catches up.
    expect(catchUpProbability(0.3, 6)).toBeCloseTo(0.1321, 4);
    expect(catchUpProbability(0.1, 5)).toBeCloseTo(0.0009137, 6);
    expect(catchUpProbability(0.7, 100)).toBe(1);
  });

  it('tampering: block 3 breaks with E_PREV_HASH; the re-mined chain is valid but shorter and loses', () => {
    expect(facts('tampering')).toEqual({
      tamperedBlock: 2,
      detectedBy: 'bob',
      code: 'E_PREV_HASH',
      failingBlock: 3,
      remined: { verdict: 'outbid', length: 6 },
      honestLength: 7,
      carolAdopted: 'bob',
      aliceDropped: 5,
      editSurvives: false,
    });
  });

  it('difficulty: expected attempts grow 16-fold, and the run measures the real ones', () => {
    const f = facts('difficulty');
    expect(f.rate).toBe(2000);
    expect(f.levels.map((l) => [l.difficulty, l.blocks, l.expectedAttempts])).toEqual([
      [2, 10, 256],
      [3, 10, 4096],
    ]);
    expect(f.levels.map((l) => l.meanAttempts)).toEqual([187, 2575]);
    expect(f.slowdown).toBe(14.3);
  });
});

describe('the tutorial’s flaws, one switch at a time', () => {
  it('#50: alice adopts a 2-block chain claiming 1000; with the switch off bob keeps his', () => {
    expect(facts('flaw-claimed-length')).toMatchObject({
      real: 2,
      flawOn: { ownLength: 5, adoptedFrom: 'carol' },
      droppedBlocks: 4,
      flawOff: { adoptedFrom: null, carol: 'not-better' },
    });
  });

  it('#10: a copied proof pays bob without hashing; under the header rule it is refused', () => {
    const f = facts('flaw-copied-proof');
    expect(f.tutorial.copiedProof).toBe(f.tutorial.proof);
    expect(f.tutorial).toMatchObject({ copierAttempts: 0, copierPaid: true });
    expect(f.tutorial.sourceAttempts).toBeGreaterThan(100);
    expect(f.header).toEqual({ refused: true, code: 'E_POW' });
  });

  it('greedy reward: tutorial validation accepts 1000 coins a block, strict rejects block 2', () => {
    expect(facts('flaw-greedy-reward')).toMatchObject({
      tutorialAdoptedFrom: 'carol',
      carolCoinsAtAlice: 2000,
      strictAdoptedFrom: null,
      strictCode: 'E_REWARD',
      strictBlock: 2,
    });
  });

  it('#23: without reconcile one payment is lost and another is on the chain twice', () => {
    expect(facts('flaw-mempool')).toMatchObject({
      swapped: { from: 'alice', droppedBlocks: 1, returned: 0 },
      lostOnChain: 0,
      lostPending: false,
      doubledOnChain: 2,
    });
  });

  it('#119: alice’s resolve never ends; with a timeout bob’s ends in 2 s', () => {
    expect(facts('flaw-no-timeout')).toMatchObject({
      aliceFinished: false,
      bobFinished: true,
      bobCarol: 'E_TIMEOUT',
      bobTookSeconds: 2,
    });
    expect(facts('flaw-no-timeout').aliceWaitedAtLeast).toBeGreaterThanOrEqual(30);
  });

  it('#64–#89: no peers, self-registration and equal lengths all leave the chain as it is', () => {
    expect(facts('flaw-equal-length')).toEqual({
      noPeersNote: 'No peers are registered, so there is nothing to compare with.',
      selfRegisterCode: 'E_SELF',
      equal: { ownLength: 2, bobLength: 2, verdict: 'not-better', message: 'Our chain is authoritative' },
    });
  });
});

describe('the Lessons panel’s run', () => {
  const names = Object.keys(SCENARIOS) as ScenarioName[];

  it.each(names)(
    '%s: same facts as headless, a reveal naming a choice, and a payload that replays',
    (name) => {
      const lesson = runLesson(name);
      expect(json(lesson.facts)).toEqual(json(facts(name)));
      expect(LESSON_TEXTS[name].choices.map((c) => c.id)).toContain(lesson.reveal.answer);
      expect(lesson.reveal.lines.length).toBeGreaterThan(0);
      const replayed = replayRun(JSON.parse(JSON.stringify(lesson.payload)));
      expect(replayed.ok).toBe(true);
    },
  );

  it('reveals use the run’s own numbers', () => {
    expect(revealOf('first-block', facts('first-block')).lines.map(english).join(' ')).toContain(
      'proof 4456 after 4457',
    );
    expect(english(revealOf('tampering', facts('tampering')).lines[0] as Said)).toContain(
      'failed at block 3 with E_PREV_HASH',
    );
  });
});

describe('npm run -s sim -- --scenario NAME', () => {
  const ran: Record<string, string> = {};
  const cli = (args: string[]) =>
    new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { cwd: ROOT }, (err, out) =>
        err ? reject(err) : resolve(out),
      ),
    );
  beforeAll(async () => {
    [ran.tampering, ran.flaws] = await Promise.all([
      cli(['--scenario', 'tampering']),
      cli(['--scenario', 'tutorial-flaws']),
    ]);
  }, 60_000);
  const lastLine = (out: string) => JSON.parse(out.trimEnd().split('\n').at(-1) as string);

  it('prints the reveal, then a summary whose outcome is the headless one', () => {
    const out = ran.tampering as string;
    expect(out).toContain('answer: No: the honest chain grew meanwhile and the longer chain wins');
    expect(out).toContain(english(revealOf('tampering', facts('tampering')).lines[1] as Said));
    expect(lastLine(out).scenario).toEqual({ name: 'tampering', outcome: json(facts('tampering')) });
  });

  it('tutorial-flaws runs each flaw in turn with the same outcomes', () => {
    const last = lastLine(ran.flaws as string);
    expect(last.scenario).toBe('tutorial-flaws');
    expect(last.parts).toEqual(FLAW_PARTS.map((name) => ({ name, outcome: json(facts(name)) })));
  });
});
