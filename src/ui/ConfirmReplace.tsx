import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useText } from '../i18n/useText';

interface Asking {
  readonly what: string;
  readonly go: () => void;
}

/**
 * A lesson or a "Show me" replaces the teacher's run and settings, and the autosave then overwrites it: ask first.
 * `ask(what, go)` shows the question inline (where the button was pressed); `go` runs only on "Replace my run".
 */
export function useConfirmReplace(): { ask: (what: string, go: () => void) => void; dialog: ReactNode } {
  const { t } = useText();
  const [asking, setAsking] = useState<Asking | null>(null);
  const titleId = useId();
  const replace = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) replace.current?.focus();
  }, [asking]);
  const dialog = asking ? (
    <div className="confirm" role="alertdialog" aria-labelledby={titleId}>
      <p id={titleId}>{t('confirmReplace.question', { what: asking.what })}</p>
      <div className="row">
        <button
          ref={replace}
          type="button"
          className="primary"
          onClick={() => {
            setAsking(null);
            asking.go();
          }}
        >
          {t('confirmReplace.replace')}
        </button>
        <button type="button" onClick={() => setAsking(null)}>
          {t('confirmReplace.keep')}
        </button>
      </div>
    </div>
  ) : null;
  return { ask: (what, go) => setAsking({ what, go }), dialog };
}
