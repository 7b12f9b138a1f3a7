import { useRef, type KeyboardEvent } from 'react';
import { useText } from '../i18n/useText';
import { VIEWS, viewAfterKey, type ViewId } from './views';

export const VIEW_PANEL_ID = 'view-panel';
export const tabId = (view: ViewId) => `view-tab-${view}`;

/**
 * The views as WAI-ARIA tabs: one Tab stop for the whole row, arrows move between tabs and open the one they
 * reach (automatic activation: each view opens at once, its code is small or already loading).
 */
export function ViewTabs({ view, onChoose }: { view: ViewId; onChoose: (view: ViewId) => void }) {
  const { t } = useText();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const next = viewAfterKey(view, e.key);
    if (!next) return;
    e.preventDefault();
    onChoose(next);
    list.current?.querySelector<HTMLElement>(`#${tabId(next)}`)?.focus();
  };
  return (
    <div className="view-tabs" role="tablist" aria-label={t('views.label')} ref={list} onKeyDown={onKeyDown}>
      {VIEWS.map((v) => (
        <button
          key={v.id}
          type="button"
          role="tab"
          id={tabId(v.id)}
          aria-selected={v.id === view}
          aria-controls={VIEW_PANEL_ID}
          tabIndex={v.id === view ? 0 : -1}
          onClick={() => onChoose(v.id)}
        >
          {t(`views.${v.id}`)}
        </button>
      ))}
    </div>
  );
}
