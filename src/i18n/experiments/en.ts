// The Experiments panel's texts (English): each experiment's words by its CLI name, as src/experiments/ writes
// them for the command line — the panel translates at its edge by name and id (src/ui/experimentText.ts), and
// test/i18n/experimentTexts.test.ts checks that the two say the same. Column labels that are a single letter
// (n, α, q, z) read the same in every language and are not listed.
export const experimentsEn = {
  experimentText: {
    'stale-rate': {
      title: 'Stale blocks and propagation delay',
      summary:
        'n equal miners run the tutorial node in event mode on the engine; each block reaches the others exactly d after it was found (the relay policy carries it). Stale: the fraction of mined blocks off the final chain — engine against the fixed-delay formula, whose n → ∞ limit (d/T)/(1 + d/T) is the bound of Sompolinsky & Zohar (2015); to first order it is the fork rate d/T of Decker & Wattenhofer (2013). First-found wins: at heights where two blocks raced, how often the earlier one stayed — engine against a reference model of the same network written apart from it (no closed form exists); this one sees how ties are broken.',
      trialUnit: 'engine runs per delay',
      fields: {
        miners: 'Miners',
        blocks: 'Blocks per run',
      },
      lists: {
        delay: 'Delays d/T',
      },
      columns: {
        metric: 'figure',
        delayOverInterval: 'd/T',
        simulated: 'engine',
        se: '± SE',
        theory: 'theory',
        deviation: '|Δ|/SE',
        source: 'theory from',
      },
      cells: {
        metric: {
          stale: 'stale',
          'first-found wins': 'first-found wins',
        },
        source: {
          'fixed-delay formula': 'fixed-delay formula',
          'reference model': 'reference model',
        },
      },
      said: {
        run: 'd/T = {{d}}, run {{run}} of {{trials}}',
        reference: 'd/T = {{d}}: the reference model',
      },
    },
    'selfish-mining': {
      title: 'Selfish mining',
      summary:
        'One node of the engine (event mode: honest tutorial nodes, the bus, the relay, the tutorial’s fork choice) withholds its blocks as Eyal & Sirer’s pool does (2014, Algorithm 1). γ is not an input: it is measured, as the share of honest blocks found during a tie that build on the pool’s block, and it depends on who hears which block first — a pool closer to everyone than they are to each other (pool latency below half the honest latency) reaches about 1 − 1/n of them first, a slow one none. Engine: the pool’s share of the final chain. Formula: the paper’s R(α, γ) at the measured γ. Above α > (1 − γ)/(3 − 2γ) the pool earns more than α.',
      trialUnit: 'engine runs per row',
      fields: {
        honest: 'Honest nodes',
        blocks: 'Blocks per run',
        interval: 'Block interval (s)',
        'honest-latency': 'Honest latency (s)',
      },
      lists: {
        alpha: 'Pool shares α',
        'pool-latency': 'Pool latencies (s)',
      },
      columns: {
        poolLatency: 'pool latency',
        gammaMeasured: 'γ measured',
        revenue: 'engine',
        se: '± SE',
        theory: 'R(α, γ)',
        deviation: '|Δ|/SE',
        threshold: 'threshold',
      },
      said: {
        run: 'pool latency {{latency}} s, α = {{alpha}}, run {{run}} of {{trials}}',
      },
      notes: {
        profitable: 'Profitable when α > (1 − γ)/(3 − 2γ) at the measured γ (the threshold column).',
      },
    },
    'double-spend': {
      title: 'Double spend',
      summary:
        'An attacker node with hash share q pays a merchant node, mines a private branch from the block before the payment, and publishes it once the merchant has z confirmations and the branch is at least as long. Engine (event mode, the tutorial’s fork choice): the share of attacks after which every honest node holds the attacker’s branch. Formula: the exact probability of that race (Rosenfeld 2014 with the engine’s rule): "strictly-longer" — the tutorial adopts only a longer chain — or "catch-up", where a block mined before paying makes drawing level enough (Rosenfeld’s figure; Nakamoto’s §11 approximates it). The attacker gives up k blocks behind, (q/p)^k ≤ 10⁻⁴, and the formula counts that. The formula assumes blocks travel at once: with an honest latency (the attacker is well connected), honest forks waste honest work and the engine shows the attacker doing better — and --check then fails, as it should: the formula no longer holds.',
      trialUnit: 'attacks per row',
      fields: {
        honest: 'Honest miners',
        interval: 'Block interval (s)',
        latency: 'Honest latency (s)',
      },
      lists: {
        q: 'Attacker shares q',
        z: 'Confirmations z',
      },
      columns: {
        rule: 'rule',
        successRate: 'engine',
        se: '± SE',
        theory: 'formula',
        deviation: '|Δ|/SE',
        nakamoto: 'Nakamoto §11',
      },
      cells: {
        rule: {
          'strictly-longer': 'strictly-longer',
          'catch-up': 'catch-up',
        },
      },
      said: {
        row: '{{rule}}, q = {{q}}, z = {{z}}',
      },
    },
    retarget: {
      title: 'Difficulty retargeting',
      summary:
        'The engine in event mode, one miner, the header rule, its chain starting on target; once the chain has `blocks before the step` blocks the hash rate jumps ×k or ÷k. Bitcoin’s rule (a new target every window, clamped ×4, window − 1 intervals timed), LWMA-1 (zawy12, with its 0.99) and ASERT (aserti3-2d) retarget it as part of the chain’s validity. From each run’s own chain: the mean interval before the step, and the blocks until the mean expected block time is back within ±10 % of the target for good, with the overshoot and the steady state after. Theory: Bitcoin’s exact first periods and its mean-field response; ASERT’s mean-field schedule and its exponential response. LWMA-1 has no closed form: its rows are shown, not checked.',
      trialUnit: 'engine runs per rule and step',
      fields: {
        step: 'Hash-rate step k',
        stepAt: 'Blocks before the step',
        after: 'Blocks after the step',
        bitcoinWindow: 'Bitcoin window (blocks)',
        lwmaWindow: 'LWMA window (blocks)',
        asertHalfLife: 'ASERT half-life (blocks)',
      },
      columns: {
        rule: 'rule',
        step: 'step',
        figure: 'figure',
        simulated: 'engine',
        se: '± SE',
        theory: 'theory',
        deviation: '|Δ|/SE',
        overshoot: 'overshoot',
        overshootSe: '± SE',
        timeOff: 'time off (T)',
        steadyMean: 'steady mean',
      },
      cells: {
        rule: {
          bitcoin: 'bitcoin',
          lwma: 'lwma',
          asert: 'asert',
        },
        figure: {
          before: 'before',
          settle: 'settle',
        },
      },
      said: {
        run: '{{rule}}, hash rate {{step}}, run {{run}} of {{trials}}',
        ruleBitcoin: 'Bitcoin ({{window}}-block window)',
        ruleLwma: 'LWMA-1 ({{window}} blocks)',
        ruleAsert: 'ASERT (half-life {{halfLife}} blocks)',
      },
      notes: {
        figures:
          'before: mean interval of the blocks before the step / T. settle: blocks after the step until the mean expected block time stays within ±10 % of T (SE: bootstrap over runs). LWMA-1 has no theory (not checked).',
      },
    },
  },
  experimentWords: {
    seed: 'The seed must be a whole number from 0 to 4294967295.',
    trials: 'Trials ({{unit}}) must be a whole number from {{min}} to {{max}}.',
    field: '{{label}} must be a number from {{min}} to {{max}}.',
    fieldWhole: '{{label}} must be a whole number from {{min}} to {{max}}.',
    list: '{{label}} must be 1 to {{items}} numbers from {{min}} to {{max}}, separated by commas.',
    listWhole: '{{label}} must be 1 to {{items}} whole numbers from {{min}} to {{max}}, separated by commas.',
    nakamoto: 'Nakamoto §11 q = {{q}}',
    chartsScroll: 'Charts, scrollable',
    loadingCharts: 'Loading charts…',
    loadingExperiments: 'Loading experiments…',
  },
  experiments: {
    title: 'Experiments',
    intro:
      "Known results of blockchain theory, run on the simulation engine — the classroom's nodes, network and fork choice, in event mode — and drawn over the published formulas. Each description says which figure comes from the engine and which from a formula or a reference model.",
    sourceStale:
      'Stale blocks: engine runs against the fixed-delay formula; first-found wins: engine against a reference model of the same network.',
    sourceSelfish:
      "Selfish mining: the pool is a node of the engine and γ is measured there; R(α, γ) is Eyal & Sirer's formula at that γ.",
    sourceDouble:
      "Double spend: attacker, merchant and honest nodes run on the engine; the success rate beside it is the exact formula for the race the engine's fork choice runs.",
    sourceRetarget:
      "Retargeting: block times from the engine's own chains; the mean-field theory is a formula, where one exists.",
    experiment: 'Experiment',
    trials: 'Trials',
    commas: 'separated by commas',
    /** Where the decimal sign is a comma (src/ui/numberList.ts). */
    semicolons: 'separated by semicolons',
    seed: 'Seed',
    run: 'Run',
    cancel: 'Cancel',
    progress: 'Experiment progress',
    starting: 'Starting…',
    done: 'Done in {{time}}',
    cancelled: 'Cancelled; the last finished result stays below.',
    agree:
      '<b>{{within}} of {{checked}}</b> simulated points lie within 3 standard errors of theory (for few trials, the t-quantile with the same tail). Error bars: ± 2 standard errors.',
    agreeOutside:
      '<b>{{within}} of {{checked}}</b> simulated points lie within 3 standard errors of theory (for few trials, the t-quantile with the same tail); the rows outside are marked in the table. Error bars: ± 2 standard errors.',
    caption: '{{title}}: simulated beside theory',
  },
  expCharts: {
    within: '{{ok}} of {{n}} simulated points lie within 3 standard errors of theory.',
    staleTitle: 'Stale blocks, {{n}} miners',
    delayAxis: 'propagation delay / mean block interval (d/T)',
    staleAxis: 'fraction of blocks stale',
    fixedDelay: 'theory (fixed delay)',
    firstOrder: 'first order d/T·(n−1)/n',
    engine: 'engine (event mode)',
    racesTitle: 'Races won by the block found first, {{n}} miners',
    racesAxis: 'share of races the first-found block won',
    reference: 'reference model (same network, written apart)',
    selfishTitle: 'Selfish pool’s share of the final chain',
    alphaAxis: 'pool hash share α',
    revenueAxis: 'relative revenue',
    selfishTheory: 'R(α, γ = {{gamma}} measured), pool latency {{latency}} s',
    honest: 'honest mining (α)',
    selfishEngine: 'engine, pool latency {{latency}} s',
    attackTitle: 'Attacker success against confirmations ({{rule}})',
    confirmationsAxis: 'confirmations z',
    attackAxis: 'probability the attack succeeds',
    formula: 'formula q = {{q}}',
    engineQ: 'engine q = {{q}}',
    rateTitle: 'Hash rate {{step}}',
    sinceStepAxis: 'blocks since the hash-rate step',
    meanOverTarget: 'mean block time / target',
    backWithin: '{{rule}} is back within ±10 % after {{n}} blocks',
  },
};
