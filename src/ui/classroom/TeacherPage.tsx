// The teacher's view of the class (docs/architecture.md "A classroom network"), on the projector: every node's
// height and tip and the branch it follows, the teacher's commands (split the class into groups, heal, the
// difficulty for everyone, pause all, remove a node) and what the hub refused — a page that tried to speak for
// another node or to command the class. The hub checks the key (src/server/hub.ts); this page only shows.
import { useEffect, useMemo, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { branchesOf } from '../../classroom/branches';
import { teacherSocket, type HubSocket } from '../../classroom/hubLink';
import type { TeacherMessage } from '../../classroom/clientMessages';
import type { HubMessage } from '../../classroom/hubMessages';
import type { Refusal, RosterEntry } from '../../classroom/messages';
import { HUB_PROTOCOL_VERSION as v } from '../../classroom/readFields';

type Roster = Extract<HubMessage, { type: 'roster' }>;

const short = (hash: string) => (hash ? `${hash.slice(0, 8)}…` : '—');
const time = (ms: number) => new Date(ms).toLocaleTimeString('en-GB');

export function TeacherPage({
  hubUrl,
  teacherKey,
  joinUrl,
}: {
  hubUrl: string;
  teacherKey: string;
  joinUrl: string;
}) {
  const [roster, setRoster] = useState<Roster | null>(null);
  const [online, setOnline] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [difficulty, setDifficulty] = useState('');
  const socket = useRef<HubSocket | null>(null);

  useEffect(() => {
    const s = teacherSocket(hubUrl, teacherKey, {
      message: (m) => {
        if (m.type === 'roster') setRoster(m);
        else if (m.type === 'error') setProblem(m.message);
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
    if (!Number.isInteger(d))
      return setProblem('The difficulty is a whole number of leading zero hex digits.');
    send({ v, type: 'difficulty', difficulty: d });
  }

  const columns: { label: string; index: number; members: readonly RosterEntry[] }[] = groups
    ? groups.map((_, i) => ({
        label: `Group ${i + 1}`,
        index: i,
        members: nodes.filter((n) => (n.group ?? 0) === i),
      }))
    : [{ label: 'The whole class', index: 0, members: nodes }];

  const drop = (index: number) => (e: DragEvent) => {
    e.preventDefault();
    const name = e.dataTransfer.getData('text/plain');
    if (name) moveTo(name, index);
  };

  return (
    <main className="class-page class-teacher">
      <header className="class-head">
        <h1>Chainlab class — teacher</h1>
        <p className="class-join-url">
          Students join at <strong>{joinUrl}</strong>
        </p>
        <p role="status" className={online ? 'class-ok' : 'class-problem'}>
          {online
            ? `${nodes.filter((n) => n.online).length} of ${nodes.length} nodes online`
            : 'Connecting to the hub…'}
        </p>
      </header>
      {problem && (
        <p className="class-problem" role="alert">
          {problem}
        </p>
      )}
      <section className="class-card class-controls" aria-label="Teacher commands">
        <button type="button" onClick={halves} disabled={nodes.length < 2}>
          Split: left half / right half
        </button>
        <button type="button" onClick={() => send({ v, type: 'heal' })} disabled={!groups}>
          Heal the class
        </button>
        <button
          type="button"
          aria-pressed={settings?.paused ?? false}
          onClick={() => send({ v, type: 'pause', paused: !settings?.paused })}
        >
          {settings?.paused ? 'Resume all' : 'Pause all'}
        </button>
        <form onSubmit={setAll} className="class-difficulty">
          <label>
            Difficulty for everyone (now {settings?.difficulty ?? '…'})
            <input
              value={difficulty}
              onChange={(e) => setDifficulty(e.target.value)}
              inputMode="numeric"
              size={3}
              maxLength={2}
            />
          </label>
          <button type="submit">Set</button>
        </form>
      </section>
      <section className="class-card" aria-label="Branches">
        <h2 data-testid="branches">
          {branches.length === 0
            ? 'No chains yet'
            : branches.length === 1
              ? 'One chain'
              : `${branches.length} branches`}
        </h2>
        <ul className="class-branches">
          {branches.map((b) => (
            <li key={b.label}>
              <strong>{b.label}</strong>: {b.height} blocks, tip <code>{short(b.tip)}</code> —{' '}
              {b.nodes.join(', ')}
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
                          branch {p.branch}
                          {p.behind > 0 ? `, ${p.behind} behind` : ''}
                        </span>
                      )}
                    </div>
                    <div>
                      <span className="class-big">{n.height}</span> blocks · tip <code>{short(n.tip)}</code>
                      {n.online ? (n.mining ? ' · mining' : '') : ' · offline'}
                      {n.throttled > 0 ? ` · throttled ${n.throttled}×` : ''}
                    </div>
                    <div className="class-address">{n.address}</div>
                    <div className="class-node-actions">
                      <label>
                        Group
                        <select
                          value={groups ? (n.group ?? 0) : ''}
                          onChange={(e) => e.target.value !== '' && moveTo(n.name, Number(e.target.value))}
                        >
                          {!groups && <option value="">whole class</option>}
                          {groups ? (
                            Array.from({ length: groups.length + 1 }, (_, i) => (
                              <option key={i} value={i}>
                                {i < groups.length ? `Group ${i + 1}` : 'a new group'}
                              </option>
                            ))
                          ) : (
                            <option value={1}>a group of its own</option>
                          )}
                        </select>
                      </label>
                      <button
                        type="button"
                        onClick={() => send({ v, type: 'remove', name: n.name })}
                        aria-label={`Remove ${n.name}`}
                      >
                        Remove
                      </button>
                    </div>
                  </li>
                );
              })}
              {c.members.length === 0 && <li>Nobody here yet.</li>}
            </ul>
          </section>
        ))}
      </div>
      <section className="class-card" aria-label="Refused">
        <h2>Refused by the hub</h2>
        <ul className="class-refused">
          {(roster?.refused ?? [])
            .slice()
            .reverse()
            .map((r: Refusal, i) => (
              <li key={`${r.at}-${i}`}>
                {time(r.at)} · {r.who}: <code>{r.code}</code> {r.message}
              </li>
            ))}
          {(roster?.refused ?? []).length === 0 && (
            <li>Nothing refused: no page has tried to speak for another.</li>
          )}
        </ul>
      </section>
    </main>
  );
}
