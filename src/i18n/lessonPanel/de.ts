// The Lessons view's texts (lessons, bug lab, each lesson's question and each flaw's note) in German (the keys of ./en.ts).
import type { lessonPanelEn } from './en';

export const lessonPanelDe: typeof lessonPanelEn = {
  lessons: {
    title: 'Lektionen',
    lesson: 'Lektion',
    flaw: 'Schwachstelle',
    flaws: 'Die Schwachstellen des Tutorials, eine nach der anderen',
    running: 'Diese Lektion auszuführen',
    resetting: 'Diese Lektion zurückzusetzen',
    watch: 'Worauf achten:',
    predict: 'Vorhersage:',
    run: 'Ausführen',
    reset: 'Zurücksetzen',
    predictFirst: 'Erst vorhersagen, dann ausführen.',
    runHint:
      'Ausführen ersetzt das Netzwerk durch das dieser Lektion, mit ihrem eigenen Startwert, und spielt es ab: Jedes Panel zeigt, was passiert. Ziehe die Zeitleiste, um zurückzugehen; die Antwort erscheint am Ende.',
    playing: 'Die Lektion läuft…',
    skip: 'Zum Ende springen',
    reveal: 'Auflösung',
    predicted: 'Deine Vorhersage: <b>{{choice}}</b>.',
    agrees: 'Der Lauf stimmt zu.',
    shows: 'Der Lauf zeigt: {{choice}}.',
  },
  bugLab: {
    title: 'Fehlerlabor',
    intro:
      'Die bekannten Schwachstellen des Tutorial-Knotens als Schalter. Die Beweisregel des Tutorials ist standardmäßig an, weil sie die gelehrte Regel ist; die anderen sind aus, bis du sie einschaltest.',
    allOn: 'Wie im Tutorial: alle Schwachstellen an',
    allOff: 'Alle Schwachstellen aus',
    builtIn: 'eingebaut in „die längste Kette gewinnt“',
    showing: 'Diese Schwachstelle zu zeigen',
    showMe: 'Zeig es mir',
    showMeLabel: 'Zeig es mir: {{title}}',
    whatHappened: 'Was passiert ist: {{title}}',
    misbehave: '{{name}} falsch spielen lassen',
    greedy: 'Sich 1 000 pro Block auszahlen',
    honest: 'Ehrliche Belohnung (1)',
    claim: '1 000 Blöcke behaupten',
    truth: 'Die Wahrheit sagen',
    copyFrom: 'Den neuesten Beweis kopieren von',
    copy: 'Beweis kopieren',
  },
  lessonText: {
    'first-block': {
      title: 'Der erste Block',
      watch:
        'Ein Knoten, Alice. Zuerst das Aufwärmrätsel des Tutorials, dann GET /mine: Die Suche nach dem Beweis zählt von 0 aufwärts, und der Block wird mit der ausstehenden Zahlung und der Belohnung geschmiedet.',
      question: 'Welche Transaktion ist die letzte in Block 2?',
      choices: {
        reward: 'Die Belohnung: Absender "0" zahlt Alice 1 Münze',
        payment: 'Die Zahlung Bob → Alice',
        none: 'Keine von beiden: Im Tutorial werden Miner nicht bezahlt',
      },
    },
    'two-miners-race': {
      title: 'Zwei Miner im Wettlauf',
      watch:
        'Alice und Bob haben gleich viel Hashleistung, und jeder hat eine andere Zahlung ausstehend. Beide minen Block 2, bevor sie vom anderen hören: eine Gabelung. Dann gleichen beide ab, und danach folgt das Rennen um Block 3.',
      question:
        'Wenn der Verlierer die längere Kette des Gewinners übernimmt, was geschieht mit der Zahlung in seinem eigenen Block 2?',
      choices: {
        pending: 'Sie kehrt zu den ausstehenden Transaktionen des Verlierers zurück',
        lost: 'Sie geht verloren',
        kept: 'Sie bleibt neben dem Block des Gewinners in der Kette',
      },
    },
    'partition-heal': {
      title: 'Trennung und Wiedervereinigung',
      watch:
        'Vier Knoten minen gemeinsam, das Netz zerfällt in zwei Seiten, die getrennt minen, dann wächst es wieder zusammen und alle gleichen ab.',
      question:
        'Was geschieht nach der Wiedervereinigung mit den Blöcken, die die unterlegene Seite während der Trennung gemint hat?',
      choices: {
        abandoned: 'Sie werden aufgegeben; die Geschichte der anderen Seite gewinnt',
        merged: 'Beide Geschichten werden zusammengeführt',
        split: 'Die beiden Seiten behalten für immer verschiedene Ketten',
      },
    },
    'majority-attack': {
      title: 'Mehrheitsangriff (Doppelausgabe)',
      watch:
        'Carol hat 70 % der Hashleistung. Sie bezahlt Alice und mint dann heimlich auf einer Kette, in der dieselben Münzen in ihre eigene Geldbörse gehen. Alice wartet 2 Bestätigungen ab, dann verbindet sich Carol wieder.',
      question: 'Hätte es Alice geschützt, 6 statt 2 Bestätigungen abzuwarten?',
      choices: {
        no: 'Nein: Mit dem Großteil der Hashleistung holt Carol jeden Vorsprung auf',
        yes: 'Ja: 6 Bestätigungen sind immer sicher',
      },
    },
    tampering: {
      title: 'Einen alten Block fälschen',
      watch:
        'Alice ändert einen Betrag in Block 2 ihrer Kopie, sieht das nächste Glied brechen, mint ab Block 2 neu, und die Peers gleichen ab.',
      question:
        'Übernehmen die anderen Knoten Alices Version, nachdem sie ihre bearbeitete Kette neu gemint hat?',
      choices: {
        'no-longer': 'Nein: Die ehrliche Kette ist inzwischen gewachsen, und die längere Kette gewinnt',
        yes: 'Ja: Jeder Beweis ist wieder gültig',
        'no-invalid': 'Nein: Eine neu geminte Kette ist immer ungültig',
      },
    },
    difficulty: {
      title: 'Schwierigkeit und Blockzeiten',
      watch: 'Ein Knoten mint Blöcke bei Schwierigkeit D, dann steigt die Schwierigkeit um eine Hex-Null.',
      question: 'Eine führende Null mehr: Wie viel länger dauert ein Block im Mittel?',
      choices: {
        '16x': 'Etwa 16-mal so lang',
        '2x': 'Etwa doppelt so lang',
        '1.1x': 'Etwas länger: ein Zeichen mehr muss passen',
      },
    },
    'flaw-claimed-length': {
      title: 'Fehler: der behaupteten Länge trauen (#50)',
      watch:
        'Alice hat 5 Blöcke. Carol hat 2, beantwortet GET /chain aber mit "length": 1000. Alice gleicht ab.',
      question: 'Was tut Alice mit dem Abgleich des Tutorials?',
      choices: {
        adopt: 'Sie übernimmt Carols Kette aus 2 Blöcken',
        keep: 'Sie behält ihre 5 Blöcke',
        reject: 'Sie weist Carols Kette als ungültig zurück',
      },
    },
    'flaw-copied-proof': {
      title: 'Fehler: einen Beweis kopieren (#10, #81, #150)',
      watch:
        'Alice mint Block 2. Bob nimmt ihren Beweis und schmiedet damit seinen eigenen Block 2. Später, unter der Header-Regel, versucht er es erneut.',
      question: 'Ist Bobs Block mit dem kopierten Beweis nach der Regel des Tutorials gültig?',
      choices: {
        valid: 'Ja, und Bob erhält die Belohnung, ohne zu hashen',
        invalid: 'Nein, der Beweis gehört zu Alices Block',
      },
    },
    'flaw-greedy-reward': {
      title: 'Fehler: keine Prüfung der Belohnung',
      watch:
        'Carol zahlt sich 1 000 Münzen pro Block. Alice gleicht mit der Prüfung des Tutorials ab, Bob mit der strengen.',
      question: 'Akzeptiert Alice Carols gierige Kette?',
      choices: {
        accept: 'Ja: Das Tutorial prüft nur Verkettung und Beweise',
        reject: 'Nein: Die Belohnung muss 1 sein',
      },
    },
    'flaw-mempool': {
      title: 'Fehler: ausstehende Transaktionen nach einem Kettenwechsel (#23)',
      watch:
        'Bob mint einen Block mit seiner Zahlung; Alice mint zwei Blöcke mit einer anderen Zahlung, die Bob ebenfalls ausstehend hat. Bob gleicht ab und mint dann.',
      question: 'Was geschieht nach dem Wechsel mit Bobs zwei Zahlungen?',
      choices: {
        'lost-doubled': 'Eine geht verloren, die andere landet zweimal in der Kette',
        fine: 'Beide landen einmal in der Kette',
      },
    },
    'flaw-no-timeout': {
      title: 'Fehler: kein Timeout (#119)',
      watch:
        'Carol geht offline. Alice gleicht ab und wartet; nach {{seconds, number}} s wird das Timeout eingeschaltet und Bob gleicht ab.',
      question: 'Was geschieht mit Alices Abgleich?',
      choices: {
        hangs: 'Er endet nie',
        skips: 'Er überspringt Carol nach einer Weile',
      },
    },
    'flaw-equal-length': {
      title: 'Warum der Abgleich „nie ersetzt“ (#64–#89)',
      watch:
        'Alice gleicht ohne Peers ab; Carol registriert sich selbst; dann minen Alice und Bob je einen Block, und Alice gleicht ab.',
      question: 'Alice und Bob haben je 2 Blöcke, verschiedene. Was tut Alices Abgleich?',
      choices: {
        keep: 'Nichts: Eine gleich lange Kette ersetzt ihre nicht',
        adopt: 'Sie übernimmt Bobs Kette',
      },
    },
  },
  flawNote: {
    'flaw-claimed-length': {
      title: 'Traut der behaupteten Länge',
      paragraph:
        'resolve_conflicts liest das Feld "length" aus der GET /chain-Antwort jedes Nachbarn und vergleicht diese Zahl, statt die empfangenen Blöcke zu zählen. Ein Knoten, der 1 000 Blöcke behauptet und 2 schickt, wirkt am längsten, seine kurze Kette wird geprüft (und ist gültig), und der ehrliche Knoten wirft seine eigene, längere Geschichte weg. Die Korrektur ist eine Zeile: len(chain) verwenden.',
    },
    'flaw-copied-proof': {
      title: 'Beweis nicht an den Block gebunden',
      paragraph:
        'Der Beweis des Tutorials hasht nur den vorigen Beweis und den vorigen Hash, nie die Transaktionen oder den Miner des Blocks selbst. Jeder Miner auf derselben Spitze sucht dieselbe Zahl, und wer einen Beweis sieht, kann ihn in einen eigenen Block setzen – mit eigener Belohnung –, ohne überhaupt zu hashen. Die Header-Regel (Einstellungen → Beweisregel) hasht einen Header, der die Transaktionen und den Miner bindet, sodass ein kopierter Beweis nutzlos ist.',
    },
    'flaw-greedy-reward': {
      title: 'Keine Prüfung der Belohnung',
      paragraph:
        'valid_chain prüft, dass jeder Block auf den vorigen verweist und einen gültigen Beweis hat – sonst nichts. Ein Knoten kann jede beliebige Belohnung in seine Blöcke schreiben, etwa 1 000 Münzen statt 1, und jeder Tutorial-Knoten akzeptiert die Kette. Die strenge Prüfung verlangt, dass jeder Block genau eine Belohnung von 1 enthält, als letzte (E_REWARD).',
    },
    'flaw-mempool': {
      title: 'Ausstehende Transaktionen nicht abgeglichen',
      paragraph:
        'Wenn der Abgleich die Kette eines Knotens ersetzt, lässt das Tutorial seine Liste ausstehender Transaktionen, wie sie war. Transaktionen der aufgegebenen Blöcke gehen verloren, sofern sie niemand erneut sendet, und ausstehende Transaktionen, die die neue Kette schon enthält, werden ein zweites Mal gemint. Ein Abgleich legt die ersten zurück und verwirft die zweiten.',
    },
    'flaw-no-timeout': {
      title: 'Kein Timeout für Peers, die offline sind',
      paragraph:
        'resolve_conflicts ruft requests.get für jeden Nachbarn ohne Timeout und ohne Fehlerbehandlung auf. Ein einziger Nachbar, der offline oder unerreichbar ist, lässt den Abgleich ewig warten (oder abstürzen), sodass der Knoten seine Kette nie aktualisiert. Hier ist das Warten nur ein ausstehendes Ereignis, die Seite bleibt also bedienbar; mit Timeout wird der Peer als E_TIMEOUT gemeldet und übersprungen.',
    },
    'flaw-equal-length': {
      title: 'Gleich lange Ketten ersetzen nie',
      paragraph:
        'Viele Leser berichten, dass der Abgleich „nie ersetzt“. Meist hat der Knoten keine registrierten Peers, hat sich selbst registriert, oder die Ketten seiner Nachbarn sind genauso lang: resolve_conflicts übernimmt nur eine echt längere Kette, also behalten nach einer Gabelung gleicher Länge beide Knoten ihren eigenen Block, bis jemand den nächsten mint. Das Konsens-Protokoll sagt, welcher Fall es war.',
    },
  },
};
