// The classroom's pure pieces: names as the class shows them, when a node takes a new class difficulty, which
// branch each node follows on the teacher's screen, and the message reader that any bytes may reach.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { branchesOf } from '../../src/classroom/branches';
import { stepsDue } from '../../src/classroom/classParams';
import { parseClientMessage } from '../../src/classroom/clientMessages';
import { parseHubMessage } from '../../src/classroom/hubMessages';
import { sanitizeName } from '../../src/classroom/names';

describe('names', () => {
  it.each([
    ['Zoë Martín', 'Zoe-Martin'],
    ['  ana   maría!! ', 'ana-maria'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['a'.repeat(40), 'a'.repeat(24)],
    ['Jean-Luc  Picard---the.captain', 'Jean-Luc-Picard-the.capt'],
  ])('%j becomes %j', (raw, name) => {
    expect(sanitizeName(raw)).toEqual({ ok: true, value: name });
  });
  it('refuses a name with nothing readable left, saying why', () => {
    const r = sanitizeName('🙂🙂');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/at least one letter or digit/);
  });
});

describe('a new class difficulty', () => {
  const steps = [
    { fromIndex: 2, difficulty: 3 },
    { fromIndex: 12, difficulty: 4 },
  ];
  it('is taken at its block: a node of 9 blocks waits, a node of 11 takes it for block 12', () => {
    expect(stepsDue(steps, 1, 9, 3)).toEqual([]);
    expect(stepsDue(steps, 1, 11, 3)).toEqual([{ fromIndex: 12, difficulty: 4 }]);
  });
  it('is taken at once when it is lower (a harder block passes an easier check)', () => {
    expect(stepsDue([...steps, { fromIndex: 20, difficulty: 2 }], 1, 5, 3)).toEqual([]);
    expect(stepsDue([steps[0] as never, { fromIndex: 20, difficulty: 2 }], 1, 5, 3)).toEqual([
      { fromIndex: 20, difficulty: 2 },
    ]);
  });
});

describe('branches on the teacher screen', () => {
  const n = (name: string, height: number, tip: string, recent: string[]) => ({
    name,
    height,
    tip,
    recent: [tip, ...recent],
    mining: false,
  });
  it('puts nodes behind on a chain with its head, and a fork on a branch of its own', () => {
    const { branches, placed } = branchesOf([
      n('ann', 5, 'e', ['d', 'c', 'b']),
      n('bob', 4, 'd', ['c', 'b']),
      n('cy', 4, 'x', ['c', 'b']),
    ]);
    expect(branches.map((b) => [b.label, b.height, b.nodes])).toEqual([
      ['A', 5, ['ann', 'bob']],
      ['B', 4, ['cy']],
    ]);
    expect(placed.get('bob')).toEqual({ branch: 'A', behind: 1 });
  });
});

describe('the hub message reader', () => {
  it('never throws: any JSON value, or any text, is a message or a refusal with E_HUB_MESSAGE', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.string(),
        ),
        (text) => {
          for (const parse of [parseClientMessage, parseHubMessage]) {
            const r = parse(text);
            if (!r.ok) expect(r.error.code).toBe('E_HUB_MESSAGE');
          }
        },
      ),
      { seed: 16, numRuns: 1000 },
    );
  });
  it('refuses a known message with a field of the wrong type, naming the field', () => {
    const r = parseClientMessage(
      JSON.stringify({ v: 1, type: 'request', id: 1, to: 'x:1', method: 'GET', path: '/chain', body: 5 }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/body/);
  });
});
