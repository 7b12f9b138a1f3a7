import { useState } from 'react';
import { DIFFICULTY_RANGE, expectedAttempts, type ProofRule } from '../core/pow';
import type { ForkChoice } from '../core/consensus';
import type { ResolvePolicy } from '../sim/params';
import { useApp, useController } from './context';
import { count, duration, rate } from './format';
import { RetargetPreview } from './RetargetPreview';
import './SettingsPanel.css';

/** The network's hash rate right now: measured by the miners when they report it, else the simulated rate. */
function useNetworkRate(): number {
  return useApp((s) => {
    const measured = s.nodes.reduce((sum, n) => sum + (s.progress[n.id]?.rate ?? 0), 0);
    const simulated = s.nodes
      .filter((n) => n.mining)
      .reduce((sum, n) => sum + s.params.hashRate * n.share, 0);
    return measured > 0 ? measured : simulated;
  });
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
  const controller = useController();
  const params = useApp((s) => s.params);
  const networkRate = useNetworkRate();
  const [draft, setDraft] = useState<number | null>(null);
  const range = DIFFICULTY_RANGE[params.pow.rule];
  const difficulty = draft ?? params.pow.difficulty;
  const attempts = expectedAttempts({ ...params.pow, difficulty });
  const unit = params.pow.rule === 'header' ? 'leading zero bits' : 'leading zero hex digits';
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
      },
    });
  };
  return (
    <section className="panel settings" aria-label="Settings">
      <h2>Settings</h2>
      <label className="setting">
        <span>
          Difficulty: <strong className="mono">{difficulty}</strong> {unit}
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
      <p className="expect" aria-live="polite">
        Expected attempts per block: <strong className="mono">{count(attempts)}</strong>
        <br />
        Expected time per block at {rate(networkRate)}:{' '}
        <strong>{networkRate > 0 ? duration(attempts / networkRate) : 'no node is mining'}</strong>
        {draft !== null && draft !== params.pow.difficulty && (
          <span className="muted"> (release to apply)</span>
        )}
      </p>
      <RetargetPreview networkRate={networkRate} />
      <label className="setting">
        Proof rule
        <select value={params.pow.rule} onChange={(e) => setRule(e.target.value as ProofRule)}>
          <option value="tutorial">tutorial — sha256(last_proof, proof, last_hash)</option>
          <option value="tutorial-original">tutorial (original article, no last_hash)</option>
          <option value="header">header — Bitcoin-style, bits</option>
        </select>
      </label>
      <label className="setting">
        Fork choice
        <select
          value={params.forkChoice}
          onChange={(e) =>
            controller.dispatch({ type: 'set-params', patch: { forkChoice: e.target.value as ForkChoice } })
          }
        >
          <option value="longest">longest valid chain (tutorial)</option>
          <option value="most-work">most work</option>
        </select>
      </label>
      <label className="setting">
        Resolve policy
        <select
          value={params.resolvePolicy}
          onChange={(e) =>
            controller.dispatch({
              type: 'set-params',
              patch: { resolvePolicy: e.target.value as ResolvePolicy },
            })
          }
        >
          <option value="manual">manual — only when you press Resolve (tutorial)</option>
          <option value="on-announce">on announce — a miner tells its peers</option>
          <option value="relay">relay — a miner sends its block to its peers</option>
          <option value="periodic">periodic — every {params.resolveInterval} s</option>
        </select>
      </label>
      <NetSlider
        label="Latency"
        value={Math.round(params.net.latency * 1000)}
        unit="ms"
        max={2000}
        step={50}
        onChange={(v) => controller.dispatch({ type: 'set-params', patch: { net: { latency: v / 1000 } } })}
      />
      <NetSlider
        label="Message loss"
        value={Math.round(params.net.loss * 100)}
        unit="%"
        max={100}
        step={5}
        onChange={(v) => controller.dispatch({ type: 'set-params', patch: { net: { loss: v / 100 } } })}
      />
    </section>
  );
}
