import { useText } from '../i18n/useText';
import { useApp, useController } from './context';
import { startFresh } from './startFromLocation';

/** Opening on the autosaved run is never silent: say so, with the way back to a fresh classroom. */
export function RestoredNote() {
  const { t } = useText();
  const restored = useApp((s) => s.restored);
  const controller = useController();
  return (
    <p role="status" className="restored-note">
      {restored && (
        <>
          {t('notices.restored')} —{' '}
          <button type="button" className="link" onClick={() => startFresh(controller)}>
            {t('crash.fresh')}
          </button>{' '}
          <button
            type="button"
            className="link"
            onClick={() => controller.store.setState({ restored: false })}
          >
            {t('notices.keep')}
          </button>
        </>
      )}
    </p>
  );
}
