// The run's timeline: drag back to any moment and every panel shows it; play from there and the run goes on as
// a new branch while the future you left stays as a branch you can return to. Keyboard: the arrows step one
// input, Home is the start of the run, End the latest moment (a native range input does all three).
import { useText } from '../i18n/useText';
import { useApp, useController } from './context';
import { duration } from './format';
import { ICON } from './icons';
import './Timeline.css';

export function Timeline() {
  const { t } = useText();
  const controller = useController();
  const { moment, end, endTime, branches } = useApp((s) => s.timeline);
  const now = useApp((s) => s.now);
  const watching = useApp((s) => s.watching);
  const past = moment < end;
  const current = branches.find((b) => b.current);
  return (
    <div className="timeline" role="group" aria-label={t('timeline.label')}>
      <label className="timeline-slider">
        <span className="label">{t('timeline.slider')}</span>
        <input
          type="range"
          aria-label={t('timeline.slider')}
          aria-valuetext={t('timeline.valueText', { moment, end, time: duration(now) })}
          min={0}
          max={Math.max(end, 1)}
          step={1}
          value={moment}
          disabled={end === 0}
          onChange={(e) => controller.seek(Number(e.target.value))}
        />
        <span className="mono moment" aria-hidden="true">
          {moment}/{end}
        </span>
      </label>
      {branches.length > 1 && (
        <label className="row">
          {t('timeline.branch')}
          <select
            value={current?.index ?? 0}
            onChange={(e) => controller.switchBranch(Number(e.target.value))}
          >
            {branches.map((b) => (
              <option key={b.index} value={b.index}>
                {t('timeline.branchOption', {
                  n: b.index + 1,
                  from: b.from,
                  end: b.end,
                  time: duration(b.endTime),
                })}
              </option>
            ))}
          </select>
        </label>
      )}
      {past && (
        <p className="timeline-note" role="status">
          {watching ? `${ICON.play} ${t('timeline.watching')}` : t('timeline.showing', { moment, end })}{' '}
          <button type="button" className="link" onClick={() => controller.seek(end)}>
            {t('timeline.toEnd', { time: duration(endTime) })}
          </button>
        </p>
      )}
    </div>
  );
}
