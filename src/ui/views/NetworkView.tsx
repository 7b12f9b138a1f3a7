import { lazy, Suspense, type ReactNode } from 'react';
import { ConsensusPanel } from '../ConsensusPanel';
import { NetworkPanel } from '../NetworkPanel';
import { PanelBoundary } from '../PanelBoundary';
import { SettingsPanel } from '../SettingsPanel';

// Below the settings: their code loads just after the first render, which stays within its JS budget.
const RealNodesPanel = lazy(() => import('../RealNodes').then((m) => ({ default: m.RealNodesPanel })));
const SaveShare = lazy(() => import('../SaveShare').then((m) => ({ default: m.SaveShare })));

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

/** The first view: who is connected, what they say to each other, and the knobs (Difficulty first). */
export default function NetworkView() {
  return (
    <div className="view view-network">
      <div className="col">
        <PanelBoundary name="Network">
          <NetworkPanel />
        </PanelBoundary>
      </div>
      <div className="col col-wide">
        <PanelBoundary name="Consensus">
          <ConsensusPanel />
        </PanelBoundary>
      </div>
      <div className="col">
        <PanelBoundary name="Settings">
          <SettingsPanel />
        </PanelBoundary>
        <LazyPanel name="Real nodes">
          <RealNodesPanel />
        </LazyPanel>
        <LazyPanel name="Save and share">
          <SaveShare />
        </LazyPanel>
      </div>
    </div>
  );
}
