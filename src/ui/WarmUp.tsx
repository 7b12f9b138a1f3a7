// The tutorial's warm-up puzzle as a step-through: the same search a miner does, small enough to follow by hand.
import { useId, useState } from 'react';
import { Trans } from 'react-i18next';
import { useText } from '../i18n/useText';
import { count } from './format';
import { MAX_ENDING, MAX_RUN, parseSettings, runFrom, tryY, type WarmUpTry } from './warmUpMath';
import './WarmUp.css';

/** Rows kept on screen: enough to see the misses before the hit without a long scroll at the projector. */
const SHOWN = 12;

function HashEnding({ hash, ending, full }: { hash: string; ending: string; full?: boolean }) {
  const head = full
    ? hash.slice(0, -ending.length)
    : `${hash.slice(0, 6)}…${hash.slice(-10, -ending.length)}`;
  return (
    <code className="warmup-hash">
      {head}
      <mark className="warmup-end">{hash.slice(-ending.length)}</mark>
    </code>
  );
}

export function WarmUp() {
  const { t } = useText();
  const [xText, setXText] = useState('5');
  const [endingText, setEndingText] = useState('0');
  const [tries, setTries] = useState<readonly WarmUpTry[]>([]);
  const [total, setTotal] = useState(0);
  const id = useId();
  const parsed = parseSettings(xText, endingText);
  const last = tries[tries.length - 1];
  const found = last?.ok ? last : null;

  const restart = () => {
    setTries([]);
    setTotal(0);
  };
  const add = (more: readonly WarmUpTry[]) => {
    setTries(tries.concat(more).slice(-SHOWN));
    setTotal(total + more.length);
  };
  const x = parsed.ok ? parsed.value.x : '?';
  const ending = parsed.ok ? parsed.value.ending : '';

  return (
    <div className="warmup">
      <p>
        <Trans i18nKey="warmUp.intro" t={t} components={{ v: <var /> }} />
      </p>
      <pre className="warmup-code">
        <code>
          {`x = ${x}\ny = 0\nwhile not sha256(str(x*y).encode()).hexdigest().endswith("${ending}"):\n    y += 1`}
        </code>
      </pre>
      <div className="row warmup-inputs">
        <label htmlFor={`${id}-x`}>x</label>
        <input
          id={`${id}-x`}
          inputMode="numeric"
          value={xText}
          size={8}
          onChange={(e) => {
            setXText(e.target.value);
            restart();
          }}
        />
        <label htmlFor={`${id}-end`}>{t('warmUp.ending')}</label>
        <input
          id={`${id}-end`}
          className="mono"
          value={endingText}
          size={5}
          maxLength={MAX_ENDING}
          spellCheck={false}
          autoCapitalize="off"
          onChange={(e) => {
            setEndingText(e.target.value);
            restart();
          }}
        />
      </div>
      {!parsed.ok && (
        <p className="bad" role="alert">
          ✗ {parsed.message}
        </p>
      )}
      <div className="row">
        <button
          type="button"
          disabled={!parsed.ok || found !== null}
          onClick={() => parsed.ok && add([tryY(parsed.value, total)])}
        >
          {t('warmUp.tryNext')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!parsed.ok || found !== null}
          onClick={() => parsed.ok && add(runFrom(parsed.value, total))}
        >
          {t('warmUp.run')}
        </button>
        <button type="button" disabled={tries.length === 0} onClick={restart}>
          {t('warmUp.restart')}
        </button>
      </div>
      <p aria-live="polite" className="warmup-status">
        {found ? (
          <>
            <strong className="ok">
              ✓ {t('warmUp.found', { y: found.y, count: total, total: count(total) })}
            </strong>{' '}
            sha256("{found.text}") = <HashEnding hash={found.hash} ending={ending} full />
          </>
        ) : total > 0 ? (
          t('warmUp.tried', { count: total, total: count(total), last: count(total - 1), ending }) +
          (total >= MAX_RUN ? ` ${t('warmUp.runStops', { max: count(MAX_RUN) })}` : '')
        ) : (
          t('warmUp.none')
        )}
      </p>
      {tries.length > 0 && (
        <div className="warmup-table-wrap">
          <table className="warmup-table">
            <caption className="muted">
              {total > tries.length
                ? t('warmUp.lastOf', { shown: tries.length, total: count(total) })
                : t('warmUp.every')}
            </caption>
            <thead>
              <tr>
                <th scope="col">y</th>
                <th scope="col">x × y</th>
                <th scope="col">sha256(str(x × y))</th>
                <th scope="col">{t('warmUp.endsIn', { ending })}</th>
              </tr>
            </thead>
            <tbody>
              {tries.map((row) => (
                <tr key={row.y} className={row.ok ? 'warmup-hit' : undefined}>
                  <td>{row.y}</td>
                  <td className="mono">{row.text}</td>
                  <td>
                    <HashEnding hash={row.hash} ending={ending} />
                  </td>
                  <td className={row.ok ? 'ok' : 'bad'}>
                    {row.ok ? `✓ ${t('warmUp.yes')}` : `✗ ${t('warmUp.no')}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
