// The Lessons view's texts (lessons, bug lab, each lesson's question and each flaw's note): the English, the key source for ./es.ts and ./de.ts (spread into ../enViews.ts).
export const lessonPanelEn = {
  lessons: {
    title: 'Lessons',
    lesson: 'Lesson',
    flaw: 'Flaw',
    flaws: 'The tutorial’s flaws, one at a time',
    running: 'Running this lesson',
    resetting: 'Resetting to this lesson',
    watch: 'What to watch:',
    predict: 'Predict:',
    run: 'Run',
    reset: 'Reset',
    predictFirst: 'Predict first, then run.',
    runHint:
      'Run replaces the network with this lesson’s, from its own seed, and plays it: every panel shows it happen. Drag the timeline to go back; the answer appears at the end.',
    playing: 'The lesson is playing…',
    skip: 'Skip to the end',
    reveal: 'Reveal',
    predicted: 'You predicted: <b>{{choice}}</b>.',
    agrees: 'The run agrees.',
    shows: 'The run shows: {{choice}}.',
  },
  bugLab: {
    title: 'Bug lab',
    intro:
      'The tutorial node’s known flaws, as switches. The tutorial proof rule is on by default because it is the rule being taught; the others are off unless you turn them on.',
    allOn: 'Tutorial-faithful: all flaws on',
    allOff: 'All flaws off',
    builtIn: 'built into “longest chain wins”',
    showing: 'Showing this flaw',
    showMe: 'Show me',
    showMeLabel: 'Show me: {{title}}',
    whatHappened: 'What happened: {{title}}',
    misbehave: 'Make {{name}} misbehave',
    greedy: 'Pay itself 1 000 per block',
    honest: 'Honest reward (1)',
    claim: 'Claim 1 000 blocks',
    truth: 'Tell the truth',
    copyFrom: 'Copy the latest proof of',
    copy: 'Copy proof',
  },
  lessonText: {
    'first-block': {
      title: 'The first block',
      watch:
        'One node, Alice. First the tutorial’s warm-up puzzle, then GET /mine: the proof search counts up from 0 and the block is forged with the pending payment and the reward.',
      question: 'Which transaction is the last one in block 2?',
      choices: {
        reward: 'The reward: sender "0" pays Alice 1 coin',
        payment: 'The payment Bob → Alice',
        none: 'Neither: miners are not paid in the tutorial',
      },
    },
    'two-miners-race': {
      title: 'Two miners race',
      watch:
        'Alice and Bob have equal hash power and each has a different payment pending. Both mine block 2 before hearing of the other: a fork. Then both resolve, and then the race for block 3.',
      question:
        'When the loser adopts the winner’s longer chain, what happens to the payment in its own block 2?',
      choices: {
        pending: 'It goes back to the loser’s pending transactions',
        lost: 'It is lost',
        kept: 'It stays on the chain next to the winner’s block',
      },
    },
    'partition-heal': {
      title: 'Partition and heal',
      watch:
        'Four nodes mine together, the network splits into two sides that mine apart, then it heals and everyone resolves.',
      question: 'After the heal, what happens to the blocks the losing side mined during the split?',
      choices: {
        abandoned: 'They are abandoned; the other side’s history wins',
        merged: 'Both histories are merged',
        split: 'The two sides keep different chains for good',
      },
    },
    'majority-attack': {
      title: 'Majority attack (double spend)',
      watch:
        'Carol has 70 % of the hash power. She pays Alice, then mines in secret on a chain where the same coins go to her own wallet. Alice waits for 2 confirmations, then Carol reconnects.',
      question: 'Would waiting for 6 confirmations instead of 2 have protected Alice?',
      choices: {
        no: 'No: with most of the hash power, Carol catches up from any lead',
        yes: 'Yes: 6 confirmations are always safe',
      },
    },
    tampering: {
      title: 'Tampering with an old block',
      watch:
        'Alice changes an amount in block 2 of her copy, watches the next link break, re-mines from block 2, and the peers resolve.',
      question: 'After Alice re-mines her edited chain, do the other nodes end up with her version?',
      choices: {
        'no-longer': 'No: the honest chain grew meanwhile and the longer chain wins',
        yes: 'Yes: every proof is valid again',
        'no-invalid': 'No: a re-mined chain is always invalid',
      },
    },
    difficulty: {
      title: 'Difficulty and block times',
      watch: 'One node mines blocks at difficulty D, then the difficulty goes up by one hex zero.',
      question: 'One more leading zero: how much longer does a block take on average?',
      choices: {
        '16x': 'About 16 times longer',
        '2x': 'About twice as long',
        '1.1x': 'A little longer: one more character to match',
      },
    },
    'flaw-claimed-length': {
      title: 'Flaw: trusting the claimed length (#50)',
      watch: 'Alice has 5 blocks. Carol has 2 but answers GET /chain with "length": 1000. Alice resolves.',
      question: 'What does Alice do with the tutorial’s resolve?',
      choices: {
        adopt: 'She adopts Carol’s 2-block chain',
        keep: 'She keeps her 5 blocks',
        reject: 'She rejects Carol’s chain as invalid',
      },
    },
    'flaw-copied-proof': {
      title: 'Flaw: copying a proof (#10, #81, #150)',
      watch:
        'Alice mines block 2. Bob takes her proof and forges his own block 2 with it. Later, under the header rule, he tries again.',
      question: 'Is Bob’s block with the copied proof valid under the tutorial’s rule?',
      choices: {
        valid: 'Yes, and Bob gets the reward without hashing',
        invalid: 'No, the proof belongs to Alice’s block',
      },
    },
    'flaw-greedy-reward': {
      title: 'Flaw: no check of the reward',
      watch:
        'Carol pays herself 1 000 coins per block. Alice resolves with tutorial validation, Bob with strict.',
      question: 'Does Alice accept Carol’s greedy chain?',
      choices: {
        accept: 'Yes: the tutorial checks only links and proofs',
        reject: 'No: the reward must be 1',
      },
    },
    'flaw-mempool': {
      title: 'Flaw: pending transactions after a swap (#23)',
      watch:
        'Bob mines a block with his payment; Alice mines two blocks holding another payment Bob also has pending. Bob resolves, then mines.',
      question: 'After the swap, what happens to Bob’s two payments?',
      choices: {
        'lost-doubled': 'One is lost, the other ends up on the chain twice',
        fine: 'Both end up on the chain once',
      },
    },
    'flaw-no-timeout': {
      title: 'Flaw: no timeout (#119)',
      watch:
        'Carol goes offline. Alice resolves and waits; after {{seconds, number}} s the timeout is switched on and Bob resolves.',
      question: 'What happens to Alice’s resolve?',
      choices: { hangs: 'It never finishes', skips: 'It skips Carol after a while' },
    },
    'flaw-equal-length': {
      title: 'Why resolve "never replaces" (#64–#89)',
      watch:
        'Alice resolves with no peers; Carol registers herself; then Alice and Bob mine one block each and Alice resolves.',
      question: 'Alice and Bob have 2 blocks each, different ones. What does Alice’s resolve do?',
      choices: { keep: 'Nothing: an equal chain does not replace hers', adopt: 'She adopts Bob’s chain' },
    },
  },
  flawNote: {
    'flaw-claimed-length': {
      title: 'Trusts the claimed length',
      paragraph:
        'resolve_conflicts reads the "length" field of each neighbour’s GET /chain answer and compares that number, instead of counting the blocks it received. A node that claims 1 000 blocks while sending 2 looks longest, its short chain is validated (and is valid), and the honest node throws its own longer history away. The fix is one line: use len(chain).',
    },
    'flaw-copied-proof': {
      title: 'Proof not bound to the block',
      paragraph:
        'The tutorial’s proof hashes only the previous proof and the previous hash, never the block’s own transactions or miner. Every miner on the same tip looks for the same number, and anyone who sees a proof can put it in a block of their own — with their own reward — without hashing at all. The header rule (Settings → Proof rule) hashes a header that binds the transactions and the miner, so a copied proof is useless.',
    },
    'flaw-greedy-reward': {
      title: 'No check of the reward',
      paragraph:
        'valid_chain checks that each block links to the one before and has a valid proof — nothing else. A node can write any reward into its blocks, say 1 000 coins instead of 1, and every tutorial node accepts the chain. Strict validation checks that each block has exactly one reward of 1, last (E_REWARD).',
    },
    'flaw-mempool': {
      title: 'Pending transactions not reconciled',
      paragraph:
        'When resolve replaces a node’s chain, the tutorial leaves its pending list as it was. Transactions of the blocks it abandoned are lost unless someone sends them again, and pending transactions the new chain already holds are mined a second time. A reconcile puts the first kind back and drops the second.',
    },
    'flaw-no-timeout': {
      title: 'No timeout for offline peers',
      paragraph:
        'resolve_conflicts calls requests.get on every neighbour with no timeout and no error handling. One neighbour that is offline or unreachable leaves resolve waiting forever (or crashes it), so the node never updates its chain. Here the wait is only a pending event, so the page stays responsive; with a timeout the peer is reported as E_TIMEOUT and skipped.',
    },
    'flaw-equal-length': {
      title: 'Equal-length chains never replace',
      paragraph:
        'Many readers report that resolve "never replaces". Usually the node has no registered peers, registered itself, or its neighbours’ chains are just as long: resolve_conflicts adopts only a strictly longer chain, so after a fork of equal length both nodes keep their own block until someone mines the next one. The consensus log says which case it was.',
    },
  },
};
