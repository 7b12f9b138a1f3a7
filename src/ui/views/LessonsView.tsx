import { BugLab } from '../BugLab';
import { PanelBoundary } from '../PanelBoundary';
import { ScenarioPanel } from '../ScenarioPanel';

/** Guided lessons and the bug lab: they bring the scenario scripts, so this view loads on demand. */
export default function LessonsView() {
  return (
    <div className="view view-lessons">
      <div className="col">
        <PanelBoundary name="Lessons">
          <ScenarioPanel />
        </PanelBoundary>
      </div>
      <div className="col">
        <PanelBoundary name="Bug lab">
          <BugLab />
        </PanelBoundary>
      </div>
    </div>
  );
}
