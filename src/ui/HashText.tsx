import { useEffect, useRef, useState } from 'react';
import { leadingHexZeros } from '../core/hash';
import { i18n } from '../i18n/i18n';
import { useText } from '../i18n/useText';
import { shortHash } from './format';

/**
 * A hash shortened for reading, its leading zeros highlighted (the part proof of work is about). The full hash
 * is always in the DOM for screen readers and shows as a pop-over on hover or keyboard focus.
 */
export function HashText({ hash, label }: { hash: string; label: string }) {
  const zeros = hash.length === 64 ? leadingHexZeros(hash) : 0;
  // Keep every zero visible even at difficulty 8, where shortHash's 6 leading characters would cut them.
  const short = shortHash(hash, Math.max(6, zeros + 2));
  return (
    <span className="hash mono" tabIndex={0} title={hash}>
      <span aria-hidden="true">
        {zeros > 0 && <span className="zeros">{short.slice(0, zeros)}</span>}
        {short.slice(zeros)}
      </span>
      <span className="hash-full">
        <span className="visually-hidden">{label}: </span>
        {hash}
      </span>
    </span>
  );
}

/**
 * Copy with the async clipboard API; it is missing on plain-http pages and in some browsers, and can be refused,
 * so then the full text is shown selected in a read-only field for Ctrl+C.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useText();
  const [said, setSaid] = useState<string | null>(null);
  const [manual, setManual] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!said) return;
    const t = setTimeout(() => setSaid(null), 2500);
    return () => clearTimeout(t);
  }, [said]);

  useEffect(() => {
    if (manual) field.current?.focus();
  }, [manual]);

  const copy = async () => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard?.writeText) {
      setManual(true);
      return;
    }
    try {
      await clipboard.writeText(text);
      setSaid(i18n.t('copy.done'));
    } catch {
      setManual(true);
    }
  };

  return (
    <span className="copy">
      <button type="button" onClick={() => void copy()} aria-label={t('copy.label', { what: label })}>
        {t('copy.button')}
      </button>
      <span role="status" className="muted">
        {said}
      </span>
      {manual && (
        <label className="copy-manual">
          <span>{t('copy.manual', { what: label })}</span>
          <input
            ref={field}
            className="mono"
            readOnly
            value={text}
            onFocus={(e) => e.currentTarget.select()}
            onBlur={() => setManual(false)}
          />
        </label>
      )}
    </span>
  );
}
