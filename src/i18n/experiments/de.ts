// The Experiments panel's texts in German (the English, and why it is keyed this way: ./en.ts).
import type { experimentsEn } from './en';

export const experimentsDe: typeof experimentsEn = {
  experimentText: {
    'stale-rate': {
      title: 'Verwaiste Blöcke und Ausbreitungsverzögerung',
      summary:
        'n gleich starke Miner betreiben den Tutorial-Knoten im Ereignismodus auf der Engine; jeder Block erreicht die anderen genau d, nachdem er gefunden wurde (die Weiterleitung trägt ihn). Verwaist: der Anteil geminter Blöcke außerhalb der endgültigen Kette — Engine gegen die Formel mit fester Verzögerung, deren Grenzwert für n → ∞, (d/T)/(1 + d/T), die Schranke von Sompolinsky & Zohar (2015) ist; in erster Ordnung ist sie die Fork-Rate d/T von Decker & Wattenhofer (2013). Der zuerst Gefundene gewinnt: auf Höhen, auf denen zwei Blöcke ein Rennen liefen, wie oft der frühere blieb — Engine gegen ein getrennt von ihr geschriebenes Referenzmodell desselben Netzwerks (eine geschlossene Form gibt es nicht); diese Zahl sieht, wie Gleichstände aufgelöst werden.',
      trialUnit: 'Engine-Läufe je Verzögerung',
      fields: {
        miners: 'Miner',
        blocks: 'Blöcke je Lauf',
      },
      lists: {
        delay: 'Verzögerungen d/T',
      },
      columns: {
        metric: 'Größe',
        delayOverInterval: 'd/T',
        simulated: 'Engine',
        se: '± SF',
        theory: 'Theorie',
        deviation: '|Δ|/SF',
        source: 'Theorie aus',
      },
      cells: {
        metric: {
          stale: 'verwaist',
          'first-found wins': 'zuerst Gefundener gewinnt',
        },
        source: {
          'fixed-delay formula': 'Formel mit fester Verzögerung',
          'reference model': 'Referenzmodell',
        },
      },
      said: {
        run: 'd/T = {{d}}, Lauf {{run}} von {{trials}}',
        reference: 'd/T = {{d}}: das Referenzmodell',
      },
    },
    'selfish-mining': {
      title: 'Egoistisches Mining',
      summary:
        'Ein Knoten der Engine (Ereignismodus: ehrliche Tutorial-Knoten, der Bus, die Weiterleitung, die Fork-Wahl des Tutorials) hält seine Blöcke zurück, wie es der Pool von Eyal & Sirer tut (2014, Algorithmus 1). γ ist keine Eingabe: Es wird gemessen, als Anteil der während eines Gleichstands gefundenen ehrlichen Blöcke, die auf dem Block des Pools aufbauen, und hängt davon ab, wer welchen Block zuerst hört — ein Pool, der allen näher ist als sie einander (Pool-Latenz unter der halben ehrlichen Latenz), erreicht etwa 1 − 1/n von ihnen zuerst, ein langsamer keinen. Engine: der Anteil des Pools an der endgültigen Kette. Formel: das R(α, γ) des Artikels beim gemessenen γ. Oberhalb von α > (1 − γ)/(3 − 2γ) verdient der Pool mehr als α.',
      trialUnit: 'Engine-Läufe je Zeile',
      fields: {
        honest: 'Ehrliche Knoten',
        blocks: 'Blöcke je Lauf',
        interval: 'Blockabstand (s)',
        'honest-latency': 'Ehrliche Latenz (s)',
      },
      lists: {
        alpha: 'Pool-Anteile α',
        'pool-latency': 'Pool-Latenzen (s)',
      },
      columns: {
        poolLatency: 'Pool-Latenz',
        gammaMeasured: 'γ gemessen',
        revenue: 'Engine',
        se: '± SF',
        theory: 'R(α, γ)',
        deviation: '|Δ|/SF',
        threshold: 'Schwelle',
      },
      said: {
        run: 'Pool-Latenz {{latency}} s, α = {{alpha}}, Lauf {{run}} von {{trials}}',
      },
      notes: {
        profitable: 'Lohnend, wenn α > (1 − γ)/(3 − 2γ) beim gemessenen γ (die Spalte „Schwelle“).',
      },
    },
    'double-spend': {
      title: 'Doppelausgabe',
      summary:
        'Ein Angreiferknoten mit Hash-Anteil q bezahlt einen Händlerknoten, mint einen privaten Zweig ab dem Block vor der Zahlung und veröffentlicht ihn, sobald der Händler z Bestätigungen hat und der Zweig mindestens genauso lang ist. Engine (Ereignismodus, die Fork-Wahl des Tutorials): der Anteil der Angriffe, nach denen jeder ehrliche Knoten den Zweig des Angreifers hält. Formel: die exakte Wahrscheinlichkeit dieses Rennens (Rosenfeld 2014 mit der Regel der Engine): „strikt länger“ — das Tutorial übernimmt nur eine längere Kette — oder „Aufholen“, wobei ein vor dem Bezahlen geminter Block das Gleichziehen genügen lässt (Rosenfelds Zahl; Nakamotos §11 nähert sie an). Der Angreifer gibt k Blöcke im Rückstand auf, (q/p)^k ≤ 10⁻⁴, und die Formel rechnet das mit. Die Formel nimmt an, dass Blöcke sofort ankommen: Mit einer ehrlichen Latenz (der Angreifer ist gut angebunden) verschwenden ehrliche Forks ehrliche Arbeit, und die Engine zeigt den Angreifer erfolgreicher — und --check schlägt dann fehl, wie es soll: Die Formel gilt nicht mehr.',
      trialUnit: 'Angriffe je Zeile',
      fields: {
        honest: 'Ehrliche Miner',
        interval: 'Blockabstand (s)',
        latency: 'Ehrliche Latenz (s)',
      },
      lists: {
        q: 'Angreifer-Anteile q',
        z: 'Bestätigungen z',
      },
      columns: {
        rule: 'Regel',
        successRate: 'Engine',
        se: '± SF',
        theory: 'Formel',
        deviation: '|Δ|/SF',
        nakamoto: 'Nakamoto §11',
      },
      cells: {
        rule: {
          'strictly-longer': 'strikt länger',
          'catch-up': 'Aufholen',
        },
      },
      said: {
        row: '{{rule}}, q = {{q}}, z = {{z}}',
      },
    },
    retarget: {
      title: 'Schwierigkeitsanpassung',
      summary:
        'Die Engine im Ereignismodus, ein Miner, die Header-Regel, ihre Kette startet auf dem Ziel; sobald die Kette „Blöcke vor dem Sprung“ Blöcke hat, springt die Hashrate ×k oder ÷k. Die Regel von Bitcoin (ein neues Ziel in jedem Fenster, begrenzt auf ×4, gemessen über Fenster − 1 Abstände), LWMA-1 (zawy12, mit seinem 0,99) und ASERT (aserti3-2d) passen sie als Teil der Gültigkeit der Kette an. Aus der eigenen Kette jedes Laufs: der mittlere Abstand vor dem Sprung und die Blöcke, bis die mittlere erwartete Blockzeit dauerhaft wieder innerhalb von ±10 % des Ziels liegt, dazu das Überschwingen und der eingeschwungene Zustand danach. Theorie: die exakten ersten Perioden von Bitcoin und seine Molekularfeld-Antwort; der Molekularfeld-Verlauf von ASERT und seine exponentielle Antwort. LWMA-1 hat keine geschlossene Form: Seine Zeilen werden gezeigt, nicht geprüft.',
      trialUnit: 'Engine-Läufe je Regel und Sprung',
      fields: {
        step: 'Hashrate-Sprung k',
        stepAt: 'Blöcke vor dem Sprung',
        after: 'Blöcke nach dem Sprung',
        bitcoinWindow: 'Bitcoin-Fenster (Blöcke)',
        lwmaWindow: 'LWMA-Fenster (Blöcke)',
        asertHalfLife: 'ASERT-Halbwertszeit (Blöcke)',
      },
      columns: {
        rule: 'Regel',
        step: 'Sprung',
        figure: 'Größe',
        simulated: 'Engine',
        se: '± SF',
        theory: 'Theorie',
        deviation: '|Δ|/SF',
        overshoot: 'Überschwingen',
        overshootSe: '± SF',
        timeOff: 'Zeit neben dem Ziel (T)',
        steadyMean: 'stationäres Mittel',
      },
      cells: {
        rule: {
          bitcoin: 'bitcoin',
          lwma: 'lwma',
          asert: 'asert',
        },
        figure: {
          before: 'vorher',
          settle: 'Einschwingen',
        },
      },
      said: {
        run: '{{rule}}, Hashrate {{step}}, Lauf {{run}} von {{trials}}',
        ruleBitcoin: 'Bitcoin (Fenster von {{window}} Blöcken)',
        ruleLwma: 'LWMA-1 ({{window}} Blöcke)',
        ruleAsert: 'ASERT (Halbwertszeit {{halfLife}} Blöcke)',
      },
      notes: {
        figures:
          'vorher: mittlerer Abstand der Blöcke vor dem Sprung / T. Einschwingen: Blöcke nach dem Sprung, bis die mittlere erwartete Blockzeit innerhalb von ±10 % von T bleibt (SF: Bootstrap über die Läufe). LWMA-1 hat keine Theorie (nicht geprüft).',
      },
    },
  },
  experimentWords: {
    seed: 'Der Startwert muss eine ganze Zahl von 0 bis 4294967295 sein.',
    trials: 'Durchläufe ({{unit}}) müssen eine ganze Zahl von {{min}} bis {{max}} sein.',
    field: '{{label}} muss eine Zahl von {{min}} bis {{max}} sein.',
    fieldWhole: '{{label}} muss eine ganze Zahl von {{min}} bis {{max}} sein.',
    list: '{{label}}: 1 bis {{items}} Zahlen von {{min}} bis {{max}}, durch Semikolons getrennt.',
    listWhole: '{{label}}: 1 bis {{items}} ganze Zahlen von {{min}} bis {{max}}, durch Semikolons getrennt.',
    nakamoto: 'Nakamoto §11 q = {{q}}',
    chartsScroll: 'Diagramme, scrollbar',
    loadingCharts: 'Diagramme werden geladen…',
    loadingExperiments: 'Experimente werden geladen…',
  },
  experiments: {
    title: 'Experimente',
    intro:
      'Bekannte Ergebnisse der Blockchain-Theorie, ausgeführt auf der Simulations-Engine — den Knoten, dem Netzwerk und der Fork-Wahl des Klassenzimmers, im Ereignismodus — und über die veröffentlichten Formeln gezeichnet. Jede Beschreibung sagt, welche Zahl aus der Engine stammt und welche aus einer Formel oder einem Referenzmodell.',
    sourceStale:
      'Verwaiste Blöcke: Engine-Läufe gegen die Formel mit fester Verzögerung; der zuerst Gefundene gewinnt: Engine gegen ein Referenzmodell desselben Netzwerks.',
    sourceSelfish:
      'Egoistisches Mining: Der Pool ist ein Knoten der Engine, und γ wird dort gemessen; R(α, γ) ist die Formel von Eyal & Sirer bei diesem γ.',
    sourceDouble:
      'Doppelausgabe: Angreifer, Händler und ehrliche Knoten laufen auf der Engine; die Erfolgsrate daneben ist die exakte Formel für das Rennen, das die Fork-Wahl der Engine austrägt.',
    sourceRetarget:
      'Anpassung: Blockzeiten aus den eigenen Ketten der Engine; die Molekularfeldtheorie ist eine Formel, wo es eine gibt.',
    experiment: 'Experiment',
    trials: 'Durchläufe',
    commas: 'durch Kommas getrennt',
    semicolons: 'durch Semikolons getrennt',
    seed: 'Startwert',
    run: 'Ausführen',
    cancel: 'Abbrechen',
    progress: 'Fortschritt des Experiments',
    starting: 'Starte…',
    done: 'Fertig in {{time}}',
    cancelled: 'Abgebrochen; das letzte fertige Ergebnis bleibt unten stehen.',
    agree:
      '<b>{{within}} von {{checked}}</b> simulierten Punkten liegen innerhalb von 3 Standardfehlern der Theorie (bei wenigen Durchläufen das t-Quantil mit demselben Rand). Fehlerbalken: ± 2 Standardfehler.',
    agreeOutside:
      '<b>{{within}} von {{checked}}</b> simulierten Punkten liegen innerhalb von 3 Standardfehlern der Theorie (bei wenigen Durchläufen das t-Quantil mit demselben Rand); die Zeilen außerhalb sind in der Tabelle markiert. Fehlerbalken: ± 2 Standardfehler.',
    caption: '{{title}}: Simulation neben der Theorie',
  },
  expCharts: {
    within: '{{ok}} von {{n}} simulierten Punkten liegen innerhalb von 3 Standardfehlern der Theorie.',
    staleTitle: 'Verwaiste Blöcke, {{n}} Miner',
    delayAxis: 'Ausbreitungsverzögerung / mittlerer Blockabstand (d/T)',
    staleAxis: 'Anteil verwaister Blöcke',
    fixedDelay: 'Theorie (feste Verzögerung)',
    firstOrder: 'erste Ordnung d/T·(n−1)/n',
    engine: 'Engine (Ereignismodus)',
    racesTitle: 'Vom zuerst gefundenen Block gewonnene Rennen, {{n}} Miner',
    racesAxis: 'Anteil der Rennen, die der zuerst gefundene Block gewann',
    reference: 'Referenzmodell (dasselbe Netzwerk, getrennt geschrieben)',
    selfishTitle: 'Anteil des egoistischen Pools an der endgültigen Kette',
    alphaAxis: 'Hash-Anteil des Pools α',
    revenueAxis: 'relativer Ertrag',
    selfishTheory: 'R(α, γ = {{gamma}} gemessen), Pool-Latenz {{latency}} s',
    honest: 'ehrliches Mining (α)',
    selfishEngine: 'Engine, Pool-Latenz {{latency}} s',
    attackTitle: 'Erfolg des Angreifers je Bestätigungen ({{rule}})',
    confirmationsAxis: 'Bestätigungen z',
    attackAxis: 'Wahrscheinlichkeit, dass der Angriff gelingt',
    formula: 'Formel q = {{q}}',
    engineQ: 'Engine q = {{q}}',
    rateTitle: 'Hashrate {{step}}',
    sinceStepAxis: 'Blöcke seit dem Hashrate-Sprung',
    meanOverTarget: 'mittlere Blockzeit / Ziel',
    backWithin: '{{rule}} ist nach {{n}} Blöcken wieder innerhalb von ±10 %',
  },
};
