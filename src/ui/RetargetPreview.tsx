// Live under the difficulty slider: what Bitcoin's rule, LWMA and ASERT would set next, from the longest chain's
// recent block times and a target the student picks; "Use" moves the slider to that step.
import { useMemo, useState } from 'react';
import { useText } from '../i18n/useText';
import { longestChain } from './chartData';
import { useApp, useController } from './context';
import { count, duration } from './format';
import { useNetworkRate } from './networkRate';
import { retargetPreview, LIVE_WINDOW } from './retargetPreview';

/**
 * Folded by default. Its rows read the whole longest chain and every mined block and change with the network's
 * rate, several times a second with every node mining: they are worked out only while the section is open.
 */
export function RetargetPreview() {
  const { t } = useText();
  const [open, setOpen] = useState(false);
  // Kept here, so folding the section does not forget the target the student typed.
  const [target, setTarget] = useState('10');
  return (
    <details className="retarget-preview" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('retarget.title')}</summary>
      {open && <RetargetRules target={target} setTarget={setTarget} />}
    </details>
  );
}

function RetargetRules({ target, setTarget }: { target: string; setTarget: (target: string) => void }) {
  const { t } = useText();
  const controller = useController();
  const pow = useApp((s) => s.params.pow);
  const chain = useApp((s) => longestChain(s.nodes));
  const mined = useApp((s) => s.mined);
  const networkRate = useNetworkRate();
  const rows = useMemo(() => {
    const byHash = new Map(mined.map((m) => [m.hash as string, m.difficulty]));
    return retargetPreview(chain, (h) => byHash.get(h), pow, Number(target), networkRate);
  }, [chain, mined, pow, target, networkRate]);

  return (
    <>
      <label className="setting">
        {t('retarget.target')}
        <input
          type="number"
          min={0.1}
          step={0.1}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        />
      </label>
      {rows ? (
        <table className="retarget-table">
          <caption className="muted">{t('retarget.caption', { count: LIVE_WINDOW })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('retarget.rule')}</th>
              <th scope="col">{t('retarget.next')}</th>
              <th scope="col">{t('retarget.slider')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('retarget.apply')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.rule}>
                <th scope="row">{r.label}</th>
                <td className="mono">
                  {count(r.work)} (×{r.factor.toPrecision(2)})
                </td>
                <td className="mono">
                  {r.slider} ≈ {duration(r.seconds)}
                </td>
                <td>
                  <button
                    type="button"
                    className="link"
                    disabled={r.slider === pow.difficulty}
                    aria-label={t('retarget.useLabel', { rule: r.label, difficulty: r.slider })}
                    onClick={() =>
                      controller.dispatch({ type: 'set-params', patch: { pow: { difficulty: r.slider } } })
                    }
                  >
                    {t('retarget.use')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('retarget.notYet', { count: LIVE_WINDOW + 1 })}</p>
      )}
    </>
  );
}
