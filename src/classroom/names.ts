// A student's name as the class knows it: the node's id (the reward's recipient in every block it mines) and
// the label on the teacher's screen. The engine takes 1 to 64 letters, digits, ".", "_" or "-"
// (src/sim/apply.ts); a class keeps names short enough for a card and readable at a glance.
import { fail, failure, ok, type Result } from '../core/errors';
import { LIMITS } from './messages';

/**
 * "Zoë Martín" → "Zoe-Martin": accents dropped, anything else between words becomes "-", at most 24 characters.
 * Nothing left (a name of emoji only) is refused with a sentence.
 */
export function sanitizeName(raw: string): Result<string> {
  const name = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, LIMITS.name)
    .replace(/[-.]+$/, '');
  if (name === '')
    return fail(
      failure(
        'E_BAD_PARAM',
        'A name needs at least one letter or digit (accents are fine: they are dropped).',
      ),
    );
  return ok(name);
}

/** The host part of an address made from a name (tabs of one browser, src/classroom/tabsLink.ts). */
export const hostOfName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'node';
