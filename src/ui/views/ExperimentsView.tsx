import { lazy, Suspense } from 'react';
import { useText } from '../../i18n/useText';
import { PanelBoundary } from '../PanelBoundary';

// recharts is ~600 kB: the charts load after the view's own code (docs/development.md).
const ChartsPanel = lazy(() => import('../ChartsPanel'));
const ExperimentsPanel = lazy(() => import('../ExperimentsPanel'));

/** Live charts of this run and the batch experiments. */
export default function ExperimentsView() {
  const { t } = useText();
  return (
    <div className="view view-experiments">
      {/* Charts hold nothing to focus: the column itself takes the focus so the keyboard can scroll it. */}
      <div className="col" tabIndex={0} role="group" aria-label={t('experimentWords.chartsScroll')}>
        <PanelBoundary name="Charts">
          <Suspense fallback={<p className="muted">{t('experimentWords.loadingCharts')}</p>}>
            <ChartsPanel />
          </Suspense>
        </PanelBoundary>
      </div>
      <div className="col">
        <PanelBoundary name="Experiments">
          <Suspense fallback={<p className="muted">{t('experimentWords.loadingExperiments')}</p>}>
            <ExperimentsPanel />
          </Suspense>
        </PanelBoundary>
      </div>
    </div>
  );
}
