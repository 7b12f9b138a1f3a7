// Which branch each node of the class follows, for the teacher's screen: nodes whose tips lie on one chain
// follow one branch, however far behind; a node whose tip is on no longer node's chain heads a branch of its
// own. Read from what nodes report (their tip and the hashes just before it, messages.ts NodeStatus), so a
// node more than a few blocks behind shows as its own branch until it catches up.
import type { NodeStatus } from './messages';

export interface Branch {
  /** "A", "B" …: the longest branch first. */
  readonly label: string;
  readonly height: number;
  readonly tip: string;
  /** Names of the nodes on it, the head first. */
  readonly nodes: readonly string[];
}

export interface Placed {
  readonly branch: string;
  /** Blocks behind the branch's head. */
  readonly behind: number;
}

export function branchesOf(nodes: readonly (NodeStatus & { readonly name: string })[]): {
  branches: Branch[];
  placed: Map<string, Placed>;
} {
  const byHeight = [...nodes].sort((a, b) => b.height - a.height || a.name.localeCompare(b.name));
  const heads: { head: NodeStatus & { name: string }; members: string[] }[] = [];
  const placed = new Map<string, Placed>();
  for (const n of byHeight) {
    const on = heads.find(({ head }) => head.tip === n.tip || head.recent.includes(n.tip));
    if (on) {
      on.members.push(n.name);
      placed.set(n.name, { branch: '', behind: on.head.height - n.height });
    } else {
      heads.push({ head: n, members: [n.name] });
      placed.set(n.name, { branch: '', behind: 0 });
    }
  }
  const branches = heads.map(({ head, members }, i) => ({
    label: labelOf(i),
    height: head.height,
    tip: head.tip,
    nodes: members,
  }));
  for (const b of branches)
    for (const name of b.nodes) {
      const p = placed.get(name) as Placed;
      placed.set(name, { ...p, branch: b.label });
    }
  return { branches, placed };
}

/** A … Z, then A2, B2 … */
const labelOf = (i: number) =>
  String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(1 + Math.floor(i / 26)) : '');
