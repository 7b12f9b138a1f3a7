// The bug lab: each of the tutorial's flaws (docs/protocol.md "Known flaws of the tutorial node") as a
// switch, a paragraph on why it matters, and a "Show me" that runs the flaw's own scenario and says what
// happened. Misbehaving nodes (greedy, lying, copying a proof) act on the selected node.
import { useConfirmReplace } from './ConfirmReplace';
import { useState } from 'react';
import { useText } from '../i18n/useText';
import type { ParamsPatch, SimParams } from '../sim/params';
import { tutorialFaithful } from '../sim/params';
import { runLesson } from '../share/lessonRun';
import type { FlawPart } from '../lessons/flawTexts';
import type { Said } from '../lessons/said';
import { FLAW_PARTS } from '../lessons/scenarios';
import { useApp, useController, useSelectedNode } from './context';
import { nodeName } from './format';
import { ICON } from './icons';
import { flawNote, revealLine } from './lessonText';
import './Teaching.css';

interface Switch {
  /** True when the tutorial's flawed behaviour is on. */
  on(p: SimParams): boolean;
  set(p: SimParams, on: boolean): ParamsPatch;
}

const bits = (hex: number) => Math.min(40, hex * 4);
const hexes = (b: number) => Math.max(1, Math.min(8, Math.round(b / 4)));

const SWITCHES: Partial<Record<FlawPart, Switch>> = {
  'flaw-claimed-length': {
    on: (p) => p.flaws.trustClaimedLength,
    set: (_p, on) => ({ flaws: { trustClaimedLength: on } }),
  },
  // "Off" is the header rule, which binds the block's contents; one hex digit is four bits of work.
  'flaw-copied-proof': {
    on: (p) => p.pow.rule !== 'header',
    set: (p, on) =>
      on
        ? {
            pow: {
              rule: 'tutorial',
              difficulty: p.pow.rule === 'header' ? hexes(p.pow.difficulty) : p.pow.difficulty,
            },
          }
        : {
            pow: {
              rule: 'header',
              difficulty: p.pow.rule === 'header' ? p.pow.difficulty : bits(p.pow.difficulty),
            },
          },
  },
  'flaw-greedy-reward': {
    on: (p) => p.strictness === 'tutorial',
    set: (_p, on) => ({ strictness: on ? 'tutorial' : 'strict' }),
  },
  'flaw-mempool': {
    on: (p) => p.flaws.noMempoolReconcile,
    set: (_p, on) => ({ flaws: { noMempoolReconcile: on } }),
  },
  'flaw-no-timeout': {
    on: (p) => p.flaws.noTimeout,
    set: (_p, on) => ({ flaws: { noTimeout: on } }),
  },
};

function Flaw({ part }: { part: FlawPart }) {
  const { t } = useText();
  const controller = useController();
  const params = useApp((s) => s.params);
  // The run's sentences, translated as they are shown, so a change of language reaches them too.
  const [shown, setShown] = useState<readonly (Said | string)[] | null>(null);
  const note = flawNote(t, part);
  // Issue numbers, or the tutorial's function where the tracker has none: code, shown as written.
  const issues = note.issues.startsWith('#') ? note.issues : <code>{note.issues}</code>;
  const sw = SWITCHES[part];
  const { ask, dialog } = useConfirmReplace();
  const showMe = () =>
    ask(t('bugLab.showing'), () => {
      const run = runLesson(part);
      controller.pause();
      const r = controller.load(run.payload);
      setShown(r.ok ? run.reveal.lines : [`${r.error.message} (${r.error.code})`]);
    });
  return (
    <li>
      {sw ? (
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={sw.on(params)}
            onChange={(e) =>
              controller.dispatch({ type: 'set-params', patch: sw.set(params, e.target.checked) })
            }
          />
          {note.title} <span className="muted">({issues})</span>
        </label>
      ) : (
        <p className="switch">
          {note.title}{' '}
          <span className="muted">
            ({issues}) — {t('bugLab.builtIn')}
          </span>
        </p>
      )}
      <p>{note.paragraph}</p>
      <button type="button" onClick={showMe} aria-label={t('bugLab.showMeLabel', { title: note.title })}>
        {ICON.play} {t('bugLab.showMe')}
      </button>
      {dialog}
      {shown && (
        <ul className="reveal" aria-label={t('bugLab.whatHappened', { title: note.title })}>
          {shown.map((line, i) => (
            <li key={i}>{typeof line === 'string' ? line : revealLine(t, line)}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Misbehave() {
  const { t } = useText();
  const controller = useController();
  const node = useSelectedNode();
  const others = useApp((s) => s.nodes).filter((n) => n.id !== node?.id);
  const [from, setFrom] = useState('');
  if (!node) return null;
  const name = nodeName(node.id);
  const source = others.some((n) => n.id === from) ? from : (others[0]?.id ?? '');
  return (
    <fieldset>
      <legend>{t('bugLab.misbehave', { name })}</legend>
      <div className="row">
        <button
          type="button"
          onClick={() => controller.dispatch({ type: 'set-reward', node: node.id, amount: 1000 })}
        >
          {t('bugLab.greedy')}
        </button>
        <button
          type="button"
          onClick={() => controller.dispatch({ type: 'set-reward', node: node.id, amount: 1 })}
        >
          {t('bugLab.honest')}
        </button>
      </div>
      <div className="row">
        <button
          type="button"
          onClick={() => controller.dispatch({ type: 'claim-length', node: node.id, length: 1000 })}
        >
          {t('bugLab.claim')}
        </button>
        <button
          type="button"
          onClick={() => controller.dispatch({ type: 'claim-length', node: node.id, length: null })}
        >
          {t('bugLab.truth')}
        </button>
      </div>
      <div className="row">
        <label className="row">
          {t('bugLab.copyFrom')}
          <select value={source} onChange={(e) => setFrom(e.target.value)} disabled={others.length === 0}>
            {others.map((n) => (
              <option key={n.id} value={n.id}>
                {nodeName(n.id)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={source === ''}
          onClick={() => controller.dispatch({ type: 'copy-proof', node: node.id, from: source })}
        >
          {t('bugLab.copy')}
        </button>
      </div>
    </fieldset>
  );
}

export function BugLab() {
  const { t } = useText();
  const controller = useController();
  const params = useApp((s) => s.params);
  const all = (on: boolean) => {
    const faithful = tutorialFaithful(params);
    const patch: ParamsPatch = on
      ? {
          pow: faithful.pow,
          forkChoice: faithful.forkChoice,
          strictness: faithful.strictness,
          resolvePolicy: faithful.resolvePolicy,
          randomStart: faithful.randomStart,
          flaws: faithful.flaws,
        }
      : {
          ...(SWITCHES['flaw-copied-proof'] as Switch).set(params, false),
          strictness: 'strict',
          flaws: { trustClaimedLength: false, noTimeout: false, noMempoolReconcile: false },
        };
    controller.dispatch({ type: 'set-params', patch });
  };
  return (
    <section className="panel teaching buglab" aria-label={t('bugLab.title')}>
      <h2>{t('bugLab.title')}</h2>
      <p className="muted">{t('bugLab.intro')}</p>
      <div className="row">
        <button type="button" onClick={() => all(true)}>
          {t('bugLab.allOn')}
        </button>
        <button type="button" onClick={() => all(false)}>
          {t('bugLab.allOff')}
        </button>
      </div>
      <ul className="buglab-list">
        {FLAW_PARTS.map((part) => (
          <Flaw key={part} part={part} />
        ))}
      </ul>
      <Misbehave />
    </section>
  );
}
