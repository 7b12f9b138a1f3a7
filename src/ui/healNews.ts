// What a heal did, in words a class can follow: which chain every node now follows and why it won
// (docs/protocol.md "Fork choice": the longest valid chain wins, a tie keeps each node on its own chain).
import { hashBlock } from '../core/block';
import type { Block, Chain } from '../core/types';
import { i18n } from '../i18n/i18n';
import { blocks, nodeName } from './format';

/** One node's chain as a fork choice sees it: how long, and which block it ends in. */
export interface Tip {
  readonly node: string;
  readonly length: number;
  readonly tip: string;
}

export function tipOf(node: string, chain: Chain): Tip {
  return { node, length: chain.length, tip: hashBlock(chain[chain.length - 1] as Block) };
}

/** Nodes that follow the same tip; the longest branch first (ties: the one whose first node comes first). */
export interface Branch {
  readonly tip: string;
  readonly length: number;
  readonly nodes: readonly string[];
}

export function branchesOf(tips: readonly Tip[]): Branch[] {
  const byTip = new Map<string, { tip: string; length: number; nodes: string[] }>();
  for (const t of tips) {
    const b = byTip.get(t.tip);
    if (b) b.nodes.push(t.node);
    else byTip.set(t.tip, { tip: t.tip, length: t.length, nodes: [t.node] });
  }
  return [...byTip.values()].sort((a, b) => b.length - a.length);
}

/** "Alice", "Alice and Bob", "Alice, Bob and Carol" in the reader's language. */
const list = (items: readonly string[]) =>
  items.length <= 1
    ? (items[0] ?? '')
    : i18n.t('resolve.and', { rest: items.slice(0, -1).join(', '), last: items.at(-1) });

const names = (ids: readonly string[]) => list(ids.map(nodeName));

/**
 * The announcement once every node has resolved after a heal: `before` is each node's chain as the partition
 * ended, `after` once the resolves are done.
 */
export function healNews(before: readonly Tip[], after: readonly Tip[]): string {
  const was = branchesOf(before);
  const now = branchesOf(after);
  const top = now[0];
  const t = i18n.t;
  if (!top) return t('heal.none');
  if (was.length <= 1 && now.length === 1) return t('heal.same', { blocks: blocks(top.length) });
  const tied = now.filter((b) => b.length === top.length);
  if (tied.length > 1)
    return t('heal.tied', { sides: list(tied.map((b) => `${names(b.nodes)} (${blocks(b.length)})`)) });
  // Whose chain won: a node that already held the winning tip when the partition ended.
  const owners = before.filter((o) => o.tip === top.tip).map((o) => o.node);
  const winner = owners.length > 0 ? t('heal.chainOf', { names: names(owners) }) : t('heal.newer');
  const losers = was.filter((b) => b.tip !== top.tip);
  const against =
    losers.length > 0
      ? t('heal.against', {
          list: list(losers.map((b) => t('heal.loser', { names: names(b.nodes), n: b.length }))),
        })
      : '';
  const holdouts = now.slice(1).flatMap((b) => b.nodes);
  const rest =
    holdouts.length > 0
      ? t('heal.holdouts', { names: names(holdouts), count: holdouts.length })
      : t('heal.allFollow');
  return t('heal.won', { winner, blocks: blocks(top.length), against, rest });
}
