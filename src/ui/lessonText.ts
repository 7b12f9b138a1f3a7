// The lessons' and flaws' texts in the reader's language, looked up by the lesson's id (enViews.ts, lessonText
// and flawNote) with the English of src/lessons/ as the fallback: the lessons' modules keep their English for
// the command line, and the page translates at its edge.
import type { ParseKeys, TFunction } from 'i18next';
import { FLAW_NOTES, type FlawNote, type FlawPart } from '../lessons/flawTexts';
import { HANG_SECONDS } from '../lessons/flaws';
import type { ScenarioName } from '../lessons/scenarios';
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
