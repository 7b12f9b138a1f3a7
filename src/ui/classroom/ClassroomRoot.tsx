// The classroom's pages, chosen by the address (docs/architecture.md "A classroom network"): `?join` (the join
// page and the student's node), `?teacher=KEY` (the teacher's view), `?tabs` (a class of this browser's tabs,
// without a hub, as on GitHub Pages). A hub serves the app, so its WebSocket is on the page's own host.
import { useMemo } from 'react';
import { PYTHON_DIFFICULTY } from '../../classroom/classParams';
import { hubUrl } from '../../classroom/hubLink';
import type { SessionOptions } from '../../classroom/session';
import type { StorageLike } from '../../share/autosave';
import type { MakeMiner } from '../../sim/minerPort';
import { JoinPage } from './JoinPage';
import { TeacherPage } from './TeacherPage';
import './classroom.css';

function storageOf(which: 'localStorage' | 'sessionStorage'): StorageLike | null {
  try {
    return globalThis[which] ?? null;
  } catch {
    return null; // storage blocked (a privacy setting): the node lives as long as the page
  }
}

export function ClassroomRoot({ miner }: { miner: MakeMiner }) {
  const q = new URLSearchParams(location.search);
  const key = q.get('teacher');
  const url = hubUrl(location);
  const tabs = q.has('tabs');
  const wanted = Number(q.get('difficulty') ?? PYTHON_DIFFICULTY);
  const difficulty = Number.isInteger(wanted) && wanted >= 1 && wanted <= 8 ? wanted : PYTHON_DIFFICULTY;
  const base = useMemo<Omit<SessionOptions, 'name' | 'token'>>(
    () => ({
      mode: tabs ? 'tabs' : 'hub',
      hubUrl: url,
      difficulty,
      storage: null,
      tabsStorage: storageOf('sessionStorage'),
      miner,
    }),
    [tabs, url, difficulty, miner],
  );
  if (key) {
    const join = `${location.origin}${location.pathname}?join`;
    return <TeacherPage hubUrl={url} teacherKey={key} joinUrl={join} />;
  }
  return <JoinPage base={base} storage={storageOf(tabs ? 'sessionStorage' : 'localStorage')} />;
}
