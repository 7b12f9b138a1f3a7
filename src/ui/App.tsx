import { lazy, Suspense, useEffect, type MouseEvent } from 'react';
import { loadViewTexts } from '../i18n/i18n';
import { useText } from '../i18n/useText';
import type { Controller } from '../store/controller';
import { ControlsBar } from './ControlsBar';
import { CrashBanner } from './CrashBanner';
import { LanguageSelect } from './LanguageSelect';
import { PanelBoundary } from './PanelBoundary';
import { ControllerContext, useApp } from './context';
import { Notices } from './Notices';
import { Timeline } from './Timeline';
import { useView } from './useView';
import { tabId, VIEW_PANEL_ID, ViewTabs } from './ViewTabs';
import type { ViewId } from './views';

// Each view loads its code when it opens: the first render is the shell (clock, controls, tabs) and the engine,
// ≤ 150 kB gzip of JS (test/e2e/layout.test.ts measures it on the production build).
// The views' English texts are a chunk of their own too, loaded beside the first view's code (loadViewTexts).
const withTexts = <T,>(view: Promise<T>) => Promise.all([view, loadViewTexts()]).then(([m]) => m);
const NetworkView = lazy(() => withTexts(import('./views/NetworkView')));
const ChainView = lazy(() => withTexts(import('./views/ChainView')));
const LessonsView = lazy(() => withTexts(import('./views/LessonsView')));
const ExperimentsView = lazy(() => withTexts(import('./views/ExperimentsView')));

function CurrentView({ view }: { view: ViewId }) {
  switch (view) {
    case 'network':
      return <NetworkView />;
    case 'chain':
      return <ChainView />;
    case 'lessons':
      return <LessonsView />;
    case 'experiments':
      return <ExperimentsView />;
  }
}

/** Skip links move the focus without touching the hash, which names the open view. */
function SkipLink({ to, children }: { to: string; children: string }) {
  const onClick = (e: MouseEvent) => {
    e.preventDefault();
    document.getElementById(to)?.focus();
  };
  return (
    <a className="skip-link" href={`#${to}`} onClick={onClick}>
      {children}
    </a>
  );
}

function Layout() {
  const presenter = useApp((s) => s.presenter);
  const [view, chooseView] = useView();
  const { t } = useText();
  const label = t(`views.${view}`);
  return (
    <div className={presenter ? 'app presenter' : 'app'}>
      <SkipLink to={VIEW_PANEL_ID}>{t('app.skipToView', { view: label })}</SkipLink>
      <SkipLink to={tabId(view)}>{t('app.skipToTabs')}</SkipLink>
      <header className="topbar">
        <div className="topbar-row">
          <h1>
            Chainlab <span className="tagline">{t('app.tagline')}</span>
          </h1>
          <ControlsBar />
          <LanguageSelect />
        </div>
        <Timeline />
        {/* What to try on the Network view; on the others it would point at buttons that are not there. */}
        {view === 'network' && (
          <p className="hint" role="note">
            {t('app.hint')}
          </p>
        )}
        <CrashBanner />
        <Notices />
        <ViewTabs view={view} onChoose={chooseView} />
      </header>
      <main className="view-main">
        <div id={VIEW_PANEL_ID} role="tabpanel" aria-labelledby={tabId(view)} tabIndex={-1}>
          <PanelBoundary name={label}>
            <Suspense
              fallback={
                <p className="muted" aria-busy="true">
                  {t('app.loading', { view: label })}
                </p>
              }
            >
              <CurrentView view={view} />
            </Suspense>
          </PanelBoundary>
        </div>
      </main>
    </div>
  );
}

/** Drives the controller's live clock from requestAnimationFrame. */
function useFrameLoop(controller: Controller) {
  useEffect(() => {
    let id = 0;
    const frame = (t: number) => {
      controller.tick(t);
      id = requestAnimationFrame(frame);
    };
    id = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(id);
  }, [controller]);
}

/** Space plays or pauses, unless the focus is on something that uses Space itself (a button, a field). */
function useSpaceToPause(controller: Controller) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.code !== 'Space' || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (el && el.closest('button, input, select, textarea, summary, a, [contenteditable="true"]')) return;
      e.preventDefault();
      if (controller.store.getState().playing) controller.pause();
      else controller.play();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);
}

/** The controller is made outside React (main.tsx), so StrictMode's double effects cannot dispose it. */
export function App({ controller }: { controller: Controller }) {
  useFrameLoop(controller);
  useSpaceToPause(controller);
  return (
    <ControllerContext.Provider value={controller}>
      <Layout />
    </ControllerContext.Provider>
  );
}
