// The classroom hub's messages (docs/protocol.md "The classroom hub"): one versioned union for each direction,
// keyed by `type`, and checked field by field on arrival, so a malformed or foreign message is refused with
// E_HUB_MESSAGE and a sentence naming the problem, and changes nothing. The names follow the engine's own
// (docs/architecture.md "Real nodes"): a node's `request` to a peer comes back as an `answer`; a request to the
// node arrives `inbound` and leaves as its `reply`. What a request and an answer carry is the tutorial's HTTP:
// method, path and body text, status, content type and body text, byte for byte as over HTTP.
// This file holds what both directions share (and tabsLink.ts reuses): the limits, those pieces and their
// readers. The messages a page sends are in clientMessages.ts, those the hub sends in hubMessages.ts.
import type { Failure } from '../core/errors';
import { DEFAULT_PARSE_LIMITS } from '../core/parse';
import type { Fields } from './readFields';

export const LIMITS = {
  /** A student's name, after sanitising (names.ts). */
  name: 24,
  /** "https://" + a 253-character host + ":65535", as src/sim/protocol.ts netlocOf reads it. */
  address: 300,
  path: 64,
  /** A request or answer body: a whole GET /chain, as the core's parser takes it. */
  body: DEFAULT_PARSE_LIMITS.maxChars,
  key: 128,
  /** Hashes a status carries back from the tip: enough to place a node a few blocks behind on its branch. */
  recent: 8,
  groups: 8,
  nodes: 1000,
  message: 500,
} as const;

/** The tutorial's request as it goes over the wire: method, path, body text ('' for a GET). */
export interface WireRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body: string;
}

/** An HTTP answer: status, content type and body text, as the node would send them over HTTP. */
export interface WireAnswer {
  readonly status: number;
  /** The Content-Type header (not `type`, which names a message). */
  readonly contentType: string;
  readonly body: string;
}

export type WireOutcome = { readonly answer: WireAnswer } | { readonly error: Failure };

/** What a node tells the class about itself: how long its chain is, its tip and the blocks just before it. */
export interface NodeStatus {
  readonly height: number;
  readonly tip: string;
  /** Hashes from the tip back, the tip first (at most LIMITS.recent). */
  readonly recent: readonly string[];
  readonly mining: boolean;
}

/** A change of the class's difficulty from block `fromIndex` on (src/classroom/classParams.ts). */
export interface DifficultyStep {
  readonly fromIndex: number;
  readonly difficulty: number;
}

export interface ClassSettings {
  /** The class's genesis block's timestamp: every node of the class starts from the same genesis. */
  readonly genesisTimestamp: number;
  readonly difficulty: number;
  /** Every difficulty the class has had, the first from block 2 on. */
  readonly steps: readonly DifficultyStep[];
  readonly paused: boolean;
}

export interface RosterEntry extends NodeStatus {
  readonly name: string;
  readonly address: string;
  readonly online: boolean;
  /** Which of the teacher's groups it is in (null: the class is whole). */
  readonly group: number | null;
  /** Messages the hub refused from it for going too fast. */
  readonly throttled: number;
}

/** A message the hub refused, for the teacher: who sent it and why. */
export interface Refusal {
  readonly at: number;
  /** Who, in English for logs ("Eve's page", "a page from 10.0.0.9"); the page words it from `name`/`remote`. */
  readonly who: string;
  /** The refused page's student name, when it had joined (absent from hubs before it existed). */
  readonly name?: string;
  /** Where the refused page connected from (absent from hubs before it existed). */
  readonly remote?: string;
  readonly code: string;
  readonly message: string;
}

const METHODS = ['GET', 'POST'] as const;

export function wireRequest(f: Fields): WireRequest {
  return {
    method: f.oneOf('method', METHODS),
    path: f.text('path', LIMITS.path, 1),
    body: f.text('body', LIMITS.body),
  };
}

export function wireAnswer(f: Fields): WireAnswer {
  return {
    status: f.int('status', 100, 599),
    contentType: f.text('contentType', 100),
    body: f.text('body', LIMITS.body),
  };
}

export function status(f: Fields, tipMin = 1): NodeStatus {
  return {
    height: f.int('height', 1, 1e9),
    tip: f.text('tip', 64, tipMin),
    recent: f.texts('recent', LIMITS.recent, 64),
    mining: f.bool('mining'),
  };
}

/** The teacher's groups of node names (a partition, and the roster's copy of it). */
export function groupsOf(f: Fields): string[][] {
  const raw = f.list('groups', LIMITS.groups);
  const groups: string[][] = [];
  for (const g of raw) {
    if (
      !Array.isArray(g) ||
      g.length > LIMITS.nodes ||
      !g.every((n) => typeof n === 'string' && n.length <= LIMITS.name)
    ) {
      f.bad('groups', 'must be lists of node names');
      return [];
    }
    groups.push(g as string[]);
  }
  return groups;
}

export function outcomeOf(f: Fields): WireOutcome {
  const inner = f.object('outcome');
  let outcome: WireOutcome;
  if (inner.has('error')) {
    const e = inner.object('error');
    outcome = {
      error: { code: e.text('code', 40, 1), message: e.text('message', LIMITS.message * 4) } as Failure,
    };
    inner.merge(e);
  } else outcome = { answer: wireAnswer(inner.object('answer')) };
  f.merge(inner);
  return outcome;
}
