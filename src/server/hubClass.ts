// What the classroom hub knows of its class (docs/architecture.md "A classroom network"): each student's node —
// name, address, token, what it last said of its chain — the teacher's partition, the class's settings and the
// refusals the teacher is shown. It decides nothing about chains: it only carries and remembers.
import { DIFFICULTY_RANGE } from '../core/pow';
import { fail, failure, ok, type Result } from '../core/errors';
import type { ClassSettings, NodeStatus, Refusal, RosterEntry } from '../classroom/messages';

export interface Student {
  readonly name: string;
  readonly token: string;
  readonly address: string;
  readonly port: number;
  status: NodeStatus;
  online: boolean;
  throttled: number;
}

const REFUSALS_KEPT = 50;

export function createClass(genesisTimestamp: number, difficulty: number) {
  const students = new Map<string, Student>();
  const byPort = new Map<number, Student>();
  let partition: string[][] | null = null;
  let settings: ClassSettings = {
    genesisTimestamp,
    difficulty,
    steps: [{ fromIndex: 2, difficulty }],
    paused: false,
  };
  let refusals: Refusal[] = [];

  const groupOf = (name: string): number | null => {
    if (!partition) return null;
    const i = partition.findIndex((g) => g.includes(name));
    // A node that joined after the split is with the first group.
    return i < 0 ? 0 : i;
  };

  return {
    students,
    byPort,
    settings: () => settings,
    partition: () => partition,
    groupOf,
    refusals: () => refusals,

    add(s: Student): void {
      students.set(s.name, s);
      byPort.set(s.port, s);
    },
    remove(name: string): Student | null {
      const s = students.get(name);
      if (!s) return null;
      students.delete(name);
      byPort.delete(s.port);
      if (partition) partition = partition.map((g) => g.filter((n) => n !== name));
      return s;
    },
    /** Whether the teacher's partition keeps `a` and `b` apart. */
    separated: (a: string, b: string) => partition !== null && groupOf(a) !== groupOf(b),

    /** The teacher's groups: names the class does not know are left out; a name in two groups stays in the first. */
    split(groups: readonly (readonly string[])[]): void {
      const seen = new Set<string>();
      const kept = groups
        .map((g) => g.filter((n) => students.has(n) && !seen.has(n) && (seen.add(n), true)))
        .filter((g) => g.length > 0);
      partition = kept.length >= 2 ? kept : null;
    },
    heal(): void {
      partition = null;
    },

    /**
     * A new difficulty for everyone, from two blocks past the longest chain any node reported: every node
     * takes it at that block (src/classroom/classParams.ts stepsDue), whatever its height when it hears.
     */
    setDifficulty(d: number): Result<ClassSettings> {
      const r = DIFFICULTY_RANGE.tutorial;
      if (!Number.isInteger(d) || d < r.min || d > r.max)
        return fail(
          failure('E_BAD_PARAM', `The class difficulty is a whole number from ${r.min} to ${r.max}.`),
        );
      const top = Math.max(1, ...[...students.values()].map((s) => s.status.height));
      settings = {
        ...settings,
        difficulty: d,
        steps: [...settings.steps, { fromIndex: top + 2, difficulty: d }],
      };
      return ok(settings);
    },
    setPaused(paused: boolean): ClassSettings {
      settings = { ...settings, paused };
      return settings;
    },

    refuse(r: Refusal): void {
      refusals = [...refusals, r].slice(-REFUSALS_KEPT);
    },

    roster(): RosterEntry[] {
      return [...students.values()].map((s) => ({
        name: s.name,
        address: s.address,
        online: s.online,
        group: groupOf(s.name),
        throttled: s.throttled,
        ...s.status,
      }));
    },
  };
}

export type Class = ReturnType<typeof createClass>;
