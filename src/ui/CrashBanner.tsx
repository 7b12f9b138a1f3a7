// When the live clock itself fails (a bug, not a user's input), the run stops where it was and says so, with
// two ways out: go back one step and carry on, or start fresh. The page never goes blank or freezes.
import { useText } from '../i18n/useText';
import { useApp, useController } from './context';
import { ICON } from './icons';
import { startFresh } from './startFromLocation';

export function CrashBanner() {
  const { t } = useText();
  const controller = useController();
  const crash = useApp((s) => s.crash);
  if (!crash) return null;
  return (
    <div className="notice crash" role="alert">
      <p>
        {ICON.warn} {t('crash.stopped', { reason: crash })} <code>E_INTERNAL</code>
      </p>
      <div className="row">
        <button type="button" onClick={() => controller.undoLastStep()}>
          {ICON.back} {t('crash.undo')}
        </button>
        <button type="button" onClick={() => startFresh(controller)}>
          {ICON.auto} {t('crash.fresh')}
        </button>
      </div>
    </div>
  );
}
