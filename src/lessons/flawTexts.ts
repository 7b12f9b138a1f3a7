// The tutorial's flaws in words (docs/protocol.md "Known flaws of the tutorial node"): one paragraph each for
// the bug lab, and the question and reveal of each flaw's scenario.
import type { FactsOf } from './scenarios';
import { HANG_SECONDS } from './flaws';
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

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

export const FLAW_TEXTS: { readonly [K in FlawPart]: LessonText<FactsOf<K>> } = {
  'flaw-claimed-length': {
    title: 'Flaw: trusting the claimed length (#50)',
    watch: 'alice has 5 blocks. carol has 2 but answers GET /chain with "length": 1000. alice resolves.',
    question: 'What does alice do with the tutorial’s resolve?',
    choices: [
      { id: 'adopt', label: 'She adopts carol’s 2-block chain' },
      { id: 'keep', label: 'She keeps her 5 blocks' },
      { id: 'reject', label: 'She rejects carol’s chain as invalid' },
    ],
    reveal: (f) => ({
      answer: f.flawOn.adoptedFrom === f.liar ? 'adopt' : 'keep',
      lines: [
        `carol claimed ${f.claimed} blocks and sent ${f.real}. alice (${f.flawOn.ownLength} blocks) compared the claim, found carol's chain valid and adopted it from ${f.flawOn.adoptedFrom ?? 'nobody'}: ${f.droppedBlocks} blocks thrown away.`,
        `With the switch off, bob counted the blocks himself: carol's chain was "${f.flawOff.carol}" and he adopted ${f.flawOff.adoptedFrom ?? 'nothing'}.`,
      ],
    }),
  },
  'flaw-copied-proof': {
    title: 'Flaw: copying a proof (#10, #81, #150)',
    watch:
      'alice mines block 2. bob takes her proof and forges his own block 2 with it. Later, under the header rule, he tries again.',
    question: 'Is bob’s block with the copied proof valid under the tutorial’s rule?',
    choices: [
      { id: 'valid', label: 'Yes, and bob gets the reward without hashing' },
      { id: 'invalid', label: 'No, the proof belongs to alice’s block' },
    ],
    reveal: (f) => ({
      answer: f.tutorial.copiedProof !== null && f.tutorial.copierAttempts === 0 ? 'valid' : 'invalid',
      lines: [
        `alice needed ${f.tutorial.sourceAttempts} attempts for proof ${f.tutorial.proof}. bob forged his block with proof ${f.tutorial.copiedProof} after ${f.tutorial.copierAttempts} attempts, and it paid him the reward: ${yesNo(f.tutorial.copierPaid)}.`,
        `Under the header rule the copy was refused: ${yesNo(f.header.refused)} (${f.header.code ?? 'no code'}) — the header binds the transactions and the miner.`,
      ],
    }),
  },
  'flaw-greedy-reward': {
    title: 'Flaw: no check of the reward',
    watch:
      'carol pays herself 1 000 coins per block. alice resolves with tutorial validation, bob with strict.',
    question: 'Does alice accept carol’s greedy chain?',
    choices: [
      { id: 'accept', label: 'Yes: the tutorial checks only links and proofs' },
      { id: 'reject', label: 'No: the reward must be 1' },
    ],
    reveal: (f) => ({
      answer: f.tutorialAdoptedFrom === f.greedy ? 'accept' : 'reject',
      lines: [
        `alice adopted ${f.tutorialAdoptedFrom ?? 'nothing'}: on her chain carol now holds ${f.carolCoinsAtAlice} coins.`,
        `With strict validation bob adopted ${f.strictAdoptedFrom ?? 'nothing'}: block ${f.strictBlock} failed with ${f.strictCode}.`,
      ],
    }),
  },
  'flaw-mempool': {
    title: 'Flaw: pending transactions after a swap (#23)',
    watch:
      'bob mines a block with his payment; alice mines two blocks holding another payment bob also has pending. bob resolves, then mines.',
    question: 'After the swap, what happens to bob’s two payments?',
    choices: [
      { id: 'lost-doubled', label: 'One is lost, the other ends up on the chain twice' },
      { id: 'fine', label: 'Both end up on the chain once' },
    ],
    reveal: (f) => ({
      answer: f.lostOnChain === 0 && !f.lostPending && f.doubledOnChain > 1 ? 'lost-doubled' : 'fine',
      lines: [
        `bob adopted ${f.swapped?.from ?? 'nothing'}'s chain and abandoned ${f.swapped?.droppedBlocks ?? 0} block(s); ${f.swapped?.returned ?? 0} transaction(s) went back to pending.`,
        `${f.lost}: on bob's chain ${f.lostOnChain} time(s), pending: ${yesNo(f.lostPending)} — lost.`,
        `${f.doubled}: on bob's chain ${f.doubledOnChain} times — paid twice.`,
      ],
    }),
  },
  'flaw-no-timeout': {
    title: 'Flaw: no timeout (#119)',
    watch: `carol goes offline. alice resolves and waits; after ${HANG_SECONDS} s the timeout is switched on and bob resolves.`,
    question: 'What happens to alice’s resolve?',
    choices: [
      { id: 'hangs', label: 'It never finishes' },
      { id: 'skips', label: 'It skips carol after a while' },
    ],
    reveal: (f) => ({
      answer: f.aliceFinished ? 'skips' : 'hangs',
      lines: [
        `alice's resolve finished: ${yesNo(f.aliceFinished)}, after waiting at least ${f.aliceWaitedAtLeast} s for ${f.offline}. Nothing else stopped: the other nodes and this page kept running.`,
        `With the timeout on, bob's resolve finished: ${yesNo(f.bobFinished)}, in ${f.bobTookSeconds} s, marking ${f.offline} as ${f.bobCarol}.`,
      ],
    }),
  },
  'flaw-equal-length': {
    title: 'Why resolve "never replaces" (#64–#89)',
    watch:
      'alice resolves with no peers; carol registers herself; then alice and bob mine one block each and alice resolves.',
    question: 'alice and bob have 2 blocks each, different ones. What does alice’s resolve do?',
    choices: [
      { id: 'keep', label: 'Nothing: an equal chain does not replace hers' },
      { id: 'adopt', label: 'She adopts bob’s chain' },
    ],
    reveal: (f) => ({
      answer: f.equal.verdict === 'not-better' ? 'keep' : 'adopt',
      lines: [
        `No peers: ${f.noPeersNote ?? 'alice had peers'}`,
        `carol registering herself was refused with ${f.selfRegisterCode}.`,
        `Equal lengths: alice ${f.equal.ownLength}, bob ${f.equal.bobLength} — verdict "${f.equal.verdict}", "${f.equal.message}". Only a strictly longer chain replaces.`,
      ],
    }),
  },
};
