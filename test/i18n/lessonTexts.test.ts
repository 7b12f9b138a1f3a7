// The lessons' English lives twice: in src/lessons/ for the command line, and in enViews.ts as the key source
// the page translates from (src/ui/lessonText.ts). The two must say the same.
import { describe, expect, it } from 'vitest';
import { enViews } from '../../src/i18n/enViews';
import { FLAW_NOTES } from '../../src/lessons/flawTexts';
import { HANG_SECONDS } from '../../src/lessons/flaws';
import { LESSON_TEXTS } from '../../src/lessons/texts';

describe('the lessons’ English in enViews.ts', () => {
  it('matches every lesson’s title, what to watch, question and choices', () => {
    const shown = (text: string) => text.replace('{{seconds, number}}', String(HANG_SECONDS));
    for (const [name, text] of Object.entries(LESSON_TEXTS)) {
      const keyed = enViews.lessonText[name as keyof typeof enViews.lessonText];
      expect(keyed, name).toBeDefined();
      const choices: Record<string, string> = keyed.choices;
      expect({
        title: keyed.title,
        watch: shown(keyed.watch),
        question: keyed.question,
        choices: Object.keys(choices),
      }).toEqual({
        title: text.title,
        watch: text.watch,
        question: text.question,
        choices: text.choices.map((c) => c.id),
      });
      for (const c of text.choices) expect(choices[c.id]).toBe(c.label);
    }
    expect(Object.keys(enViews.lessonText).sort()).toEqual(Object.keys(LESSON_TEXTS).sort());
  });

  it('matches every flaw’s title and paragraph', () => {
    for (const [part, note] of Object.entries(FLAW_NOTES))
      expect(enViews.flawNote[part as keyof typeof enViews.flawNote]).toEqual({
        title: note.title,
        paragraph: note.paragraph,
      });
  });
});
