// The teacher's page and commands (docs/protocol.md "The classroom hub"): a page becomes the teacher's only with
// the key, and only the teacher's page may split the class, heal it, set the difficulty for everyone, pause all
// or remove a node. Each command changes the class (hubClass.ts) and every page hears the new settings.
import { createHash, timingSafeEqual } from 'node:crypto';
import { failure } from '../core/errors';
import type { TeacherMessage } from '../classroom/clientMessages';
import type { Page, Room } from './hubPage';
import { rosterMessage } from './roster';

// Compared as digests: equal lengths for timingSafeEqual, whatever key a page sends.
const digest = (s: string) => createHash('sha256').update(s).digest();

/** `remove` takes a node out of the class (roster.ts). */
export function createTeacher(room: Room, key: string, remove: (name: string) => void) {
  const { klass, refuse, problem, send, settingsToAll } = room;
  const keyDigest = digest(key);

  /** A page sent `teach` with a key: the right key makes it the teacher's, a wrong one closes it. */
  function claim(p: Page, key: string): void {
    const ok = timingSafeEqual(digest(key), keyDigest);
    if (!ok || p.role === 'student') {
      refuse(
        p,
        failure(
          'E_FORBIDDEN',
          ok ? "A student's page cannot become the teacher's." : 'That is not the teacher key.',
        ),
      );
      if (!ok) {
        p.open = false;
        p.conn.close(4003, 'Not the teacher key.');
      }
      return;
    }
    p.role = 'teacher';
    room.teachers.add(p);
    return send(p, rosterMessage(klass, true));
  }

  function command(p: Page, m: TeacherMessage): void {
    if (p.role !== 'teacher')
      return refuse(
        p,
        failure(
          'E_FORBIDDEN',
          `Only the teacher can ${m.type === 'heal' ? 'heal the class' : `send "${m.type}"`}.`,
        ),
      );
    switch (m.type) {
      case 'partition':
        klass.split(m.groups);
        return settingsToAll();
      case 'heal':
        klass.heal();
        return settingsToAll();
      case 'difficulty': {
        const r = klass.setDifficulty(m.difficulty);
        if (!r.ok) return problem(p, r.error);
        return settingsToAll();
      }
      case 'pause':
        klass.setPaused(m.paused);
        return settingsToAll();
      case 'remove':
        remove(m.name);
        return settingsToAll();
      default:
        return;
    }
  }

  return { claim, command };
}
