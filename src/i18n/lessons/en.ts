// What a lesson's reveal says after a run, sentence by sentence (src/lessons/texts.ts and flawTexts.ts pick the
// sentences and fill in the run's facts). This English is the only copy: the command line prints it through
// src/lessons/said.ts, the page translates it by key (src/ui/lessonText.ts). Values in {{…}}: people's names
// ("Alice"), numbers, hashes and protocol data (codes such as E_PREV_HASH, transactions as "bob → alice: 5", the
// tutorial's own messages), which stay as they are in every language.
export const lessonsEn = {
  lessonReveal: {
    common: {
      yes: 'yes',
      no: 'no',
      blocks_one: '{{count, number}} block',
      blocks_other: '{{count, number}} blocks',
      confirmations_one: '{{count, number}} confirmation',
      confirmations_other: '{{count, number}} confirmations',
    },
    'first-block': {
      warmUp: 'Warm-up: y = {{y}} is the first y with sha256(str({{x}} × y)) ending in 0 ({{hash}}).',
      block_one:
        'Block {{index}}: proof {{proof}} after {{count, number}} attempt (about {{expected, number}} expected at {{difficulty, number}} leading zeros), {{seconds, number}} s of simulated hashing.',
      block_other:
        'Block {{index}}: proof {{proof}} after {{count, number}} attempts (about {{expected, number}} expected at {{difficulty, number}} leading zeros), {{seconds, number}} s of simulated hashing.',
      transactions:
        'Its transactions, in order: {{transactions}}. /mine appends the reward last, so the miner is paid in the very block it forges.',
      noBlock: 'No block was mined.',
    },
    'two-miners-race': {
      fork: 'Fork: {{blocks}}.',
      forkBlock: "{{name}}'s block 2 is {{hash}}",
      ties: "Both resolved at equal length: {{answers}} — an equal chain never replaces (the tutorial's issue tracker, issues #64–#89).",
      tie: '{{name}} said "{{message}}"',
      winner_one:
        '{{winner}} found block 3 first; {{loser}} resolved, adopted it and abandoned {{count, number}} block.',
      winner_other:
        '{{winner}} found block 3 first; {{loser}} resolved, adopted it and abandoned {{count, number}} blocks.',
      noWinner: 'Nobody adopted the other chain in this run.',
      returned_one:
        'Back to {{loser}}\'s pending list: {{transactions}}. It will be mined again. (With the bug-lab switch "Pending transactions not reconciled", flaw #23, it would be lost.)',
      returned_other:
        'Back to {{loser}}\'s pending list: {{transactions}}. They will be mined again. (With the bug-lab switch "Pending transactions not reconciled", flaw #23, they would be lost.)',
      noneReturned: 'No transaction went back to pending.',
    },
    'partition-heal': {
      split: 'Split: {{sides}}; they mined {{first, number}} and {{second, number}} blocks apart.',
      kept: '{{side}} kept their history: the longer chain when everyone resolved.',
      keptNeither: "Neither side's history won outright when everyone resolved.",
      noneLost: 'No block was lost.',
      lost_one: "Lost with {{side}}'s branch: {{count, number}} block ({{blocks}}).",
      lost_other: "Lost with {{side}}'s branch: {{count, number}} blocks ({{blocks}}).",
      lostBlock: "{{name}}'s block {{index}}",
      stale_one: '{{count, number}} more block went stale in a race inside a side.',
      stale_other: '{{count, number}} more blocks went stale in races inside a side.',
      returned_one: '{{count, number}} transaction went back to pending.',
      returned_other: '{{count, number}} transactions went back to pending.',
      converged: 'All nodes on one chain: yes.',
      notConverged: 'All nodes on one chain: no.',
    },
    'majority-attack': {
      secret_one:
        'During the secret mining Carol found {{count, number}} block, Alice and Bob {{honest, number}}.',
      secret_other:
        'During the secret mining Carol found {{count, number}} blocks, Alice and Bob {{honest, number}}.',
      replaced:
        "On reconnecting Alice adopted {{from}}'s longer chain, abandoning {{blocks}}: her payment had {{confirmations}} and is no longer on the chain.",
      kept: 'Alice kept her chain in this run.',
      payments:
        "Carol's self-payment is on the chain: {{doubleSpend}}. Alice's payment is pending again: {{pending}} — this simulator, like the tutorial, checks no balances; Bitcoin would now reject it as a conflict.",
      chance:
        'Chance an attacker ever catches up from z blocks behind (Bitcoin paper, §11): with {{share}}: z=1: {{q1}}, z=2: {{q2}}, z=6: {{q6}}; with 30 %: z=1: {{t1}}, z=2: {{t2}}, z=6: {{t6}}.',
    },
    tampering: {
      detected:
        "Alice edited block {{edited}}. When {{detector}} resolved, her chain failed at block {{failing}} with {{code}}: block {{failing}}'s previous_hash no longer matches the edited block's hash.",
      remined_one:
        "After re-mining, Carol found Alice's chain {{verdict}} with {{count, number}} block, but Bob's honest chain had {{honest, number}}: Carol adopted {{adopted}}'s.",
      remined_other:
        "After re-mining, Carol found Alice's chain {{verdict}} with {{count, number}} blocks, but Bob's honest chain had {{honest, number}}: Carol adopted {{adopted}}'s.",
      valid: 'valid',
      unseen: "After re-mining, Carol never asked for Alice's chain.",
      abandoned_one:
        'Alice then resolved and abandoned {{count, number}} block: the edit survives nowhere. To win, a forger must redo the work faster than everyone else (see the majority attack).',
      abandoned_other:
        'Alice then resolved and abandoned {{count, number}} blocks: the edit survives nowhere. To win, a forger must redo the work faster than everyone else (see the majority attack).',
    },
    difficulty: {
      level_one:
        'D = {{difficulty}}: {{count, number}} block, {{attempts, number}} attempts on average ({{expected, number}} expected), {{seconds, number}} s per block ({{expectedSeconds, number}} s expected at {{rate, number}} hashes/s).',
      level_other:
        'D = {{difficulty}}: {{count, number}} blocks, {{attempts, number}} attempts on average ({{expected, number}} expected), {{seconds, number}} s per block ({{expectedSeconds, number}} s expected at {{rate, number}} hashes/s).',
      slowdown:
        'Measured slowdown in this run: {{slowdown, number}}×. Each block is a lottery: a few blocks vary a lot around 16×.',
      noSlowdown: 'This run mined at only one difficulty, so there is no slowdown to measure.',
    },
    'flaw-claimed-length': {
      adopted_one:
        "Carol claimed {{claimed, number}} blocks and sent {{real, number}}. Alice ({{own}}) compared the claim, found Carol's chain valid and adopted it from {{from}}: {{count, number}} block thrown away.",
      adopted_other:
        "Carol claimed {{claimed, number}} blocks and sent {{real, number}}. Alice ({{own}}) compared the claim, found Carol's chain valid and adopted it from {{from}}: {{count, number}} blocks thrown away.",
      notAdopted:
        'Carol claimed {{claimed, number}} blocks and sent {{real, number}}. Alice ({{own}}) adopted no other chain.',
      off: 'With the switch off, Bob counted the blocks himself: Carol\'s chain was "{{verdict}}" and he adopted {{from}}\'s.',
      offKept:
        'With the switch off, Bob counted the blocks himself: Carol\'s chain was "{{verdict}}" and he adopted nothing.',
    },
    'flaw-copied-proof': {
      copied_one:
        'Alice needed {{source, number}} attempts for proof {{proof}}. Bob forged his block with proof {{copied}} after {{count, number}} attempt, and it paid him the reward: {{paid}}.',
      copied_other:
        'Alice needed {{source, number}} attempts for proof {{proof}}. Bob forged his block with proof {{copied}} after {{count, number}} attempts, and it paid him the reward: {{paid}}.',
      notCopied: 'Alice needed {{source, number}} attempts for proof {{proof}}. Bob forged no block with it.',
      header:
        'Under the header rule the copy was refused: {{refused}} ({{code}}) — the header binds the transactions and the miner.',
      headerNoCode:
        'Under the header rule the copy was refused: {{refused}} (no code) — the header binds the transactions and the miner.',
    },
    'flaw-greedy-reward': {
      tutorial_one: "Alice adopted {{from}}'s chain: on her chain Carol now holds {{count, number}} coin.",
      tutorial_other: "Alice adopted {{from}}'s chain: on her chain Carol now holds {{count, number}} coins.",
      tutorialKept_one: 'Alice adopted nothing: on her chain Carol holds {{count, number}} coin.',
      tutorialKept_other: 'Alice adopted nothing: on her chain Carol holds {{count, number}} coins.',
      strict: "With strict validation Bob adopted {{from}}'s chain: block {{block}} failed with {{code}}.",
      strictKept: 'With strict validation Bob adopted nothing: block {{block}} failed with {{code}}.',
    },
    'flaw-mempool': {
      swap_one:
        "Bob adopted {{from}}'s chain and abandoned {{blocks}}; {{count, number}} transaction went back to pending.",
      swap_other:
        "Bob adopted {{from}}'s chain and abandoned {{blocks}}; {{count, number}} transactions went back to pending.",
      noSwap: 'Bob adopted no other chain.',
      lost_one: "{{tx}}: on Bob's chain {{count, number}} time, pending: {{pending}} — lost.",
      lost_other: "{{tx}}: on Bob's chain {{count, number}} times, pending: {{pending}} — lost.",
      doubled_one: "{{tx}}: on Bob's chain {{count, number}} time — paid once.",
      doubled_other: "{{tx}}: on Bob's chain {{count, number}} times — paid twice.",
    },
    'flaw-no-timeout': {
      alice:
        "Alice's resolve finished: {{finished}}, after waiting at least {{seconds, number}} s for {{offline}}. Nothing else stopped: the other nodes and this page kept running.",
      bob: "With the timeout on, Bob's resolve finished: {{finished}}, in {{seconds, number}} s, marking {{offline}} as {{code}}.",
      bobWaiting: "With the timeout on, Bob's resolve finished: {{finished}}.",
    },
    'flaw-equal-length': {
      noPeers: 'No peers: {{note}}',
      hadPeers: 'No peers: Alice had peers.',
      self: 'Carol registering herself was refused with {{code}}.',
      equal:
        'Equal lengths: Alice {{own, number}}, Bob {{bob, number}} — verdict "{{verdict}}", "{{message}}". Only a strictly longer chain replaces.',
    },
  },
};
