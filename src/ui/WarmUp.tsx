// The tutorial's warm-up puzzle as a step-through: the same search a miner does, small enough to follow by hand.
import { useId, useState } from 'react';
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
        Before the real puzzle, the tutorial warms up: pick <var>x</var>, then count <var>y</var> up from 0
        until the SHA-256 of the text of <var>x</var> × <var>y</var> ends in the target. Nobody can predict
        which <var>y</var> works — you can only try.
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
        <label htmlFor={`${id}-end`}>hash must end with</label>
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
          Try next y
        </button>
        <button
          type="button"
          className="primary"
          disabled={!parsed.ok || found !== null}
          onClick={() => parsed.ok && add(runFrom(parsed.value, total))}
        >
          Run to the answer
        </button>
        <button type="button" disabled={tries.length === 0} onClick={restart}>
          Start over
        </button>
      </div>
      <p aria-live="polite" className="warmup-status">
        {found ? (
          <>
            <strong className="ok">
              ✓ y = {found.y} after {count(total)} {total === 1 ? 'try' : 'tries'}:
            </strong>{' '}
            sha256("{found.text}") = <HashEnding hash={found.hash} ending={ending} full />
          </>
        ) : total > 0 ? (
          `Tried ${count(total)} value${total === 1 ? '' : 's'} of y (0 to ${count(total - 1)}); none ends in "${ending}" yet.${total >= MAX_RUN ? ' A run stops every 300 000 tries: press it again to go on.' : ''}`
        ) : (
          'No tries yet.'
        )}
      </p>
      {tries.length > 0 && (
        <div className="warmup-table-wrap">
          <table className="warmup-table">
            <caption className="muted">
              {total > tries.length
                ? `The last ${tries.length} of ${count(total)} tries`
                : 'Every try so far'}
            </caption>
            <thead>
              <tr>
                <th scope="col">y</th>
                <th scope="col">x × y</th>
                <th scope="col">sha256(str(x × y))</th>
                <th scope="col">ends in “{ending}”?</th>
              </tr>
            </thead>
            <tbody>
              {tries.map((t) => (
                <tr key={t.y} className={t.ok ? 'warmup-hit' : undefined}>
                  <td>{t.y}</td>
                  <td className="mono">{t.text}</td>
                  <td>
                    <HashEnding hash={t.hash} ending={ending} />
                  </td>
                  <td className={t.ok ? 'ok' : 'bad'}>{t.ok ? '✓ yes' : '✗ no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
