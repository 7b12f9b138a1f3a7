import { useTranslation } from 'react-i18next';
import { i18n } from './i18n';

/**
 * t() in the current language, re-rendering the component when the language changes. Components import this
 * rather than react-i18next, so that rendering any one of them (a test renders a single panel) sets the
 * translation layer up.
 */
export function useText() {
  return useTranslation(undefined, { i18n });
}
