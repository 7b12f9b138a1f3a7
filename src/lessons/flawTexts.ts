// The tutorial's flaws in words (docs/protocol.md "Known flaws of the tutorial node"): one paragraph each for
// the bug lab, and the question and reveal of each flaw's scenario.
import type { FactsOf } from './scenarios';
import { HANG_SECONDS } from './flaws';
import { person, said, yesNo } from './said';
import type { LessonText } from './texts';

export type FlawPart =
  | 'flaw-claimed-length'
  | 'flaw-copied-proof'
  | 'flaw-greedy-reward'
  | 'flaw-mempool'
  | 'flaw-no-timeout'
  | 'flaw-equal-length';

export interface FlawNote {
  readonly title: string;
  /** Where the tutorial's issue tracker discusses it. */
  readonly issues: string;
  readonly paragraph: string;
}

export const FLAW_NOTES: { readonly [K in FlawPart]: FlawNote } = {
  'flaw-claimed-length': {
    title: 'Trusts the claimed length',
    issues: '#50',
    paragraph:
      'resolve_conflicts reads the "length" field of each neighbour’s GET /chain answer and compares that number, instead of counting the blocks it received. A node that claims 1 000 blocks while sending 2 looks longest, its short chain is validated (and is valid), and the honest node throws its own longer history away. The fix is one line: use len(chain).',
  },
  'flaw-copied-proof': {
    title: 'Proof not bound to the block',
    issues: '#10, #81, #150',
    paragraph:
      'The tutorial’s proof hashes only the previous proof and the previous hash, never the block’s own transactions or miner. Every miner on the same tip looks for the same number, and anyone who sees a proof can put it in a block of their own — with their own reward — without hashing at all. The header rule (Settings → Proof rule) hashes a header that binds the transactions and the miner, so a copied proof is useless.',
  },
  'flaw-greedy-reward': {
    title: 'No check of the reward',
    issues: 'valid_chain',
    paragraph:
      'valid_chain checks that each block links to the one before and has a valid proof — nothing else. A node can write any reward into its blocks, say 1 000 coins instead of 1, and every tutorial node accepts the chain. Strict validation checks that each block has exactly one reward of 1, last (E_REWARD).',
  },
  'flaw-mempool': {
    title: 'Pending transactions not reconciled',
    issues: '#23',
    paragraph:
      'When resolve replaces a node’s chain, the tutorial leaves its pending list as it was. Transactions of the blocks it abandoned are lost unless someone sends them again, and pending transactions the new chain already holds are mined a second time. A reconcile puts the first kind back and drops the second.',
  },
  'flaw-no-timeout': {
    title: 'No timeout for offline peers',
    issues: '#119',
    paragraph:
      'resolve_conflicts calls requests.get on every neighbour with no timeout and no error handling. One neighbour that is offline or unreachable leaves resolve waiting forever (or crashes it), so the node never updates its chain. Here the wait is only a pending event, so the page stays responsive; with a timeout the peer is reported as E_TIMEOUT and skipped.',
  },
  'flaw-equal-length': {
    title: 'Equal-length chains never replace',
    issues: '#64–#89',
    paragraph:
      'Many readers report that resolve "never replaces". Usually the node has no registered peers, registered itself, or its neighbours’ chains are just as long: resolve_conflicts adopts only a strictly longer chain, so after a fork of equal length both nodes keep their own block until someone mines the next one. The consensus log says which case it was.',
  },
};

export const FLAW_TEXTS: { readonly [K in FlawPart]: LessonText<FactsOf<K>> } = {
  'flaw-claimed-length': {
    title: 'Flaw: trusting the claimed length (#50)',
    watch: 'Alice has 5 blocks. Carol has 2 but answers GET /chain with "length": 1000. Alice resolves.',
    question: 'What does Alice do with the tutorial’s resolve?',
    choices: [
      { id: 'adopt', label: 'She adopts Carol’s 2-block chain' },
      { id: 'keep', label: 'She keeps her 5 blocks' },
      { id: 'reject', label: 'She rejects Carol’s chain as invalid' },
    ],
    reveal: (f) => ({
      answer: f.flawOn.adoptedFrom === f.liar ? 'adopt' : 'keep',
      lines: [
        f.flawOn.adoptedFrom
          ? said('flaw-claimed-length.adopted', {
              claimed: f.claimed,
              real: f.real,
              own: said('common.blocks', { count: f.flawOn.ownLength }),
              from: person(f.flawOn.adoptedFrom),
              count: f.droppedBlocks,
            })
          : said('flaw-claimed-length.notAdopted', {
              claimed: f.claimed,
              real: f.real,
              own: said('common.blocks', { count: f.flawOn.ownLength }),
            }),
        f.flawOff.adoptedFrom
          ? said('flaw-claimed-length.off', {
              verdict: f.flawOff.carol ?? '—',
              from: person(f.flawOff.adoptedFrom),
            })
          : said('flaw-claimed-length.offKept', { verdict: f.flawOff.carol ?? '—' }),
      ],
    }),
  },
  'flaw-copied-proof': {
    title: 'Flaw: copying a proof (#10, #81, #150)',
    watch:
      'Alice mines block 2. Bob takes her proof and forges his own block 2 with it. Later, under the header rule, he tries again.',
    question: 'Is Bob’s block with the copied proof valid under the tutorial’s rule?',
    choices: [
      { id: 'valid', label: 'Yes, and Bob gets the reward without hashing' },
      { id: 'invalid', label: 'No, the proof belongs to Alice’s block' },
    ],
    reveal: (f) => ({
      answer: f.tutorial.copiedProof !== null && f.tutorial.copierAttempts === 0 ? 'valid' : 'invalid',
      lines: [
        f.tutorial.copiedProof !== null
          ? said('flaw-copied-proof.copied', {
              source: f.tutorial.sourceAttempts ?? 0,
              proof: String(f.tutorial.proof ?? '—'),
              copied: String(f.tutorial.copiedProof),
              count: f.tutorial.copierAttempts ?? 0,
              paid: yesNo(f.tutorial.copierPaid),
            })
          : said('flaw-copied-proof.notCopied', {
              source: f.tutorial.sourceAttempts ?? 0,
              proof: String(f.tutorial.proof ?? '—'),
            }),
        f.header.code
          ? said('flaw-copied-proof.header', { refused: yesNo(f.header.refused), code: f.header.code })
          : said('flaw-copied-proof.headerNoCode', { refused: yesNo(f.header.refused) }),
      ],
    }),
  },
  'flaw-greedy-reward': {
    title: 'Flaw: no check of the reward',
    watch:
      'Carol pays herself 1 000 coins per block. Alice resolves with tutorial validation, Bob with strict.',
    question: 'Does Alice accept Carol’s greedy chain?',
    choices: [
      { id: 'accept', label: 'Yes: the tutorial checks only links and proofs' },
      { id: 'reject', label: 'No: the reward must be 1' },
    ],
    reveal: (f) => ({
      answer: f.tutorialAdoptedFrom === f.greedy ? 'accept' : 'reject',
      lines: [
        f.tutorialAdoptedFrom
          ? said('flaw-greedy-reward.tutorial', {
              from: person(f.tutorialAdoptedFrom),
              count: Number(f.carolCoinsAtAlice),
            })
          : said('flaw-greedy-reward.tutorialKept', { count: Number(f.carolCoinsAtAlice) }),
        f.strictAdoptedFrom
          ? said('flaw-greedy-reward.strict', {
              from: person(f.strictAdoptedFrom),
              block: f.strictBlock ?? '—',
              code: f.strictCode ?? '—',
            })
          : said('flaw-greedy-reward.strictKept', { block: f.strictBlock ?? '—', code: f.strictCode ?? '—' }),
      ],
    }),
  },
  'flaw-mempool': {
    title: 'Flaw: pending transactions after a swap (#23)',
    watch:
      'Bob mines a block with his payment; Alice mines two blocks holding another payment Bob also has pending. Bob resolves, then mines.',
    question: 'After the swap, what happens to Bob’s two payments?',
    choices: [
      { id: 'lost-doubled', label: 'One is lost, the other ends up on the chain twice' },
      { id: 'fine', label: 'Both end up on the chain once' },
    ],
    reveal: (f) => ({
      answer: f.lostOnChain === 0 && !f.lostPending && f.doubledOnChain > 1 ? 'lost-doubled' : 'fine',
      lines: [
        f.swapped
          ? said('flaw-mempool.swap', {
              from: person(f.swapped.from),
              blocks: said('common.blocks', { count: f.swapped.droppedBlocks }),
              count: f.swapped.returned,
            })
          : said('flaw-mempool.noSwap'),
        said('flaw-mempool.lost', { tx: f.lost, count: f.lostOnChain, pending: yesNo(f.lostPending) }),
        said('flaw-mempool.doubled', { tx: f.doubled, count: f.doubledOnChain }),
      ],
    }),
  },
  'flaw-no-timeout': {
    title: 'Flaw: no timeout (#119)',
    watch: `Carol goes offline. Alice resolves and waits; after ${HANG_SECONDS} s the timeout is switched on and Bob resolves.`,
    question: 'What happens to Alice’s resolve?',
    choices: [
      { id: 'hangs', label: 'It never finishes' },
      { id: 'skips', label: 'It skips Carol after a while' },
    ],
    reveal: (f) => ({
      answer: f.aliceFinished ? 'skips' : 'hangs',
      lines: [
        said('flaw-no-timeout.alice', {
          finished: yesNo(f.aliceFinished),
          seconds: f.aliceWaitedAtLeast,
          offline: person(f.offline),
        }),
        f.bobTookSeconds === null
          ? said('flaw-no-timeout.bobWaiting', { finished: yesNo(f.bobFinished) })
          : said('flaw-no-timeout.bob', {
              finished: yesNo(f.bobFinished),
              seconds: f.bobTookSeconds,
              offline: person(f.offline),
              code: f.bobCarol ?? '—',
            }),
      ],
    }),
  },
  'flaw-equal-length': {
    title: 'Why resolve "never replaces" (#64–#89)',
    watch:
      'Alice resolves with no peers; Carol registers herself; then Alice and Bob mine one block each and Alice resolves.',
    question: 'Alice and Bob have 2 blocks each, different ones. What does Alice’s resolve do?',
    choices: [
      { id: 'keep', label: 'Nothing: an equal chain does not replace hers' },
      { id: 'adopt', label: 'She adopts Bob’s chain' },
    ],
    reveal: (f) => ({
      answer: f.equal.verdict === 'not-better' ? 'keep' : 'adopt',
      lines: [
        // The note is the consensus log's own sentence (src/sim/resolveLog.ts), shown as the log shows it.
        f.noPeersNote === null
          ? said('flaw-equal-length.hadPeers')
          : said('flaw-equal-length.noPeers', { note: f.noPeersNote }),
        said('flaw-equal-length.self', { code: f.selfRegisterCode ?? '—' }),
        said('flaw-equal-length.equal', {
          own: f.equal.ownLength,
          bob: f.equal.bobLength ?? 0,
          verdict: f.equal.verdict ?? '—',
          message: f.equal.message ?? '—',
        }),
      ],
    }),
  },
};
