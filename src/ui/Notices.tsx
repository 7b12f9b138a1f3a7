import { useText } from '../i18n/useText';
import { FailureText } from './FailureText';
import { ICON } from './icons';
import { useApp, useController } from './context';
import { RestoredNote } from './RestoredNote';

/** Errors a user caused or met, in words, with their code; never a stack trace in the console only. */
export function Notices() {
  const { t } = useText();
  const notices = useApp((s) => s.notices);
  const controller = useController();
  const restored = <RestoredNote />;
  if (notices.length === 0) return restored;
  return (
    <>
      {restored}
      <div className="notices" role="alert">
        {notices.map((n) => (
          <p key={n.id} className="notice">
            <span aria-hidden="true">{ICON.warn} </span>
            {n.node ? `${n.node}: ` : ''}
            <FailureText error={n.error} />
            <button type="button" className="link" onClick={() => controller.dismissNotice(n.id)}>
              {t('notices.dismiss')}
            </button>
          </p>
        ))}
      </div>
    </>
  );
}
