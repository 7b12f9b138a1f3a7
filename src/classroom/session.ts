// A student's page in the class: the link (the hub, or the other tabs when there is none), the node once the
// class has welcomed it, what the class looks like, and what the page keeps for when it comes back. The join
// page (src/ui/classroom/JoinPage.tsx) reads it through `view` and `subscribe`.
import { failure, type Failure } from '../core/errors';
import type { StorageLike } from '../share/autosave';
import type { MakeMiner } from '../sim/minerPort';
import { createClassNode, type ClassNode } from './classNode';
import { hubLink } from './hubLink';
import type { ClassLink, LinkHandlers, Welcome } from './link';
import type { ClassSettings, RosterEntry } from './messages';
import { forget, readNode, writeIdentity, writeNode } from './saved';
import { tabsLink } from './tabsLink';

export type Phase = 'joining' | 'joined' | 'refused' | 'removed';

export interface SessionView {
  readonly phase: Phase;
  readonly kind: 'hub' | 'tabs';
  readonly online: boolean;
  /** The last thing the hub refused, or why the page could not join. */
  readonly problem: Failure | null;
  /** Said once: 'no-hub' when no hub answered, so this page joined the other tabs of the browser. */
  readonly notice: 'no-hub' | null;
  readonly node: ClassNode | null;
  readonly roster: readonly RosterEntry[];
  readonly group: number | null;
  readonly groups: readonly (readonly string[])[] | null;
  readonly settings: ClassSettings | null;
}

export interface SessionOptions {
  readonly name: string;
  /** The hub's token for this name, kept from an earlier visit. */
  readonly token: string | null;
  /** 'hub': the hub at `hubUrl`, falling back to tabs when none answers. */
  readonly mode: 'hub' | 'tabs';
  readonly hubUrl: string;
  /** The difficulty of a class of tabs (a hub says its own). */
  readonly difficulty: number;
  readonly storage: StorageLike | null;
  /** Where a tab keeps its node once no hub answered (each tab its own node: sessionStorage). */
  readonly tabsStorage?: StorageLike | null;
  readonly miner: MakeMiner;
}

export interface Session {
  view(): SessionView;
  subscribe(listener: () => void): () => void;
  close(): void;
}

export function startSession(o: SessionOptions): Session {
  let view: SessionView = {
    phase: 'joining',
    kind: o.mode,
    online: false,
    problem: null,
    notice: null,
    node: null,
    roster: [],
    group: null,
    groups: null,
    settings: null,
  };
  const listeners = new Set<() => void>();
  let closed = false;
  let storage = o.storage;
  const set = (patch: Partial<SessionView>) => {
    view = { ...view, ...patch };
    for (const l of listeners) l();
  };
  const nameOf = (address: string) => view.roster.find((r) => r.address === address)?.name ?? address;

  function welcome(w: Welcome): void {
    const node = view.node;
    if (node) {
      // The link came back (or the class grew): the same node goes on.
      node.settings(w.settings);
      void node.meet(w.peers);
      return set({ settings: w.settings, problem: null });
    }
    writeIdentity(storage, { classId: w.classId, name: w.name, token: w.token });
    const fresh = createClassNode({
      welcome: w,
      link,
      miner: o.miner,
      saved: readNode(storage, w.classId, w.name),
      save: (text) => {
        const problem = writeNode(storage, w.classId, w.name, text);
        if (problem && !view.problem) set({ problem });
      },
      nameOf,
    });
    set({ phase: 'joined', node: fresh, settings: w.settings, problem: null });
    void fresh.start();
  }

  const handlers: LinkHandlers = {
    welcome,
    settings: (settings, group) => {
      view.node?.settings(settings);
      // Split again or healed: the node asks its peers at once, as a student would press Resolve (the
      // tutorial's way to catch up, docs/protocol.md "The classroom hub"), rather than wait for the next block.
      if (view.node && group !== view.group)
        void view.node.request({ method: 'GET', path: '/nodes/resolve' });
      set({ settings, group });
    },
    roster: (roster, groups) => set({ roster, groups }),
    refused(problem) {
      if (view.phase === 'joining') {
        link.close();
        return set({ phase: 'refused', problem });
      }
      set({ problem });
    },
    removed(message) {
      view.node?.stop();
      forget(storage);
      set({ phase: 'removed', online: false, problem: failure('E_FORBIDDEN', message) });
    },
    inbound: async (req) =>
      view.node
        ? view.node.answer(req)
        : {
            status: 503,
            contentType: 'application/json',
            body: '{"code":"E_UNREACHABLE","message":"This node is still joining the class."}\n',
          },
    connection: (state) => set({ online: state === 'open' }),
  };

  const tabs = (): ClassLink => tabsLink({ handlers, difficulty: o.difficulty });
  let link: ClassLink =
    o.mode === 'tabs'
      ? tabs()
      : hubLink({
          url: o.hubUrl,
          handlers,
          noHub: () => {
            if (closed) return;
            link = tabs();
            if (o.tabsStorage !== undefined) storage = o.tabsStorage;
            // The join page words it in the reader's language (src/i18n/classroom/en.ts join.noHub).
            set({ kind: 'tabs', notice: 'no-hub' });
            link.join(o.name, null);
          },
        });
  link.join(o.name, o.token);

  let unload: (() => void) | null = null;
  if (typeof addEventListener === 'function') {
    // The chain is saved before the page goes (its saves are otherwise gathered every half second).
    unload = () => view.node?.flush();
    addEventListener('pagehide', unload);
  }

  return {
    view: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      link.close();
      view.node?.stop();
      if (unload) removeEventListener('pagehide', unload);
      listeners.clear();
    },
  };
}
