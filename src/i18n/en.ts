// English: the key source, with enViews.ts (the views' texts, loaded with the views). Every other language file
// has exactly the keys of both (test/i18n/keys.test.ts), and the
// types in i18next.d.ts make a t('…') with an unknown key a compile error. Plurals use i18next's suffixes
// (_one, _other; Intl.PluralRules picks one), numbers shown to people go through {{n, number}} so each language
// writes them its own way. Names, hashes, JSON and protocol text never go through here: they stay byte-exact.
import type { enViews } from './enViews';

export const en = {
  language: {
    label: 'Language',
  },
  units: {
    days: '{{n}} days',
    blocks_one: '{{count, number}} block',
    blocks_other: '{{count, number}} blocks',
  },
  controls: {
    label: 'Controls',
    clock: 'Clock',
    play: 'Play',
    pause: 'Pause',
    stepBack: 'Step back',
    stepBackTitle: 'Go back one input (a message, a command or a found proof)',
    step: 'Step',
    stepTitle: 'Run the next event only (a message or a found proof)',
    speed: 'Speed',
    simulatedTime: 'Simulated time',
    time: 't = {{time}}',
    actionsFor: 'Actions for {{name}}',
    mine: 'Mine',
    mineTitle: 'GET /mine: find a proof and forge one block',
    autoMine: 'Auto-mine',
    stopAutoMine: 'Stop auto-mine',
    resolve: 'Resolve',
    resolveTitle: 'GET /nodes/resolve: ask every peer for its chain and keep the longest valid one',
    onNode: 'on {{name}}',
    presenter: 'Presenter mode',
    networkTime: '(network time)',
    speedTitle:
      "Network time: messages and timers run this many times faster; miners always hash at this computer's real speed.",
    nothingToStep:
      'Nothing to step: no message, timer or found proof is waiting. Press Play so the miners can find the next block.',
  },
  timeline: {
    label: 'Time travel',
    slider: 'Timeline',
    valueText: 'moment {{moment, number}} of {{end, number}}, t = {{time}}',
    branch: 'Branch',
    branchOption: '{{n, number}}: from moment {{from, number}}, {{end, number}} moments, t = {{time}}',
    watching: 'Watching the recorded run.',
    showing:
      'Showing moment {{moment, number}} of {{end, number}}. Play continues from here as a new branch; the rest stays as a branch.',
    toEnd: 'Go to the end (t = {{time}})',
  },
  crash: {
    stopped: 'The simulation stopped: {{reason}}',
    undo: 'Undo last step',
    fresh: 'Start fresh',
  },
  panel: {
    failed: 'This panel could not be drawn: {{reason}}',
    retry: 'Try again',
  },
  saveShare: {
    title: 'Save and share',
    intro:
      'A link holds the settings, the seed and every input with its simulated time: your commands and each proof the miners found. Opening it replays them — no hashing — and checks it reaches this exact state; then mining goes on live.',
    autosaved: 'Autosaved at t = {{time}}.',
    copied_one: 'Link copied ({{count, number}} character).',
    copied_other: 'Link copied ({{count, number}} characters).',
    linkReady: 'Link ready: select it above and copy it.',
    exportedChain_one: "Exported {{name}}'s chain ({{count, number}} block) as GET /chain JSON.",
    exportedChain_other: "Exported {{name}}'s chain ({{count, number}} blocks) as GET /chain JSON.",
    exportedRun: 'Exported the whole run.',
    opened: 'Opened the run in {{file}}.',
    selectNode: 'Select a node to load the chain into.',
    loaded_one: '{{name}} now holds the {{count, number}} block of {{file}}.',
    loaded_other: '{{name}} now holds the {{count, number}} blocks of {{file}}.',
    otherDifficulty:
      'This network mines at {{here, number}}, so the other nodes refuse this chain until Settings say {{shown, number}}.',
    judgedAt: 'Its proofs were checked at difficulty {{shown, number}}, as its blocks show.',
    copy: 'Copy share link',
    exportChain: 'Export chain',
    exportChainOf: 'Export chain ({{name}})',
    exportRun: 'Export run',
    refused: 'A tutorial node (rule tutorial, 4 leading zeros) would refuse this chain:',
    anyway: 'Export anyway',
    cancel: 'Cancel',
    link: 'Share link',
    import: 'Import a chain (GET /chain JSON, into {{name}}) or a run file',
    selectedNode: 'the selected node',
    startedFresh: 'Started fresh: the autosave is cleared.',
    fresh: 'Start fresh',
    paused: 'Paused.',
    keptLabel: 'Kept-aside run',
    kept: 'A saved run this version could not open is kept aside.',
    downloadKept: 'Download the kept run',
    discard: 'Discard it',
    noStorage: 'Autosave is off: this browser gives the page no storage.',
  },
  views: {
    label: 'Views',
    network: 'Network & consensus',
    chain: 'Chain',
    lessons: 'Lessons',
    experiments: 'Experiments',
  },
  app: {
    tagline: 'a blockchain you can watch',
    skipToView: 'Skip to the {{view}} view',
    skipToTabs: 'Skip to the view tabs',
    // Names the buttons as they read (network.partition, network.heal in enViews.ts).
    hint: 'The nodes are mining. Try: press “Partition network”, let both sides mine, then “Heal network” — and watch the Consensus log explain which chain wins.',
    loading: 'Loading the {{view}} view…',
  },
  notices: {
    dismiss: 'Dismiss',
    restored: 'Restored your last run',
    keep: 'Keep it',
  },
};

export type Messages = typeof en & typeof enViews;
