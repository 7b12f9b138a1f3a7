import { useId, useMemo, useRef, useState } from 'react';
import { hashBlock } from '../core/block';
import type { Transaction } from '../core/types';
import { AbandonedBlocks } from './AbandonedBlocks';
import { BlockList, type BlockListHandle, type Editing } from './BlockList';
import { ChainCompare } from './ChainCompare';
import { ChainStatus } from './ChainStatus';
import { createChainChecker } from './chainView';
import { useApp, useAppShallow, useController, useSelectedNode } from './context';
import { nodeName } from './format';
import { HostChain } from './RealNodes';
import './ChainPanel.css';

/** The block a student edited, remembered by its new hash so the note disappears once the block is replaced. */
interface Edited {
  readonly node: string;
  readonly blockNumber: number;
  readonly hash: string;
}

function NodePicker({ selected }: { selected: string }) {
  const controller = useController();
  const group = useId();
  const ids = useAppShallow((s) => s.nodes.map((n) => n.id));
  const lengths = useAppShallow((s) => s.nodes.map((n) => n.chain.length));
  const hosts = useAppShallow((s) => s.hosts.map((h) => h.address));
  const hostLengths = useAppShallow((s) => s.hosts.map((h) => h.chain?.length ?? null));
  return (
    <fieldset className="node-pick">
      <legend className="visually-hidden">Show the chain of</legend>
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
            {nodeName(id)} <span className="muted">· {length} blocks</span>
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
          <span className="muted">· real{hostLengths[i] === null ? '' : ` · ${hostLengths[i]} blocks`}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** One node's chain as cards, with tampering, re-mining, abandoned blocks and an optional side-by-side view. */
export function ChainPanel() {
  const controller = useController();
  const node = useSelectedNode();
  const params = useApp((s) => s.params);
  const [compare, setCompare] = useState(false);
  const [editing, setEditing] = useState<(Editing & { node: string }) | null>(null);
  const [edited, setEdited] = useState<Edited | null>(null);
  const [checker] = useState(createChainChecker);
  const list = useRef<BlockListHandle>(null);

  // The store's params say which rule is in force; the simulation adds the difficulty each block had to meet.
  const opts = useMemo(
    () => ({ ...controller.sim().validation(), pow: params.pow, strictness: params.strictness }),
    [controller, params],
  );
  const chain = node?.chain;
  const firstFault = useMemo(() => (chain ? checker(chain, opts) : null), [checker, chain, opts]);
  const host = useApp((s) => s.hosts.find((h) => h.address === s.selected));

  if (host)
    return (
      <section className="panel chain-panel" aria-label="Chain">
        <h2>
          Chain — <span className="mono">{host.address}</span> (real node)
        </h2>
        <div className="row chain-tools">
          <NodePicker selected={host.address} />
        </div>
        <HostChain host={host} />
      </section>
    );

  if (!node || !chain)
    return (
      <section className="panel chain-panel" aria-label="Chain">
        <h2>Chain</h2>
        <p className="muted">No nodes yet: add one to see its chain.</p>
      </section>
    );

  const apply = (e: Editing, patch: Partial<Transaction>) => {
    const r = controller.dispatch({ type: 'tamper', node: node.id, ...e, tx: patch });
    if (!r.ok) return;
    setEditing(null);
    const after = controller.store.getState().nodes.find((n) => n.id === node.id)?.chain[e.blockNumber - 1];
    setEdited(after ? { node: node.id, blockNumber: e.blockNumber, hash: hashBlock(after) } : null);
    list.current?.focusBlock(e.blockNumber);
  };
  const editedBlock = edited && edited.node === node.id ? chain[edited.blockNumber - 1] : undefined;
  const editedNumber = editedBlock && hashBlock(editedBlock) === edited?.hash ? edited.blockNumber : null;

  return (
    <section className="panel chain-panel" aria-label="Chain">
      <h2>Chain — {nodeName(node.id)}</h2>
      <div className="row chain-tools">
        <NodePicker selected={node.id} />
        <button type="button" aria-pressed={compare} onClick={() => setCompare(!compare)}>
          Compare side by side
        </button>
      </div>
      {compare && <ChainCompare />}
      <ChainStatus
        node={node.id}
        chain={chain}
        firstFault={firstFault}
        opts={opts}
        edited={editedNumber}
        onShowBlock={(n) => list.current?.showBlock(n)}
      />
      <p className="muted chain-hint">
        {chain.length} blocks, newest first. Edit a transaction to see what tampering breaks.
      </p>
      <BlockList
        ref={list}
        chain={chain}
        firstFault={firstFault}
        opts={opts}
        editing={editing?.node === node.id ? editing : null}
        onEdit={(e) => {
          // Closing the editor removes the focused field: put focus back on the block it belonged to.
          if (!e && editing) list.current?.focusBlock(editing.blockNumber);
          setEditing(e ? { ...e, node: node.id } : null);
        }}
        onApply={apply}
      />
      <AbandonedBlocks key={node.id} blocks={node.abandoned} />
    </section>
  );
}
