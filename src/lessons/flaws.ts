// The tutorial's known flaws (docs/protocol.md "Known flaws of the tutorial node"), one scenario each: the
// switch on, the flaw visible in the run's own events, and where it fits, the switch off for contrast. Flaws
// in blocks: blockFlaws.ts.
import type { Scenario } from './scenarios';
import { BLOCK_FLAWS } from './blockFlaws';
import { eventsOf, idOf, lengthOf, must, resolvesBy, settle, small, step, type RunRecord } from './record';

/** #50: resolve compares the `length` a peer claims, so a short chain with a big claim wins. */
const claimedLength: Scenario<ReturnType<typeof claimedFacts>> = {
  summary: 'Carol has 2 blocks but claims 1000; Alice, trusting the claim, throws away her 5 blocks.',
  setup: small(3, 6),
  params: { resolvePolicy: 'manual', flaws: { trustClaimedLength: true } },
  run(sim, blocks, maxTime) {
    step(sim, { type: 'register-all' });
    settle(sim);
    step(sim, { type: 'auto-mine', node: 'alice', on: true });
    must(
      sim.runUntil(() => lengthOf(sim, 'alice') >= blocks, maxTime),
      'alice mines',
    );
    step(sim, { type: 'auto-mine', node: 'alice', on: false });
    step(sim, { type: 'resolve', node: 'bob' });
    settle(sim);
    step(sim, { type: 'mine', node: 'carol' });
    must(
      sim.runUntil(() => lengthOf(sim, 'carol') >= 2, maxTime),
      'carol mines one block',
    );
    step(sim, { type: 'claim-length', node: 'carol', length: 1000 });
    step(sim, { type: 'resolve', node: 'alice' });
    settle(sim);
    step(sim, { type: 'set-params', patch: { flaws: { trustClaimedLength: false } } });
    step(sim, { type: 'resolve', node: 'bob' });
    settle(sim);
  },
  outcome: claimedFacts,
};

function claimedFacts(r: RunRecord) {
  const on = resolvesBy(r, 'alice')[0];
  const off = resolvesBy(r, 'bob')[1];
  const swap = eventsOf(r, 'chain-replaced').find((e) => e.node === 'alice');
  return {
    liar: 'carol',
    claimed: 1000,
    real: r.chains.carol?.length ?? 0,
    flawOn: {
      node: 'alice',
      ownLength: on?.ownLength ?? 0,
      adoptedFrom: on?.adoptedFrom ? idOf(on.adoptedFrom) : null,
    },
    droppedBlocks: swap?.droppedBlocks ?? 0,
    flawOff: {
      node: 'bob',
      adoptedFrom: off?.adoptedFrom ? idOf(off.adoptedFrom) : null,
      carol: off?.lines.find((l) => l.peer.startsWith('carol'))?.verdict ?? null,
    },
  };
}

/** How long alice waits for the offline carol before the lesson switches the timeout back on. */
export const HANG_SECONDS = 30;

/** #119: no timeout, so one offline peer leaves resolve waiting forever. */
const noTimeout: Scenario<ReturnType<typeof timeoutFacts>> = {
  summary:
    'Carol goes offline; Alice’s resolve waits for her forever. With a timeout, Bob’s finishes in 2 s.',
  setup: small(3, 10),
  params: { resolvePolicy: 'manual', flaws: { noTimeout: true } },
  run(sim) {
    step(sim, { type: 'register-all' });
    settle(sim);
    step(sim, { type: 'partition', groups: [['alice', 'bob'], ['carol']] });
    step(sim, { type: 'resolve', node: 'alice' });
    sim.advanceTo(sim.now() + HANG_SECONDS);
    step(sim, { type: 'set-params', patch: { flaws: { noTimeout: false } } });
    step(sim, { type: 'resolve', node: 'bob' });
    sim.advanceTo(sim.now() + 10);
  },
  outcome: timeoutFacts,
};

function timeoutFacts(r: RunRecord) {
  const asked = eventsOf(r, 'message').find(
    (e) => e.message.to === 'alice:5000' && e.message.label === 'GET /nodes/resolve',
  );
  const last = r.events.at(-1);
  const bob = resolvesBy(r, 'bob')[0];
  const bobAsked = eventsOf(r, 'message').find(
    (e) => e.message.to === 'bob:5000' && e.message.label === 'GET /nodes/resolve',
  );
  return {
    offline: 'carol',
    aliceFinished: resolvesBy(r, 'alice').length > 0,
    aliceWaitedAtLeast: asked && last ? Math.floor(last.at - asked.at) : 0,
    bobFinished: bob !== undefined,
    bobCarol: bob?.lines.find((l) => l.peer.startsWith('carol'))?.code ?? null,
    bobTookSeconds: bob && bobAsked ? Math.round((bob.at - bobAsked.at) * 10) / 10 : null,
  };
}

/** #64–#89: why "resolve never replaces": no peers, self-registration, or chains of equal length. */
const equalLength: Scenario<ReturnType<typeof equalFacts>> = {
  summary: 'Three reasons resolve keeps a node’s chain: no peers, registering itself, and equal lengths.',
  setup: small(3, 11),
  params: { resolvePolicy: 'manual' },
  run(sim, _blocks, maxTime) {
    step(sim, { type: 'resolve', node: 'alice' });
    settle(sim);
    step(sim, { type: 'register', node: 'carol', urls: ['http://carol:5000'] });
    step(sim, { type: 'register-all' });
    settle(sim);
    step(sim, { type: 'mine', node: 'alice' });
    step(sim, { type: 'mine', node: 'bob' });
    const both = () => lengthOf(sim, 'alice') >= 2 && lengthOf(sim, 'bob') >= 2;
    must(sim.runUntil(both, maxTime), 'alice and bob mine a block each');
    step(sim, { type: 'resolve', node: 'alice' });
    settle(sim);
  },
  outcome: equalFacts,
};

function equalFacts(r: RunRecord) {
  const [lonely, equal] = resolvesBy(r, 'alice');
  const self = eventsOf(r, 'peers').find((e) => e.node === 'carol' && e.rejected.length > 0);
  const bobLine = equal?.lines.find((l) => l.peer.startsWith('bob'));
  return {
    noPeersNote: lonely?.note ?? null,
    selfRegisterCode: self?.rejected[0]?.error.code ?? null,
    equal: {
      ownLength: equal?.ownLength ?? 0,
      bobLength: bobLine?.length ?? null,
      verdict: bobLine?.verdict ?? null,
      message: equal?.message ?? null,
    },
  };
}

export const FLAWS = {
  'flaw-claimed-length': claimedLength,
  ...BLOCK_FLAWS,
  'flaw-no-timeout': noTimeout,
  'flaw-equal-length': equalLength,
};
