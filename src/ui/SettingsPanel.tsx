import { useState } from 'react';
import { useText } from '../i18n/useText';
import { DIFFICULTY_RANGE, expectedAttempts, type ProofRule } from '../core/pow';
import type { ForkChoice } from '../core/consensus';
import type { ResolvePolicy } from '../sim/params';
import { useApp, useController } from './context';
import { useNetworkRate } from './networkRate';
import { count, duration, rate } from './format';
import { RetargetPreview } from './RetargetPreview';
import { DifficultyMode, TargetTimeSetting } from './TargetTimeSetting';
import './SettingsPanel.css';

/** The expected time to a block at the network's rate: a child of its own, the one part that moves with it. */
function ExpectedTime({ attempts }: { attempts: number }) {
  const { t } = useText();
  const networkRate = useNetworkRate();
  return (
    <>
      {t('settings.expectedTime', { rate: rate(networkRate) })}{' '}
      <strong>{networkRate > 0 ? duration(attempts / networkRate) : t('settings.noMiner')}</strong>
    </>
  );
}

/** A labelled range from 0 to `max` whose value is shown beside its name. */
function NetSlider(props: {
  label: string;
  value: number;
  unit: string;
  max: number;
  step: number;
  onChange: (value: number) => void;
}) {
  return (
    <label className="setting">
      <span>
        {props.label}:{' '}
        <strong className="mono">
          {props.value} {props.unit}
        </strong>
      </span>
      <input
        type="range"
        min={0}
        max={props.max}
        step={props.step}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
    </label>
  );
}

/** Difficulty (with expected attempts and time while you slide), rule, fork choice, resolve policy, network. */
export function SettingsPanel() {
  const { t } = useText();
  const controller = useController();
  const params = useApp((s) => s.params);
  const retargeting = params.retarget.algorithm !== 'none';
  const [draft, setDraft] = useState<number | null>(null);
  const range = DIFFICULTY_RANGE[params.pow.rule];
  const difficulty = draft ?? params.pow.difficulty;
  const attempts = expectedAttempts({ ...params.pow, difficulty });
  const unit = params.pow.rule === 'header' ? t('settings.unitBits') : t('settings.unitHex');
  const commit = () => {
    if (draft !== null && draft !== params.pow.difficulty)
      controller.dispatch({ type: 'set-params', patch: { pow: { difficulty: draft } } });
    setDraft(null);
  };
  const setRule = (rule: ProofRule) => {
    const r = DIFFICULTY_RANGE[rule];
    // Keep the expected work about the same: one hex digit is four bits.
    const d = rule === 'header' ? params.pow.difficulty * 4 : Math.round(params.pow.difficulty / 4);
    controller.dispatch({
      type: 'set-params',
      patch: {
        pow: {
          rule,
          difficulty: Math.min(r.max, Math.max(r.min, params.pow.rule === rule ? params.pow.difficulty : d)),
        },
        // A tutorial rule counts whole hex zeros, so it cannot be retargeted: back to the fixed difficulty.
        ...(rule !== 'header' && retargeting ? { retarget: { algorithm: 'none' as const } } : {}),
      },
    });
  };
  return (
    <section className="panel settings" aria-label={t('settings.title')}>
      <h2>{t('settings.title')}</h2>
      <DifficultyMode />
      {retargeting && <TargetTimeSetting />}
      <label className="setting" hidden={retargeting}>
        <span>
          {t('settings.difficulty')} <strong className="mono">{difficulty}</strong> {unit}
        </span>
        <input
          type="range"
          min={range.min}
          max={range.max}
          value={difficulty}
          onChange={(e) => setDraft(Number(e.target.value))}
          onPointerUp={commit}
          onKeyUp={commit}
          onBlur={commit}
        />
      </label>
      {/* Only what the slider changes is live: the time depends on the measured hash rate, which changes several
          times a second, and a live region would read it out each time. */}
      <p className="expect" hidden={retargeting}>
        <span aria-live="polite">
          {t('settings.expectedAttempts')} <strong className="mono">{count(attempts)}</strong>
          {draft !== null && draft !== params.pow.difficulty && (
            <span className="muted"> {t('settings.release')}</span>
          )}
        </span>
        <br />
        <ExpectedTime attempts={attempts} />
      </p>
      <RetargetPreview />
      <label className="setting">
        {t('settings.rule')}
        <select value={params.pow.rule} onChange={(e) => setRule(e.target.value as ProofRule)}>
          <option value="tutorial">
            {t('settings.ruleTutorial', { formula: 'sha256(last_proof, proof, last_hash)' })}
          </option>
          <option value="tutorial-original">{t('settings.ruleOriginal')}</option>
          <option value="header">{t('settings.ruleHeader')}</option>
        </select>
      </label>
      <label className="setting">
        {t('settings.forkChoice')}
        <select
          value={params.forkChoice}
          onChange={(e) =>
            controller.dispatch({ type: 'set-params', patch: { forkChoice: e.target.value as ForkChoice } })
          }
        >
          <option value="longest">{t('settings.longest')}</option>
          <option value="most-work">{t('settings.mostWork')}</option>
        </select>
      </label>
      <label className="setting">
        {t('settings.policy')}
        <select
          value={params.resolvePolicy}
          onChange={(e) =>
            controller.dispatch({
              type: 'set-params',
              patch: { resolvePolicy: e.target.value as ResolvePolicy },
            })
          }
        >
          <option value="manual">{t('settings.policyManual')}</option>
          <option value="on-announce">{t('settings.policyAnnounce')}</option>
          <option value="relay">{t('settings.policyRelay')}</option>
          <option value="periodic">
            {t('settings.policyPeriodic', { seconds: params.resolveInterval })}
          </option>
        </select>
      </label>
      <NetSlider
        label={t('settings.latency')}
        value={Math.round(params.net.latency * 1000)}
        unit="ms"
        max={2000}
        step={50}
        onChange={(v) => controller.dispatch({ type: 'set-params', patch: { net: { latency: v / 1000 } } })}
      />
      <NetSlider
        label={t('settings.loss')}
        value={Math.round(params.net.loss * 100)}
        unit="%"
        max={100}
        step={5}
        onChange={(v) => controller.dispatch({ type: 'set-params', patch: { net: { loss: v / 100 } } })}
      />
    </section>
  );
}
