// The join page (docs/architecture.md "A classroom network"): **Your name**, **Join**, and this browser becomes a
// node of the class. A page that kept a name and the hub's token rejoins under it at once, with its chain
// (src/classroom/saved.ts). Without a hub (GitHub Pages) the tabs of this browser are the class. Texts in the
// reader's language (src/i18n/classroom/en.ts), with the Language select of the app's top bar.
import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import { sanitizeName } from '../../classroom/names';
import { readIdentity } from '../../classroom/saved';
import { startSession, type Session, type SessionOptions } from '../../classroom/session';
import type { StorageLike } from '../../share/autosave';
import { useText } from '../../i18n/useText';
import { LanguageSelect } from '../LanguageSelect';
import { ProblemText } from './ProblemText';
import { StudentNode } from './StudentNode';

export interface JoinPageProps {
  readonly base: Omit<SessionOptions, 'name' | 'token'>;
  /** Where a tab of a hub-less class keeps its node (sessionStorage: each tab its own node). */
  readonly storage: StorageLike | null;
}

/**
 * The page's current session, outside React: joining again (after a refusal, or a removal) closes the last one.
 * The page subscribes to it; its views change as the session's do.
 */
function createJoiner(base: JoinPageProps['base'], storage: StorageLike | null) {
  let session: Session | null = null;
  let stopSub: (() => void) | null = null;
  const listeners = new Set<() => void>();
  const tell = () => listeners.forEach((l) => l());
  return {
    join(name: string, token: string | null) {
      stopSub?.();
      session?.close();
      session = startSession({ ...base, storage, name, token });
      stopSub = session.subscribe(tell);
      tell();
    },
    view: () => session?.view() ?? null,
    subscribe(l: () => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close() {
      stopSub?.();
      session?.close();
      session = null;
      tell();
    },
  };
}

export function JoinPage({ base, storage }: JoinPageProps) {
  const { t } = useText();
  const [kept] = useState(() => readIdentity(storage));
  const [name, setName] = useState(kept?.name ?? '');
  // sanitizeName refuses only a name with nothing readable left (src/classroom/names.ts).
  const [problem, setProblem] = useState(false);
  const [joiner] = useState(() => createJoiner(base, storage));
  const [joining, setJoining] = useState(kept?.name ?? '');

  useEffect(() => {
    // A page that kept its identity rejoins under it at once (the hub's token proves the name is its own).
    if (kept && (kept.token || base.mode === 'tabs')) joiner.join(kept.name, kept.token);
    return () => joiner.close();
  }, [joiner, kept, base.mode]);

  function join(e: FormEvent) {
    e.preventDefault();
    const clean = sanitizeName(name);
    if (!clean.ok) return setProblem(true);
    setProblem(false);
    setJoining(clean.value);
    joiner.join(clean.value, kept?.name === clean.value ? kept.token : null);
  }

  const view = useSyncExternalStore(joiner.subscribe, joiner.view);
  const joined = view?.phase === 'joined' && view.node;
  const refused = view && (view.phase === 'refused' || view.phase === 'removed');

  return (
    <main className="class-page">
      <header className="class-head">
        <h1>{t('classroom.join.title')}</h1>
        {view?.kind === 'tabs' && <p className="class-hint">{t('classroom.join.tabsHint')}</p>}
        <LanguageSelect />
      </header>
      {view?.notice === 'no-hub' && <p className="class-notice">{t('classroom.join.noHub')}</p>}
      {view?.problem && (
        <p className="class-problem" role="alert">
          {/* The hub's removal arrives as a sentence of its own (src/server/roster.ts), not as a refusal. */}
          {view.phase === 'removed' ? t('classroom.join.removed') : <ProblemText error={view.problem} />}
        </p>
      )}
      {joined && view.node ? (
        <StudentNode node={view.node} session={view} />
      ) : view && !refused ? (
        <p className="class-card class-big-text" role="status">
          {t('classroom.join.joining', { name: joining })}
        </p>
      ) : (
        <form className="class-card class-join" onSubmit={join}>
          <label htmlFor="class-name">{t('classroom.join.yourName')}</label>
          <input
            id="class-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="nickname"
            maxLength={60}
            autoFocus
            aria-describedby="class-name-help"
          />
          <p id="class-name-help" className="class-help">
            {t('classroom.join.nameHelp')}
          </p>
          {problem && (
            <p className="class-problem" role="alert">
              {t('classroom.join.nameEmpty')}
            </p>
          )}
          <button type="submit" className="class-primary">
            {t('classroom.join.join')}
          </button>
          {base.mode === 'tabs' && <p className="class-help">{t('classroom.join.tabsHint')}</p>}
        </form>
      )}
    </main>
  );
}
