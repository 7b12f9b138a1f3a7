// The app's state: a zustand vanilla store (usable without React) that only holds what panels show.
// It is fed by the controller at most 10 times a second (controller.ts); panels subscribe with narrow selectors.
import { createStore } from 'zustand/vanilla';
import type { Failure } from '../core/errors';
import type { Block, Chain, Transaction } from '../core/types';
import type { SimEvent } from '../sim/events';
import type { MiningProgress } from '../sim/minerPort';
import type { MessageRecord } from '../sim/bus';
import type { SimParams } from '../sim/params';
import type { BranchInfo, HostView } from '../sim/simulation';

export interface NodeView {
  readonly id: string;
  readonly url: string;
  readonly chain: Chain;
  readonly mempool: readonly Transaction[];
  readonly peers: readonly string[];
  readonly abandoned: readonly Block[];
  readonly share: number;
  readonly autoMine: boolean;
  readonly mining: boolean;
  readonly resolving: boolean;
  /** Which side of a partition the node is on (0 when the network is whole). */
  readonly group: number;
}

export type ResolveEvent = Extract<SimEvent, { type: 'resolve' }>;
export type MinedEvent = Extract<SimEvent, { type: 'block-mined' }>;
export type TxEvent = Extract<SimEvent, { type: 'transaction' } | { type: 'chain-replaced' }>;

export interface Notice {
  readonly id: number;
  readonly error: Failure;
  readonly node?: string;
}

export interface HeightPoint {
  readonly t: number;
  readonly [node: string]: number;
}

/** Where the run is on its timeline: the moment shown, the branch's last one, and every branch of the run. */
export interface TimelineView {
  readonly moment: number;
  readonly end: number;
  readonly endTime: number;
  readonly branches: readonly BranchInfo[];
}

export interface AppState {
  readonly now: number;
  readonly playing: boolean;
  /** Playing along a recorded run (a lesson) instead of continuing it live. */
  readonly watching: boolean;
  /** Why the live clock stopped, when a bug stopped it (null while all is well). */
  readonly crash: string | null;
  readonly timeline: TimelineView;
  readonly speed: number;
  readonly params: SimParams;
  readonly nodes: readonly NodeView[];
  /** Real nodes the run reads (Connect a real node), with their chains as last seen. */
  readonly hosts: readonly HostView[];
  readonly selected: string | null;
  readonly partitioned: boolean;
  readonly progress: Readonly<Record<string, MiningProgress | undefined>>;
  readonly resolves: readonly ResolveEvent[];
  readonly messages: readonly MessageRecord[];
  readonly mined: readonly MinedEvent[];
  readonly txEvents: readonly TxEvent[];
  readonly heights: readonly HeightPoint[];
  readonly notices: readonly Notice[];
  readonly presenter: boolean;
  /** The page opened on the autosaved run (said once, with a way to start fresh) until dismissed. */
  readonly restored: boolean;
}

const NO_TIMELINE: TimelineView = { moment: 0, end: 0, endTime: 0, branches: [] };

export const LIMITS = { resolves: 200, messages: 400, mined: 2000, txEvents: 300, heights: 600 } as const;

export function createAppStore(initial: Pick<AppState, 'params'> & Partial<AppState>) {
  return createStore<AppState>()(() => ({
    now: 0,
    playing: true,
    watching: false,
    crash: null,
    timeline: NO_TIMELINE,
    speed: 1,
    nodes: [],
    hosts: [],
    selected: null,
    partitioned: false,
    progress: {},
    resolves: [],
    messages: [],
    mined: [],
    txEvents: [],
    heights: [],
    notices: [],
    presenter: false,
    restored: false,
    ...initial,
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** Keep the last `n` items of `list` after appending `more`. */
export function appendCapped<T>(list: readonly T[], more: readonly T[], n: number): readonly T[] {
  if (more.length === 0) return list;
  const all = list.concat(more);
  return all.length > n ? all.slice(all.length - n) : all;
}
