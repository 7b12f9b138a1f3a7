import { ICON } from './icons';
import { useApp, useController, useSelectedNode } from './context';
import { duration, nodeName, SPEEDS } from './format';
import './ControlsBar.css';

/** Clock and the selected node's actions: what a teacher clicks most, always at the top. */
export function ControlsBar() {
  const controller = useController();
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  const now = useApp((s) => s.now);
  const presenter = useApp((s) => s.presenter);
  const node = useSelectedNode();
  const name = node ? nodeName(node.id) : '—';
  return (
    <nav className="controls" aria-label="Controls">
      <div className="row" role="group" aria-label="Clock">
        <button
          type="button"
          className="primary"
          onClick={() => (playing ? controller.pause() : controller.play())}
          aria-keyshortcuts="Space"
        >
          {playing ? `${ICON.pause} Pause` : `${ICON.play} Play`}
        </button>
        <button
          type="button"
          onClick={() => controller.stepBack()}
          title="Go back one input (a message, a command or a found proof)"
        >
          {ICON.back} Step back
        </button>
        <button
          type="button"
          onClick={() => controller.step()}
          title="Run the next event only (a message or a found proof)"
        >
          {ICON.step} Step
        </button>
        <label className="row">
          Speed
          <select value={speed} onChange={(e) => controller.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <span className="clock mono" aria-label="Simulated time">
          t = {duration(now)}
        </span>
      </div>
      <div className="row" role="group" aria-label={`Actions for ${name}`}>
        <button
          type="button"
          disabled={!node}
          onClick={() => node && controller.dispatch({ type: 'mine', node: node.id })}
          title="GET /mine: find a proof and forge one block"
        >
          {ICON.mine} Mine
        </button>
        <button
          type="button"
          disabled={!node}
          aria-pressed={node?.autoMine ?? false}
          onClick={() =>
            node && controller.dispatch({ type: 'auto-mine', node: node.id, on: !node.autoMine })
          }
        >
          {node?.autoMine ? `${ICON.stop} Stop auto-mine` : `${ICON.auto} Auto-mine`}
        </button>
        <button
          type="button"
          disabled={!node}
          onClick={() => node && controller.dispatch({ type: 'resolve', node: node.id })}
          title="GET /nodes/resolve: ask every peer for its chain and keep the longest valid one"
        >
          {ICON.resolve} Resolve
        </button>
        <span className="muted">on {name}</span>
        <button type="button" aria-pressed={presenter} onClick={() => controller.togglePresenter()}>
          {ICON.presenter} Presenter mode
        </button>
      </div>
    </nav>
  );
}
