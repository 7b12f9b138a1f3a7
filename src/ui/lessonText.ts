// The lessons' and flaws' texts in the reader's language, looked up by the lesson's id (enViews.ts, lessonText
// and flawNote) with the English of src/lessons/ as the fallback: the lessons' modules keep their English for
// the command line, and the page translates at its edge. A run's reveal is translated the same way, sentence by
// sentence, from its keys and values (src/lessons/said.ts, catalog src/i18n/lessons/).
import type { ParseKeys, TFunction } from 'i18next';
import { i18n } from '../i18n/i18n';
import { fixed } from '../i18n/numbers';
import { FLAW_NOTES, type FlawNote, type FlawPart } from '../lessons/flawTexts';
import { HANG_SECONDS } from '../lessons/flaws';
import { english, isList, isSaid, percentDigits, type Said, type Value } from '../lessons/said';
import type { ScenarioName } from '../lessons/scenarios';
import { NO_PEERS_NOTE } from '../sim/resolveLog';
import { LESSON_TEXTS, type Choice } from '../lessons/texts';

export interface ShownLesson {
  readonly title: string;
  readonly watch: string;
  readonly question: string;
  readonly choices: readonly Choice[];
}

type T = TFunction<'translation', undefined>;

const say = (t: T, key: string, english: string) =>
  t(key as ParseKeys, { defaultValue: english, seconds: HANG_SECONDS });

export function lessonText(t: T, name: ScenarioName): ShownLesson {
  const en = LESSON_TEXTS[name];
  const key = `lessonText.${name}`;
  return {
    title: say(t, `${key}.title`, en.title),
    watch: say(t, `${key}.watch`, en.watch),
    question: say(t, `${key}.question`, en.question),
    choices: en.choices.map((c) => ({ id: c.id, label: say(t, `${key}.choices.${c.id}`, c.label) })),
  };
}

export function flawNote(t: T, part: FlawPart): FlawNote {
  const en = FLAW_NOTES[part];
  return {
    title: say(t, `flawNote.${part}.title`, en.title),
    issues: en.issues,
    paragraph: say(t, `flawNote.${part}.paragraph`, en.paragraph),
  };
}

/**
 * One sentence of a reveal in the reader's language: its template from lessonReveal (src/i18n/lessons/), the
 * run's values filled in. Numbers stay numbers, so the template's {{n, number}} writes them the language's way;
 * names, hashes, codes and transactions are inserted as they are.
 */
export function revealLine(t: T, line: Said): string {
  const values = Object.fromEntries(Object.entries(line.values).map(([k, v]) => [k, shown(t, v)]));
  return t(`lessonReveal.${line.key}` as ParseKeys, { ...values, defaultValue: english(line) });
}

function shown(t: T, v: Value): string | number {
  // A lesson may quote the consensus log's own note (flaw-equal-length): said as the log says it, translated.
  if (v === NO_PEERS_NOTE) return t('outcome.noPeers');
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (isSaid(v)) return revealLine(t, v);
  if (isList(v)) {
    const items = v.items.map((i) => (typeof i === 'string' ? i : revealLine(t, i)));
    return v.join === 'and'
      ? new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(items)
      : items.join(v.join);
  }
  // "70.0 %" in English, "70,0 %" in Spanish and German (a space before % in all three).
  return `${fixed(v.percent * 100, percentDigits(v.percent))} %`;
}
