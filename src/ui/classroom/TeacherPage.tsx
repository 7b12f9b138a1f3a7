// The teacher's view of the class (docs/architecture.md "A classroom network"), on the projector: every node's
// height and tip and the branch it follows, the teacher's commands (split the class into groups, heal, the
// difficulty for everyone, pause all, remove a node) and what the hub refused — a page that tried to speak for
// another node or to command the class. The hub checks the key (src/server/hub.ts); this page only shows. Texts
// in the reader's language (src/i18n/classroom/en.ts); the hub's refusals through the error texts (ProblemText).
import { useEffect, useMemo, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { branchesOf } from '../../classroom/branches';
import { teacherSocket, type HubSocket } from '../../classroom/hubLink';
import type { TeacherMessage } from '../../classroom/clientMessages';
import type { HubMessage } from '../../classroom/hubMessages';
import type { Refusal, RosterEntry } from '../../classroom/messages';
import { HUB_PROTOCOL_VERSION as v } from '../../classroom/readFields';
import { i18n } from '../../i18n/i18n';
import { useText } from '../../i18n/useText';
import { blocks } from '../format';
import { LanguageSelect } from '../LanguageSelect';
import { ProblemText } from './ProblemText';

type Roster = Extract<HubMessage, { type: 'roster' }>;

const short = (hash: string) => (hash ? `${hash.slice(0, 8)}…` : '—');
/** The clock as the reader's language writes it; English (and its test pseudo-locale) as in Britain: 24 hours. */
const time = (ms: number) =>
  new Date(ms).toLocaleTimeString(i18n.language.startsWith('en') ? 'en-GB' : i18n.language);

/** What the teacher is told went wrong: the hub's refusal, or a difficulty that is not a whole number. */
type Problem = { readonly code: string; readonly message: string } | 'difficulty';

export function TeacherPage({
  hubUrl,
  teacherKey,
  joinUrl,
}: {
  hubUrl: string;
  teacherKey: string;
  joinUrl: string;
}) {
  const { t } = useText();
  const [roster, setRoster] = useState<Roster | null>(null);
  const [online, setOnline] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [difficulty, setDifficulty] = useState('');
  const socket = useRef<HubSocket | null>(null);

  useEffect(() => {
    const s = teacherSocket(hubUrl, teacherKey, {
      message: (m) => {
        if (m.type === 'roster') setRoster(m);
        else if (m.type === 'error') setProblem({ code: m.code, message: m.message });
      },
      state: (st) => setOnline(st === 'open'),
    });
    socket.current = s;
    return () => s.close();
  }, [hubUrl, teacherKey]);

  const send = (m: TeacherMessage) => {
    setProblem(null);
    socket.current?.send(m);
  };
  const nodes = useMemo(() => roster?.nodes ?? [], [roster]);
  const { branches, placed } = useMemo(() => branchesOf(nodes.filter((n) => n.online && n.tip)), [nodes]);
  const groups = roster?.groups ?? null;
  const settings = roster?.settings;

  function halves() {
    const names = nodes.map((n) => n.name).sort((a, b) => a.localeCompare(b));
    const mid = Math.ceil(names.length / 2);
    send({ v, type: 'partition', groups: [names.slice(0, mid), names.slice(mid)] });
  }

  /** Put `name` into group `g` (a new group when g is the count), keeping everyone else where they are. */
  function moveTo(name: string, g: number) {
    const now: string[][] = groups
      ? groups.map((x) => x.filter((n) => n !== name))
      : [nodes.map((n) => n.name).filter((n) => n !== name)];
    while (now.length <= g) now.push([]);
    (now[g] as string[]).push(name);
    const kept = now.filter((x) => x.length > 0);
    if (kept.length < 2) return send({ v, type: 'heal' });
    send({ v, type: 'partition', groups: kept });
  }

  function setAll(e: FormEvent) {
    e.preventDefault();
    const d = Number(difficulty);
    if (!Number.isInteger(d)) return setProblem('difficulty');
    send({ v, type: 'difficulty', difficulty: d });
  }

  const columns: { label: string; index: number; members: readonly RosterEntry[] }[] = groups
    ? groups.map((_, i) => ({
        label: t('classroom.teacher.group', { n: i + 1 }),
        index: i,
        members: nodes.filter((n) => (n.group ?? 0) === i),
      }))
    : [{ label: t('classroom.teacher.wholeClass'), index: 0, members: nodes }];

  const drop = (index: number) => (e: DragEvent) => {
    e.preventDefault();
    const name = e.dataTransfer.getData('text/plain');
    if (name) moveTo(name, index);
  };

  return (
    <main className="class-page class-teacher">
      <header className="class-head">
        <h1>{t('classroom.teacher.title')}</h1>
        <p className="class-join-url">
          {t('classroom.teacher.joinAt')} <strong>{joinUrl}</strong>
        </p>
        <p role="status" className={online ? 'class-ok' : 'class-problem'}>
          {online
            ? t('classroom.teacher.online', {
                online: nodes.filter((n) => n.online).length,
                count: nodes.length,
              })
            : t('classroom.teacher.connecting')}
        </p>
        <LanguageSelect />
      </header>
      {problem && (
        <p className="class-problem" role="alert">
          {problem === 'difficulty' ? t('classroom.teacher.wholeNumber') : <ProblemText error={problem} />}
        </p>
      )}
      <section className="class-card class-controls" aria-label={t('classroom.teacher.commands')}>
        <button type="button" onClick={halves} disabled={nodes.length < 2}>
          {t('classroom.teacher.split')}
        </button>
        <button type="button" onClick={() => send({ v, type: 'heal' })} disabled={!groups}>
          {t('classroom.teacher.heal')}
        </button>
        <button
          type="button"
          aria-pressed={settings?.paused ?? false}
          onClick={() => send({ v, type: 'pause', paused: !settings?.paused })}
        >
          {settings?.paused ? t('classroom.teacher.resumeAll') : t('classroom.teacher.pauseAll')}
        </button>
        <form onSubmit={setAll} className="class-difficulty">
          <label>
            {settings
              ? t('classroom.teacher.difficultyNow', { n: settings.difficulty })
              : t('classroom.teacher.difficultyWaiting')}
            <input
              value={difficulty}
              onChange={(e) => setDifficulty(e.target.value)}
              inputMode="numeric"
              size={3}
              maxLength={2}
            />
          </label>
          <button type="submit">{t('classroom.teacher.set')}</button>
        </form>
      </section>
      <section className="class-card" aria-label={t('classroom.teacher.branchesLabel')}>
        <h2 data-testid="branches">
          {branches.length === 0
            ? t('classroom.teacher.noChains')
            : t('classroom.teacher.branches', { count: branches.length })}
        </h2>
        <ul className="class-branches">
          {branches.map((b) => (
            <li key={b.label}>
              <strong>{b.label}</strong>: {t('classroom.teacher.branchSize', { blocks: blocks(b.height) })}{' '}
              <code>{short(b.tip)}</code> — {b.nodes.join(', ')}
            </li>
          ))}
        </ul>
      </section>
      <div className="class-groups">
        {columns.map((c) => (
          <section
            key={c.index}
            className="class-card class-group"
            aria-label={c.label}
            onDragOver={(e) => e.preventDefault()}
            onDrop={drop(c.index)}
          >
            <h2>{c.label}</h2>
            <ul className="class-nodes">
              {c.members.map((n) => {
                const p = placed.get(n.name);
                return (
                  <li
                    key={n.name}
                    className={`class-node${n.online ? '' : ' class-offline'}`}
                    draggable
                    onDragStart={(e) => e.dataTransfer.setData('text/plain', n.name)}
                  >
                    <div className="class-node-name">
                      <strong>{n.name}</strong>
                      {p && (
                        <span className="class-branch">
                          {p.behind > 0
                            ? t('classroom.teacher.onBranchBehind', { branch: p.branch, count: p.behind })
                            : t('classroom.teacher.onBranch', { branch: p.branch })}
                        </span>
                      )}
                    </div>
                    <div>
                      <span className="class-big">{n.height}</span>{' '}
                      {t('classroom.teacher.nodeSize', { count: n.height })} <code>{short(n.tip)}</code>
                      {n.online
                        ? n.mining
                          ? ` · ${t('classroom.teacher.mining')}`
                          : ''
                        : ` · ${t('classroom.teacher.offline')}`}
                      {n.throttled > 0 ? ` · ${t('classroom.teacher.throttled', { n: n.throttled })}` : ''}
                    </div>
                    <code className="class-address">{n.address}</code>
                    <div className="class-node-actions">
                      <label>
                        {t('classroom.teacher.groupLabel')}
                        <select
                          value={groups ? (n.group ?? 0) : ''}
                          onChange={(e) => e.target.value !== '' && moveTo(n.name, Number(e.target.value))}
                        >
                          {!groups && <option value="">{t('classroom.teacher.optWhole')}</option>}
                          {groups ? (
                            Array.from({ length: groups.length + 1 }, (_, i) => (
                              <option key={i} value={i}>
                                {i < groups.length
                                  ? t('classroom.teacher.group', { n: i + 1 })
                                  : t('classroom.teacher.optNew')}
                              </option>
                            ))
                          ) : (
                            <option value={1}>{t('classroom.teacher.optOwn')}</option>
                          )}
                        </select>
                      </label>
                      <button
                        type="button"
                        onClick={() => send({ v, type: 'remove', name: n.name })}
                        aria-label={t('classroom.teacher.removeName', { name: n.name })}
                      >
                        {t('classroom.teacher.remove')}
                      </button>
                    </div>
                  </li>
                );
              })}
              {c.members.length === 0 && <li>{t('classroom.teacher.nobodyHere')}</li>}
            </ul>
          </section>
        ))}
      </div>
      <section className="class-card" aria-label={t('classroom.teacher.refusedLabel')}>
        <h2>{t('classroom.teacher.refusedTitle')}</h2>
        <ul className="class-refused">
          {(roster?.refused ?? [])
            .slice()
            .reverse()
            .map((r: Refusal, i) => (
              <li key={`${r.at}-${i}`}>
                {time(r.at)} ·{' '}
                {r.name !== undefined
                  ? t('classroom.teacher.pageOf', { name: r.name })
                  : r.remote !== undefined
                    ? t('classroom.teacher.pageFrom', { remote: r.remote })
                    : r.who}
                : <ProblemText error={r} />
              </li>
            ))}
          {(roster?.refused ?? []).length === 0 && <li>{t('classroom.teacher.nothingRefused')}</li>}
        </ul>
      </section>
    </main>
  );
}
