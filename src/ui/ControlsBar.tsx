import { useState } from 'react';
import { useText } from '../i18n/useText';
import { ICON } from './icons';
import { useApp, useAppShallow, useController } from './context';
import { duration, nodeName, SPEEDS } from './format';
import './ControlsBar.css';

/** The simulated time: the one part of the bar that changes with every store update while the clock runs. */
function Clock() {
  const { t } = useText();
  const now = useApp((s) => s.now);
  return (
    <span className="clock mono" aria-label={t('controls.simulatedTime')}>
      {t('controls.time', { time: duration(now) })}
    </span>
  );
}

/** Clock and the selected node's actions: what a teacher clicks most, always at the top. */
export function ControlsBar() {
  const { t } = useText();
  const controller = useController();
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  const presenter = useApp((s) => s.presenter);
  // The selected node's id and whether it auto-mines: not its whole view, which changes with each of its blocks.
  const node = useAppShallow((s) => {
    const n = s.nodes.find((x) => x.id === s.selected);
    return n ? { id: n.id, autoMine: n.autoMine } : null;
  });
  const [stepNote, setStepNote] = useState('');
  const name = node ? nodeName(node.id) : '—';
  return (
    <nav className="controls" aria-label={t('controls.label')}>
      <div className="row" role="group" aria-label={t('controls.clock')}>
        <button
          type="button"
          className="primary"
          onClick={() => (playing ? controller.pause() : controller.play())}
          aria-keyshortcuts="Space"
        >
          {playing ? `${ICON.pause} ${t('controls.pause')}` : `${ICON.play} ${t('controls.play')}`}
        </button>
        <button type="button" onClick={() => controller.stepBack()} title={t('controls.stepBackTitle')}>
          {ICON.back} {t('controls.stepBack')}
        </button>
        <button
          type="button"
          onClick={() => {
            // With nothing queued a step would change nothing: say so instead of doing nothing visible.
            if (controller.sim().peek() === null) {
              controller.pause();
              setStepNote(t('controls.nothingToStep'));
            } else {
              controller.step();
              setStepNote('');
            }
          }}
          title={t('controls.stepTitle')}
        >
          {ICON.step} {t('controls.step')}
        </button>
        <label className="row" title={t('controls.speedTitle')}>
          {t('controls.speed')} {t('controls.networkTime')}
          <select value={speed} onChange={(e) => controller.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <Clock />
        <span role="status" className="muted step-note">
          {playing ? '' : stepNote}
        </span>
      </div>
      <div className="row" role="group" aria-label={t('controls.actionsFor', { name })}>
        <button
          type="button"
          disabled={!node}
          onClick={() => node && controller.dispatch({ type: 'mine', node: node.id })}
          title={t('controls.mineTitle')}
        >
          {ICON.mine} {t('controls.mine')}
        </button>
        <button
          type="button"
          disabled={!node}
          aria-pressed={node?.autoMine ?? false}
          onClick={() =>
            node && controller.dispatch({ type: 'auto-mine', node: node.id, on: !node.autoMine })
          }
        >
          {node?.autoMine
            ? `${ICON.stop} ${t('controls.stopAutoMine')}`
            : `${ICON.auto} ${t('controls.autoMine')}`}
        </button>
        <button
          type="button"
          disabled={!node}
          onClick={() => node && controller.dispatch({ type: 'resolve', node: node.id })}
          title={t('controls.resolveTitle')}
        >
          {ICON.resolve} {t('controls.resolve')}
        </button>
        <span className="muted">{t('controls.onNode', { name })}</span>
        <button type="button" aria-pressed={presenter} onClick={() => controller.togglePresenter()}>
          {ICON.presenter} {t('controls.presenter')}
        </button>
      </div>
    </nav>
  );
}
