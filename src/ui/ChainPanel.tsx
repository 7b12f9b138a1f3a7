import { useEffect, useId, useMemo, useRef, useState, type Ref } from 'react';
import { hashBlock } from '../core/block';
import type { Transaction } from '../core/types';
import { useText } from '../i18n/useText';
import type { SimEvent } from '../sim/events';
import { AbandonedBlocks } from './AbandonedBlocks';
import { BlockList, type BlockListHandle, type Editing } from './BlockList';
import { ChainCompare } from './ChainCompare';
import { ChainStatus } from './ChainStatus';
import { createChainChecker } from './chainView';
import { useApp, useAppShallow, useController, useSelectedNode } from './context';
import { blocks, nodeName } from './format';
import { peerName } from './peerName';
import { HostChain } from './HostChain';
import './ChainPanel.css';

type ChainReplaced = Extract<SimEvent, { type: 'chain-replaced' }>;

/** The block a student edited, remembered by its new hash so the note disappears once the block is replaced. */
interface Edited {
  readonly node: string;
  readonly blockNumber: number;
  readonly hash: string;
  /** Virtual time of the edit: a chain-replaced event after it means the network overwrote the edit. */
  readonly at: number;
}

function NodePicker({ selected }: { selected: string }) {
  const { t } = useText();
  const controller = useController();
  const group = useId();
  const ids = useAppShallow((s) => s.nodes.map((n) => n.id));
  const lengths = useAppShallow((s) => s.nodes.map((n) => n.chain.length));
  const hosts = useAppShallow((s) => s.hosts.map((h) => h.address));
  const hostLengths = useAppShallow((s) => s.hosts.map((h) => h.chain?.length ?? null));
  return (
    <fieldset className="node-pick">
      <legend className="visually-hidden">{t('chain.showOf')}</legend>
      {ids.map((id, i) => {
        const length = lengths[i];
        return (
          <label key={id} className={id === selected ? 'on' : undefined}>
            <input
              type="radio"
              name={group}
              checked={id === selected}
              onChange={() => controller.select(id)}
            />{' '}
            {nodeName(id)} <span className="muted">· {blocks(length ?? 0)}</span>
          </label>
        );
      })}
      {hosts.map((address, i) => (
        <label key={address} className={address === selected ? 'on' : undefined}>
          <input
            type="radio"
            name={group}
            checked={address === selected}
            onChange={() => controller.select(address)}
          />{' '}
          <span className="mono">{address}</span>{' '}
          <span className="muted">
            · {t('chain.real')}
            {hostLengths[i] === null ? '' : ` · ${blocks(hostLengths[i] ?? 0)}`}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The network overwrote an edited chain: whose chain replaced it, and the rule that made it win. */
function ReplacedNote({
  event,
  editedBlock,
  ref,
}: {
  event: ChainReplaced;
  editedBlock: number;
  ref?: Ref<HTMLParagraphElement>;
}) {
  const { t } = useText();
  return (
    <p ref={ref} className="banner" role="status">
      {t('chain.replaced', {
        who: nodeName(event.node),
        block: editedBlock,
        peer: peerName(event.from),
        newBlocks: blocks(event.newLength),
        oldBlocks: blocks(event.oldLength),
      })}
    </p>
  );
}

/** One node's chain as cards, with tampering, re-mining, abandoned blocks and an optional side-by-side view. */
export function ChainPanel() {
  const { t } = useText();
  const controller = useController();
  const node = useSelectedNode();
  const params = useApp((s) => s.params);
  const [compare, setCompare] = useState(false);
  const [editing, setEditing] = useState<(Editing & { node: string }) | null>(null);
  const [edited, setEdited] = useState<Edited | null>(null);
  const [checker] = useState(createChainChecker);
  const list = useRef<BlockListHandle>(null);
  const status = useRef<HTMLDivElement>(null);
  const replacedNote = useRef<HTMLParagraphElement>(null);
  // Bumped by each applied edit: the verdict it caused is then brought into view (see the effect below).
  const [applied, setApplied] = useState(0);
  // Editing must not race the network (a block arriving 1–6 s later would silently replace the edit): opening
  // Edit pauses the run, and a banner says so until Play.
  const playing = useApp((s) => s.playing);
  const [pausedForEdit, setPausedForEdit] = useState(false);
  const replaced = useApp((s) =>
    edited
      ? [...s.txEvents]
          .reverse()
          .find((e) => e.type === 'chain-replaced' && e.node === edited.node && e.at >= edited.at)
      : undefined,
  );

  // The store's params say which rule is in force; the simulation adds the difficulty each block had to meet.
  const opts = useMemo(
    () => ({ ...controller.sim().validation(), pow: params.pow, strictness: params.strictness }),
    [controller, params],
  );
  const chain = node?.chain;
  const firstFault = useMemo(() => (chain ? checker(chain, opts) : null), [checker, chain, opts]);
  const host = useApp((s) => s.hosts.find((h) => h.address === s.selected));
  const selected = node?.id;

  // The column keeps its scroll position while the editor closes, so the verdict, the broken rule and Re-mine
  // could sit above what the student sees. After Apply, focus moves to the status (it says what broke; Tab
  // reaches Re-mine next) and the column scrolls just enough to show it.
  useEffect(() => {
    if (applied === 0) return;
    status.current?.focus({ preventScroll: true });
    status.current?.scrollIntoView({ block: 'nearest' });
  }, [applied]);

  // Once per edit: when the network overwrites it, show why, but only if the student is still on that chain and
  // not editing again (the note is a status, read out anyway; focus stays where it is).
  const revealedFor = useRef<Edited | null>(null);
  useEffect(() => {
    if (!replaced || !edited || revealedFor.current === edited) return;
    revealedFor.current = edited;
    if (selected === edited.node && !editing) replacedNote.current?.scrollIntoView({ block: 'nearest' });
  }, [replaced, edited, selected, editing]);

  if (host)
    return (
      <section className="panel chain-panel" aria-label={t('chain.title')}>
        <h2>
          {t('chain.title')} — <span className="mono">{host.address}</span> ({t('realNodes.real')})
        </h2>
        <div className="row chain-tools">
          <NodePicker selected={host.address} />
        </div>
        <HostChain host={host} />
      </section>
    );

  if (!node || !chain)
    return (
      <section className="panel chain-panel" aria-label={t('chain.title')}>
        <h2>{t('chain.title')}</h2>
        <p className="muted">{t('chain.noNodes')}</p>
      </section>
    );

  const apply = (e: Editing, patch: Partial<Transaction>) => {
    const r = controller.dispatch({ type: 'tamper', node: node.id, ...e, tx: patch });
    if (!r.ok) return;
    setEditing(null);
    const after = controller.store.getState().nodes.find((n) => n.id === node.id)?.chain[e.blockNumber - 1];
    setEdited(
      after
        ? { node: node.id, blockNumber: e.blockNumber, hash: hashBlock(after), at: controller.sim().now() }
        : null,
    );
    setApplied((n) => n + 1);
  };
  const editedBlock = edited && edited.node === node.id ? chain[edited.blockNumber - 1] : undefined;
  const editedNumber = editedBlock && hashBlock(editedBlock) === edited?.hash ? edited.blockNumber : null;

  return (
    <section className="panel chain-panel" aria-label={t('chain.title')}>
      <h2>
        {t('chain.title')} — {nodeName(node.id)}
      </h2>
      <div className="row chain-tools">
        <NodePicker selected={node.id} />
        <button type="button" aria-pressed={compare} onClick={() => setCompare(!compare)}>
          {t('chain.compare')}
        </button>
      </div>
      {compare && <ChainCompare />}
      {pausedForEdit && !playing && (
        <p className="banner" role="status">
          {t('chain.pausedForEdit')}
        </p>
      )}
      {replaced?.type === 'chain-replaced' && edited && (
        <ReplacedNote ref={replacedNote} event={replaced} editedBlock={edited.blockNumber} />
      )}
      <ChainStatus
        ref={status}
        node={node.id}
        chain={chain}
        firstFault={firstFault}
        opts={opts}
        edited={editedNumber}
        onShowBlock={(n) => list.current?.showBlock(n)}
      />
      <p className="muted chain-hint">{t('chain.hint', { blocks: blocks(chain.length) })}</p>
      <BlockList
        ref={list}
        chain={chain}
        firstFault={firstFault}
        opts={opts}
        editing={editing?.node === node.id ? editing : null}
        onEdit={(e) => {
          // Closing the editor removes the focused field: put focus back on the block it belonged to.
          if (!e && editing) list.current?.focusBlock(editing.blockNumber);
          if (e && controller.store.getState().playing) {
            controller.pause();
            setPausedForEdit(true);
          }
          setEditing(e ? { ...e, node: node.id } : null);
        }}
        onApply={apply}
      />
      <AbandonedBlocks key={node.id} blocks={node.abandoned} />
    </section>
  );
}
