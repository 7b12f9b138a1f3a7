// The difficulty control's two modes: a fixed difficulty (the slider), or a target block time that a retarget
// rule keeps from the blocks' timestamps (docs/protocol.md "Retargeting"). Retargeting needs the header rule, so
// choosing the target mode under a tutorial rule switches to the header rule at about the same work.
import { useState } from 'react';
import { Trans } from 'react-i18next';
import { DIFFICULTY_RANGE } from '../core/pow';
import type { RetargetAlgorithm } from '../core/retarget';
import { workOf, zeroBitsOf } from '../core/target';
import type { ParamsPatch } from '../sim/params';
import { RANGES } from '../sim/settings';
import { longestChain } from './chartData';
import { useText } from '../i18n/useText';
import { useApp, useController } from './context';
import { fixed } from '../i18n/numbers';
import { count, duration, rate } from './format';
import { useNetworkRate } from './networkRate';

const RULES: readonly Exclude<RetargetAlgorithm, 'none'>[] = ['bitcoin', 'lwma', 'asert'];

/** The first choice when the mode is switched on. */
const FIRST_RULE: RetargetAlgorithm = 'bitcoin';

/** Fixed difficulty or target block time. */
export function DifficultyMode() {
  const { t } = useText();
  const controller = useController();
  const pow = useApp((s) => s.params.pow);
  const retargeting = useApp((s) => s.params.retarget.algorithm !== 'none');
  const choose = (target: boolean) => {
    if (target === retargeting) return;
    const header = DIFFICULTY_RANGE.header;
    const patch: ParamsPatch = target
      ? {
          retarget: { algorithm: FIRST_RULE },
          // One hex digit is four bits: the same expected work under the header rule.
          ...(pow.rule === 'header'
            ? {}
            : { pow: { rule: 'header', difficulty: Math.min(header.max, pow.difficulty * 4) } }),
        }
      : { retarget: { algorithm: 'none' } };
    controller.dispatch({ type: 'set-params', patch });
  };
  return (
    <fieldset className="setting difficulty-mode">
      <legend>{t('targetTime.mode')}</legend>
      <label>
        <input type="radio" name="difficulty-mode" checked={!retargeting} onChange={() => choose(false)} />{' '}
        {t('targetTime.fixed')}
      </label>
      <label>
        <input type="radio" name="difficulty-mode" checked={retargeting} onChange={() => choose(true)} />{' '}
        {t('targetTime.target')}
      </label>
    </fieldset>
  );
}

/** A range that shows its draft while sliding and applies on release, like the difficulty slider. */
function CommitSlider(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  show: (v: number) => string;
  apply: (v: number) => void;
}) {
  const [draft, setDraft] = useState<number | null>(null);
  const commit = () => {
    if (draft !== null && draft !== props.value) props.apply(draft);
    setDraft(null);
  };
  const value = draft ?? props.value;
  return (
    <label className="setting">
      <span>
        {props.label}: <strong className="mono">{props.show(value)}</strong>
      </span>
      <input
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={value}
        onChange={(e) => setDraft(Number(e.target.value))}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
      />
    </label>
  );
}

/** The time a block takes at the network's rate against the target: it alone moves with the rate. */
function ExpectedAtTarget({ work, interval }: { work: number; interval: number }) {
  const { t } = useText();
  const networkRate = useNetworkRate();
  return (
    <Trans
      i18nKey="targetTime.expected"
      t={t}
      values={{
        rate: rate(networkRate),
        time: networkRate > 0 ? duration(work / networkRate) : t('settings.noMiner'),
        interval: duration(interval),
      }}
      components={{ b: <strong /> }}
    />
  );
}

/** Target block time, rule and its window or half-life, and the latest block's target. */
export function TargetTimeSetting() {
  const { t } = useText();
  const controller = useController();
  const retarget = useApp((s) => s.params.retarget);
  const startBits = useApp((s) => s.params.pow.difficulty);
  const tipBits = useApp((s) => {
    const chain = longestChain(s.nodes);
    return chain[chain.length - 1]?.bits;
  });
  const set = (patch: ParamsPatch['retarget']) =>
    controller.dispatch({ type: 'set-params', patch: { retarget: patch } });
  const work = tipBits !== undefined ? workOf(tipBits) : 2 ** startBits;
  const zeroBits = tipBits !== undefined ? zeroBitsOf(tipBits) : startBits;
  const windowRange = RANGES.retargetWindow;
  return (
    <>
      <label className="setting">
        {t('targetTime.rule')}
        <select
          value={retarget.algorithm}
          onChange={(e) => set({ algorithm: e.target.value as RetargetAlgorithm })}
        >
          {RULES.map((r) => (
            <option key={r} value={r}>
              {t(`targetTime.rules.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <CommitSlider
        label={t('targetTime.interval')}
        value={retarget.interval}
        min={1}
        max={120}
        step={1}
        show={(v) => `${v} s`}
        apply={(v) => set({ interval: v })}
      />
      {retarget.algorithm === 'asert' ? (
        <CommitSlider
          label={t('targetTime.halfLife')}
          value={retarget.halfLife}
          min={10}
          max={3600}
          step={10}
          show={(v) => `${v} s`}
          apply={(v) => set({ halfLife: v })}
        />
      ) : (
        <CommitSlider
          label={t('targetTime.window')}
          value={retarget.windowBlocks}
          min={windowRange.min}
          max={100}
          step={1}
          show={(v) => t('units.blocks', { count: v })}
          apply={(v) => set({ windowBlocks: v })}
        />
      )}
      {/* Live: the target the rule set. Not live: the time at the measured hash rate, which changes several times a
          second (SettingsPanel.tsx says the same). */}
      <p className="expect">
        <span aria-live="polite">
          <Trans
            i18nKey="targetTime.summary"
            t={t}
            values={{
              which: tipBits !== undefined ? t('targetTime.latest') : t('targetTime.starting'),
              bits: Number.isInteger(zeroBits) ? zeroBits : fixed(zeroBits, 2),
              attempts: count(Math.round(work)),
            }}
            components={{ b: <strong className="mono" /> }}
          />
        </span>
        <br />
        <ExpectedAtTarget work={work} interval={retarget.interval} />
      </p>
    </>
  );
}
