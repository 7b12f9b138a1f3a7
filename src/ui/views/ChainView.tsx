import { ChainPanel } from '../ChainPanel';
import { MempoolPanel } from '../MempoolPanel';
import { PanelBoundary } from '../PanelBoundary';
import { PowPanel } from '../PowPanel';

/** The selected node's chain, with Send transaction (Mempool) and the proof of work beside it. */
export default function ChainView() {
  return (
    <div className="view view-chain">
      <div className="col col-wide">
        <PanelBoundary name="Chain">
          <ChainPanel />
        </PanelBoundary>
      </div>
      <div className="col">
        <PanelBoundary name="Mempool">
          <MempoolPanel />
        </PanelBoundary>
        <PanelBoundary name="Proof of work">
          <PowPanel />
        </PanelBoundary>
      </div>
    </div>
  );
}
