// German of src/i18n/lessons/en.ts: what a lesson's reveal says after a run. Names, hashes, codes, transactions
// and the tutorial's messages are values and stay as they are.
import type { lessonsEn } from './en';

export const lessonsDe: typeof lessonsEn = {
  lessonReveal: {
    common: {
      yes: 'ja',
      no: 'nein',
      blocks_one: '{{count, number}} Block',
      blocks_other: '{{count, number}} Blöcke',
      confirmations_one: '{{count, number}} Bestätigung',
      confirmations_other: '{{count, number}} Bestätigungen',
    },
    'first-block': {
      warmUp: 'Aufwärmen: y = {{y}} ist das erste y, für das sha256(str({{x}} × y)) auf 0 endet ({{hash}}).',
      block_one:
        'Block {{index}}: Beweis {{proof}} nach {{count, number}} Versuch (erwartet waren etwa {{expected, number}} bei {{difficulty, number}} führenden Nullen), {{seconds, number}} s simuliertes Hashen.',
      block_other:
        'Block {{index}}: Beweis {{proof}} nach {{count, number}} Versuchen (erwartet waren etwa {{expected, number}} bei {{difficulty, number}} führenden Nullen), {{seconds, number}} s simuliertes Hashen.',
      transactions:
        'Seine Transaktionen der Reihe nach: {{transactions}}. /mine hängt die Belohnung zuletzt an, also wird der Miner genau in dem Block bezahlt, den er schmiedet.',
      noBlock: 'Es wurde kein Block gemint.',
    },
    'two-miners-race': {
      fork: 'Gabelung: {{blocks}}.',
      forkBlock: 'Block 2 von {{name}} ist {{hash}}',
      ties: 'Beide glichen bei gleicher Länge ab: {{answers}} — eine gleich lange Kette ersetzt nie (Issue-Tracker des Tutorials, Issues #64–#89).',
      tie: '{{name}} antwortete "{{message}}"',
      winner_one:
        '{{winner}} fand Block 3 zuerst; {{loser}} glich ab, übernahm ihn und gab {{count, number}} Block auf.',
      winner_other:
        '{{winner}} fand Block 3 zuerst; {{loser}} glich ab, übernahm ihn und gab {{count, number}} Blöcke auf.',
      noWinner: 'In diesem Lauf hat niemand die andere Kette übernommen.',
      returned_one:
        'Zurück bei den ausstehenden Transaktionen von {{loser}}: {{transactions}}. Sie wird erneut gemint. (Mit dem Schalter "Ausstehende Transaktionen nicht abgeglichen" im Fehlerlabor, Schwachstelle #23, ginge sie verloren.)',
      returned_other:
        'Zurück bei den ausstehenden Transaktionen von {{loser}}: {{transactions}}. Sie werden erneut gemint. (Mit dem Schalter "Ausstehende Transaktionen nicht abgeglichen" im Fehlerlabor, Schwachstelle #23, gingen sie verloren.)',
      noneReturned: 'Keine Transaktion wurde wieder ausstehend.',
    },
    'partition-heal': {
      split: 'Teilung: {{sides}}; sie minten getrennt {{first, number}} und {{second, number}} Blöcke.',
      kept: 'Die Seite von {{side}} behielt ihre Geschichte: die längere Kette, als alle abglichen.',
      keptNeither: 'Als alle abglichen, setzte sich die Geschichte keiner Seite ganz durch.',
      noneLost: 'Kein Block ging verloren.',
      lost_one: 'Mit dem Zweig von {{side}} verloren: {{count, number}} Block ({{blocks}}).',
      lost_other: 'Mit dem Zweig von {{side}} verloren: {{count, number}} Blöcke ({{blocks}}).',
      lostBlock: 'Block {{index}} von {{name}}',
      stale_one: '{{count, number}} weiterer Block verwaiste in einem Wettlauf innerhalb einer Seite.',
      stale_other: '{{count, number}} weitere Blöcke verwaisten in Wettläufen innerhalb einer Seite.',
      returned_one: '{{count, number}} Transaktion wurde wieder ausstehend.',
      returned_other: '{{count, number}} Transaktionen wurden wieder ausstehend.',
      converged: 'Alle Knoten auf einer Kette: ja.',
      notConverged: 'Alle Knoten auf einer Kette: nein.',
    },
    'majority-attack': {
      secret_one:
        'Während des geheimen Minens fand Carol {{count, number}} Block, Alice und Bob {{honest, number}}.',
      secret_other:
        'Während des geheimen Minens fand Carol {{count, number}} Blöcke, Alice und Bob {{honest, number}}.',
      replaced:
        'Beim Wiederverbinden übernahm Alice die längere Kette von {{from}} und gab {{blocks}} auf: Ihre Zahlung hatte {{confirmations}} und steht nicht mehr in der Kette.',
      kept: 'In diesem Lauf behielt Alice ihre Kette.',
      payments:
        'Carols Zahlung an sich selbst steht in der Kette: {{doubleSpend}}. Die Zahlung an Alice ist wieder ausstehend: {{pending}} — dieser Simulator prüft wie das Tutorial keine Guthaben; Bitcoin würde sie jetzt als Konflikt ablehnen.',
      chance:
        'Wahrscheinlichkeit, dass ein Angreifer aus z Blöcken Rückstand jemals aufholt (Bitcoin-Paper, §11): mit {{share}}: z=1: {{q1}}, z=2: {{q2}}, z=6: {{q6}}; mit 30 %: z=1: {{t1}}, z=2: {{t2}}, z=6: {{t6}}.',
    },
    tampering: {
      detected:
        'Alice änderte Block {{edited}}. Als {{detector}} abglich, scheiterte ihre Kette an Block {{failing}} mit {{code}}: Der previous_hash von Block {{failing}} passt nicht mehr zum Hash des geänderten Blocks.',
      remined_one:
        'Nach dem erneuten Minen fand Carol die Kette von Alice {{verdict}}, mit {{count, number}} Block, aber Bobs ehrliche Kette hatte {{honest, number}}: Carol übernahm die von {{adopted}}.',
      remined_other:
        'Nach dem erneuten Minen fand Carol die Kette von Alice {{verdict}}, mit {{count, number}} Blöcken, aber Bobs ehrliche Kette hatte {{honest, number}}: Carol übernahm die von {{adopted}}.',
      valid: 'gültig',
      unseen: 'Nach dem erneuten Minen fragte Carol nie nach der Kette von Alice.',
      abandoned_one:
        'Dann glich Alice ab und gab {{count, number}} Block auf: Die Änderung überlebt nirgends. Um zu gewinnen, muss ein Fälscher die Arbeit schneller wiederholen als alle anderen (siehe den Mehrheitsangriff).',
      abandoned_other:
        'Dann glich Alice ab und gab {{count, number}} Blöcke auf: Die Änderung überlebt nirgends. Um zu gewinnen, muss ein Fälscher die Arbeit schneller wiederholen als alle anderen (siehe den Mehrheitsangriff).',
    },
    difficulty: {
      level_one:
        'D = {{difficulty}}: {{count, number}} Block, im Mittel {{attempts, number}} Versuche ({{expected, number}} erwartet), {{seconds, number}} s pro Block ({{expectedSeconds, number}} s erwartet bei {{rate, number}} Hashes/s).',
      level_other:
        'D = {{difficulty}}: {{count, number}} Blöcke, im Mittel {{attempts, number}} Versuche ({{expected, number}} erwartet), {{seconds, number}} s pro Block ({{expectedSeconds, number}} s erwartet bei {{rate, number}} Hashes/s).',
      slowdown:
        'Gemessene Verlangsamung in diesem Lauf: {{slowdown, number}}×. Jeder Block ist eine Lotterie: Bei wenigen Blöcken schwankt der Wert stark um 16×.',
      noSlowdown:
        'Dieser Lauf minte nur bei einer Schwierigkeit, also gibt es keine Verlangsamung zu messen.',
    },
    'flaw-claimed-length': {
      adopted_one:
        'Carol behauptete {{claimed, number}} Blöcke und schickte {{real, number}}. Alice ({{own}}) verglich die Behauptung, fand Carols Kette gültig und übernahm sie von {{from}}: {{count, number}} Block weggeworfen.',
      adopted_other:
        'Carol behauptete {{claimed, number}} Blöcke und schickte {{real, number}}. Alice ({{own}}) verglich die Behauptung, fand Carols Kette gültig und übernahm sie von {{from}}: {{count, number}} Blöcke weggeworfen.',
      notAdopted:
        'Carol behauptete {{claimed, number}} Blöcke und schickte {{real, number}}. Alice ({{own}}) übernahm keine andere Kette.',
      off: 'Mit ausgeschaltetem Schalter zählte Bob die Blöcke selbst: Carols Kette war "{{verdict}}", und er übernahm die von {{from}}.',
      offKept:
        'Mit ausgeschaltetem Schalter zählte Bob die Blöcke selbst: Carols Kette war "{{verdict}}", und er übernahm nichts.',
    },
    'flaw-copied-proof': {
      copied_one:
        'Alice brauchte {{source, number}} Versuche für den Beweis {{proof}}. Bob schmiedete seinen Block mit dem Beweis {{copied}} nach {{count, number}} Versuch, und der Block zahlte ihm die Belohnung: {{paid}}.',
      copied_other:
        'Alice brauchte {{source, number}} Versuche für den Beweis {{proof}}. Bob schmiedete seinen Block mit dem Beweis {{copied}} nach {{count, number}} Versuchen, und der Block zahlte ihm die Belohnung: {{paid}}.',
      notCopied:
        'Alice brauchte {{source, number}} Versuche für den Beweis {{proof}}. Bob schmiedete damit keinen Block.',
      header:
        'Unter der Header-Regel wurde die Kopie abgelehnt: {{refused}} ({{code}}) — der Header bindet die Transaktionen und den Miner.',
      headerNoCode:
        'Unter der Header-Regel wurde die Kopie abgelehnt: {{refused}} (ohne Code) — der Header bindet die Transaktionen und den Miner.',
    },
    'flaw-greedy-reward': {
      tutorial_one:
        'Alice übernahm die Kette von {{from}}: In ihrer Kette besitzt Carol jetzt {{count, number}} Münze.',
      tutorial_other:
        'Alice übernahm die Kette von {{from}}: In ihrer Kette besitzt Carol jetzt {{count, number}} Münzen.',
      tutorialKept_one: 'Alice übernahm nichts: In ihrer Kette besitzt Carol {{count, number}} Münze.',
      tutorialKept_other: 'Alice übernahm nichts: In ihrer Kette besitzt Carol {{count, number}} Münzen.',
      strict:
        'Mit strenger Validierung übernahm Bob die Kette von {{from}}: Block {{block}} scheiterte mit {{code}}.',
      strictKept: 'Mit strenger Validierung übernahm Bob nichts: Block {{block}} scheiterte mit {{code}}.',
    },
    'flaw-mempool': {
      swap_one:
        'Bob übernahm die Kette von {{from}} und gab {{blocks}} auf; {{count, number}} Transaktion wurde wieder ausstehend.',
      swap_other:
        'Bob übernahm die Kette von {{from}} und gab {{blocks}} auf; {{count, number}} Transaktionen wurden wieder ausstehend.',
      noSwap: 'Bob übernahm keine andere Kette.',
      lost_one: '{{tx}}: in Bobs Kette {{count, number}}-mal, ausstehend: {{pending}} — verloren.',
      lost_other: '{{tx}}: in Bobs Kette {{count, number}}-mal, ausstehend: {{pending}} — verloren.',
      doubled_one: '{{tx}}: in Bobs Kette {{count, number}}-mal — einmal bezahlt.',
      doubled_other: '{{tx}}: in Bobs Kette {{count, number}}-mal — doppelt bezahlt.',
    },
    'flaw-no-timeout': {
      alice:
        'Der Abgleich von Alice wurde fertig: {{finished}}, nach mindestens {{seconds, number}} s Warten auf {{offline}}. Sonst blieb nichts stehen: Die anderen Knoten und diese Seite liefen weiter.',
      bob: 'Mit eingeschaltetem Timeout wurde der Abgleich von Bob fertig: {{finished}}, in {{seconds, number}} s, und markierte {{offline}} als {{code}}.',
      bobWaiting: 'Mit eingeschaltetem Timeout wurde der Abgleich von Bob fertig: {{finished}}.',
    },
    'flaw-equal-length': {
      noPeers: 'Keine Peers: {{note}}',
      hadPeers: 'Keine Peers: Alice hatte Peers.',
      self: 'Carols Registrierung bei sich selbst wurde mit {{code}} abgelehnt.',
      equal:
        'Gleiche Längen: Alice {{own, number}}, Bob {{bob, number}} — Urteil "{{verdict}}", "{{message}}". Nur eine echt längere Kette ersetzt.',
    },
  },
};
