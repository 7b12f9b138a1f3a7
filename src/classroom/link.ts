// How a browser node reaches its class: the hub's WebSocket (hubLink.ts) or, without a hub, the other tabs of
// the same browser (tabsLink.ts). Both carry the same messages (messages.ts), and the node (classNode.ts) does
// not know which one it has.
import type { Failure } from '../core/errors';
import type {
  ClassSettings,
  NodeStatus,
  RosterEntry,
  WireAnswer,
  WireOutcome,
  WireRequest,
} from './messages';

export interface Welcome {
  readonly name: string;
  readonly address: string;
  readonly token: string;
  readonly classId: string;
  readonly settings: ClassSettings;
  readonly peers: readonly string[];
}

export interface LinkHandlers {
  welcome(w: Welcome): void;
  settings(s: ClassSettings, group: number | null): void;
  roster(nodes: readonly RosterEntry[], groups: readonly (readonly string[])[] | null): void;
  /** The hub refused something this page sent (a name taken, too many messages …). */
  refused(f: Failure): void;
  removed(message: string): void;
  /** A request to this page's node; the answer goes back as over HTTP. */
  inbound(req: WireRequest, from: string): Promise<WireAnswer>;
  connection(state: 'open' | 'closed'): void;
}

export interface ClassLink {
  readonly kind: 'hub' | 'tabs';
  join(name: string, token: string | null): void;
  /** A request to another node of the class, or (through the hub) to a real node such as a Python one. */
  ask(to: string, req: WireRequest, timeoutMs: number): Promise<WireOutcome>;
  status(s: NodeStatus): void;
  close(): void;
}
