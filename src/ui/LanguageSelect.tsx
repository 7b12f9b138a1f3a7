import { useText } from '../i18n/useText';
import { chooseLanguage, isLanguage, LANGUAGES } from '../i18n/i18n';

/**
 * The Language select of the top bar. Each language is named in itself (Deutsch, not German), so a reader who
 * cannot read the current language still finds their own; the choice is remembered for the next visit.
 */
export function LanguageSelect() {
  const { t, i18n } = useText();
  return (
    <label className="row language-select">
      {t('language.label')}
      <select
        value={i18n.language}
        onChange={(e) => {
          // The page switches once the language's texts have loaded; if they cannot (offline before the
          // service worker kept them), it stays as it is.
          if (isLanguage(e.target.value)) chooseLanguage(e.target.value).catch(() => undefined);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
