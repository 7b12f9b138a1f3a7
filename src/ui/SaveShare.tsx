// Save, share, export: a link that replays this run, files for a node's chain (the tutorial's GET /chain JSON,
// which the Python node accepts) and for the whole run, importing either back, autosave and "Start fresh".
import { useEffect, useRef, useState } from 'react';
import { i18n } from '../i18n/i18n';
import { useText } from '../i18n/useText';
import type { Failure } from '../core/errors';
import { shownDifficulty } from '../core/pow';
import type { Chain } from '../core/types';
import { browserStorage, discardKeptRun, keptRun, saveRun, type StorageLike } from '../share/autosave';
import { encodeLink } from '../share/link';
import { payloadText } from '../share/payload';
import { chainFileText, readFileText, readImportText, tutorialNodeRefusal } from '../share/runFile';
import type { SimParams } from '../sim/params';
import { useApp, useController } from './context';
import { duration, nodeName } from './format';
import { FailureText } from './FailureText';
import { ICON } from './icons';
import { startFresh } from './startFromLocation';
import './Teaching.css';

/** Seconds of wall time between autosaves (only when the run changed). */
const AUTOSAVE_EVERY = 5;

type Message = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: Failure };

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function useAutosave(storage: StorageLike | null): Message | null {
  const controller = useController();
  const [status, setStatus] = useState<Message | null>(null);
  const last = useRef('');
  useEffect(() => {
    if (!storage) return;
    const save = () => {
      const stamp = `${controller.recordedInputs()}@${controller.sim().now()}`;
      if (stamp === last.current) return;
      const r = saveRun(storage, controller.runPayload());
      last.current = stamp;
      setStatus(
        r.ok
          ? // i18n.t, not a hook's t: this runs from a timer and must use the language of that moment.
            { ok: true, text: i18n.t('saveShare.autosaved', { time: duration(controller.sim().now()) }) }
          : { ok: false, error: r.error },
      );
    };
    const timer = setInterval(save, AUTOSAVE_EVERY * 1000);
    window.addEventListener('pagehide', save);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', save);
    };
  }, [controller, storage]);
  return status;
}

function Status({ message }: { message: Message | null }) {
  if (!message) return null;
  return message.ok ? (
    <p className="message" role="status">
      {ICON.ok} {message.text}
    </p>
  ) : (
    <p className="message error" role="alert">
      {ICON.warn} <FailureText error={message.error} />
    </p>
  );
}

export interface SaveShareProps {
  /** Where autosave writes (default: localStorage, when the browser allows it). */
  readonly storage?: StorageLike | null;
  /** What "Start fresh" starts (default: the classroom). */
  readonly freshParams?: Partial<SimParams>;
}

export function SaveShare({ storage = browserStorage(), freshParams }: SaveShareProps) {
  const { t } = useText();
  const controller = useController();
  // The selected node's id only, its chain read at the click: the node's view changes with each of its blocks,
  // and re-rendering this panel each time rewrote its inputs.
  const nodeId = useApp((s) => (s.nodes.some((n) => n.id === s.selected) ? s.selected : null));
  const selectedNode = () => controller.store.getState().nodes.find((n) => n.id === nodeId);
  const playing = useApp((s) => s.playing);
  const [link, setLink] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const [refusal, setRefusal] = useState<Failure | null>(null);
  const autosave = useAutosave(storage);
  const [kept, setKept] = useState(() => (storage ? keptRun(storage) : null));
  const say = (text: string) => setMessage({ ok: true, text });
  const fail = (error: Failure) => setMessage({ ok: false, error });

  const share = async () => {
    // Shared while an earlier moment is shown, the link opens there ("&t=…").
    const encoded = await encodeLink(controller.runPayload(), controller.store.getState().timeline.moment);
    if (!encoded.ok) return fail(encoded.error);
    const url = `${location.origin}${location.pathname}${location.search}${encoded.value}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      say(t('saveShare.copied', { count: url.length }));
    } catch {
      say(t('saveShare.linkReady'));
    }
  };
  const exportChain = (anyway = false) => {
    setRefusal(null);
    const node = selectedNode();
    if (!node) return;
    const text = chainFileText(node.chain);
    if (!text.ok) return fail(text.error);
    // Said before writing: a file that only Chainlab would read is a surprise at the Python node.
    const refusal = anyway ? null : tutorialNodeRefusal(node.chain);
    if (refusal) {
      setMessage(null);
      return setRefusal(refusal);
    }
    download(`${node.id}-chain.json`, text.value);
    say(t('saveShare.exportedChain', { name: nodeName(node.id), count: node.chain.length }));
  };
  const exportRun = () => {
    download('chainlab-run.json', payloadText(controller.runPayload()));
    say(t('saveShare.exportedRun'));
  };
  const importFile = async (file: File) => {
    const text = await readFileText(file);
    const read = text.ok ? readImportText(text.value) : text;
    if (!read.ok) return fail(read.error);
    if (read.value.kind === 'run') {
      const r = controller.load(read.value.payload);
      return r.ok ? say(t('saveShare.opened', { file: file.name })) : fail(r.error);
    }
    const node = selectedNode();
    if (!node) return fail({ code: 'E_NO_SUCH_NODE', message: t('saveShare.selectNode') });
    const chain = read.value.chain;
    const r = controller.dispatch({ type: 'load-chain', node: node.id, chain, judge: 'shown' });
    if (!r.ok) return fail(r.error);
    say(
      t('saveShare.loaded', { name: nodeName(node.id), count: chain.length, file: file.name }) +
        judgedAt(chain),
    );
  };
  /** Imports are judged at the difficulty their blocks show (src/sim/apply.ts importValidation): say so. */
  const judgedAt = (chain: Chain): string => {
    const pow = controller.sim().params().pow;
    const shown = shownDifficulty(pow.rule, chain);
    if (shown === null) return '';
    const here =
      shown === pow.difficulty ? '' : ` ${t('saveShare.otherDifficulty', { here: pow.difficulty, shown })}`;
    return ` ${t('saveShare.judgedAt', { shown })}${here}`;
  };

  return (
    <section className="panel teaching save-share" aria-label={t('saveShare.title')}>
      <h2>{t('saveShare.title')}</h2>
      <p className="muted">{t('saveShare.intro')}</p>
      <div className="row">
        <button type="button" className="primary" onClick={() => void share()}>
          {ICON.link} {t('saveShare.copy')}
        </button>
        <button type="button" disabled={!nodeId} onClick={() => exportChain()}>
          {nodeId ? t('saveShare.exportChainOf', { name: nodeName(nodeId) }) : t('saveShare.exportChain')}
        </button>
        <button type="button" onClick={exportRun}>
          {t('saveShare.exportRun')}
        </button>
      </div>
      {refusal && (
        <div className="message error" role="alert">
          <p>
            {ICON.warn} {t('saveShare.refused')} <FailureText error={refusal} />
          </p>
          <div className="row">
            <button type="button" onClick={() => exportChain(true)}>
              {t('saveShare.anyway')}
            </button>
            <button type="button" onClick={() => setRefusal(null)}>
              {t('saveShare.cancel')}
            </button>
          </div>
        </div>
      )}
      {link && (
        <label className="field">
          {t('saveShare.link')}
          <input type="text" readOnly className="link-box" value={link} onFocus={(e) => e.target.select()} />
        </label>
      )}
      <label className="field">
        {t('saveShare.import', { name: nodeId ? nodeName(nodeId) : t('saveShare.selectedNode') })}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
      <div className="row">
        <button
          type="button"
          onClick={() => {
            startFresh(controller, storage, freshParams);
            setLink('');
            say(t('saveShare.startedFresh'));
          }}
        >
          {ICON.auto} {t('saveShare.fresh')}
        </button>
        {!playing && <span className="muted">{t('saveShare.paused')}</span>}
      </div>
      {kept !== null && (
        <div className="row" role="group" aria-label={t('saveShare.keptLabel')}>
          <span className="muted">{t('saveShare.kept')}</span>
          <button type="button" onClick={() => download('chainlab-kept-run.json', kept)}>
            {t('saveShare.downloadKept')}
          </button>
          <button
            type="button"
            onClick={() => {
              if (storage) discardKeptRun(storage);
              setKept(null);
            }}
          >
            {t('saveShare.discard')}
          </button>
        </div>
      )}
      <Status message={message} />
      {storage ? <Status message={autosave} /> : <p className="muted">{t('saveShare.noStorage')}</p>}
    </section>
  );
}
