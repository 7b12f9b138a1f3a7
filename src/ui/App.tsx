import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import type { Controller } from '../store/controller';
import { START_HINT } from './boot';
import { ChainPanel } from './ChainPanel';
import { ConsensusPanel } from './ConsensusPanel';
import { ControlsBar } from './ControlsBar';
import { CrashBanner } from './CrashBanner';
import { PanelBoundary } from './PanelBoundary';
import { ControllerContext, useApp } from './context';
import { MempoolPanel } from './MempoolPanel';
import { NetworkPanel } from './NetworkPanel';
import { RealNodesPanel } from './RealNodes';
import { Notices } from './Notices';
import { PowPanel } from './PowPanel';
import { SettingsPanel } from './SettingsPanel';
import { SaveShare } from './SaveShare';
import { Timeline } from './Timeline';

// recharts is ~600 kB: the first paint must not wait for it (docs/development.md).
const ChartsPanel = lazy(() => import('./ChartsPanel'));
const ExperimentsPanel = lazy(() => import('./ExperimentsPanel'));
// Lessons and the bug lab sit below the fold and bring the scenario scripts: keep them out of the first bundle.
const ScenarioPanel = lazy(() => import('./ScenarioPanel').then((m) => ({ default: m.ScenarioPanel })));
const BugLab = lazy(() => import('./BugLab').then((m) => ({ default: m.BugLab })));

/** A panel whose code loads on demand: a labelled placeholder while it loads, its own error if it fails. */
function LazyPanel({ name, children }: { name: string; children: ReactNode }) {
  return (
    <PanelBoundary name={name}>
      <Suspense
        fallback={
          <section className="panel" aria-label={name} aria-busy="true">
            Loading {name.toLowerCase()}…
          </section>
        }
      >
        {children}
      </Suspense>
    </PanelBoundary>
  );
}

function Layout() {
  const presenter = useApp((s) => s.presenter);
  return (
    <div className={presenter ? 'app presenter' : 'app'}>
      <header className="topbar">
        <h1>
          Chainlab <span className="tagline">a blockchain you can watch</span>
        </h1>
        <ControlsBar />
        <Timeline />
      </header>
      <p className="hint" role="note">
        {START_HINT}
      </p>
      <CrashBanner />
      <Notices />
      <main className="grid">
        <div className="col col-left">
          <PanelBoundary name="Network">
            <NetworkPanel />
          </PanelBoundary>
          <PanelBoundary name="Real nodes">
            <RealNodesPanel />
          </PanelBoundary>
          <PanelBoundary name="Settings">
            <SettingsPanel />
          </PanelBoundary>
          <PanelBoundary name="Save and share">
            <SaveShare />
          </PanelBoundary>
        </div>
        <div className="col col-main">
          <PanelBoundary name="Chain">
            <ChainPanel />
          </PanelBoundary>
          <div className="pair">
            <PanelBoundary name="Mempool">
              <MempoolPanel />
            </PanelBoundary>
            <PanelBoundary name="Proof of work">
              <PowPanel />
            </PanelBoundary>
          </div>
        </div>
        <div className="col col-right">
          <PanelBoundary name="Consensus">
            <ConsensusPanel />
          </PanelBoundary>
          <Suspense fallback={<p className="muted">Loading lessons…</p>}>
            <PanelBoundary name="Lessons">
              <ScenarioPanel />
            </PanelBoundary>
            <PanelBoundary name="Bug lab">
              <BugLab />
            </PanelBoundary>
          </Suspense>
        </div>
      </main>
      <LazyPanel name="Charts">
        <ChartsPanel />
      </LazyPanel>
      <LazyPanel name="Experiments">
        <ExperimentsPanel />
      </LazyPanel>
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
