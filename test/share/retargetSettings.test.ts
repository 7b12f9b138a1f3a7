// Settings saved before retargeting existed still read (the new fields take their defaults), and the new fields
// are checked by the one settings validator with sentences a student can read.
import { describe, expect, it } from 'vitest';
import { readParams } from '../../src/share/fields';
import { DEFAULT_PARAMS } from '../../src/sim/params';

const { retarget: _r, hashRateStep: _h, ...old } = DEFAULT_PARAMS;

describe('retarget settings in saved runs', () => {
  it('reads settings saved without them: a fixed difficulty and no hash-rate step', () => {
    const p = readParams(JSON.parse(JSON.stringify({ ...old, pow: { rule: 'header', difficulty: 12 } })));
    expect(p.retarget).toEqual(DEFAULT_PARAMS.retarget);
    expect(p.retarget.algorithm).toBe('none');
    expect(p.hashRateStep).toEqual({ at: 0, factor: 1 });
  });

  it('keeps a saved rule', () => {
    const saved = {
      ...old,
      pow: { rule: 'header', difficulty: 12 },
      retarget: { algorithm: 'asert', halfLife: 300 },
    };
    expect(readParams(saved).retarget).toEqual({
      ...DEFAULT_PARAMS.retarget,
      algorithm: 'asert',
      halfLife: 300,
    });
  });

  it.each([
    [
      { retarget: { algorithm: 'monero' } },
      /params\.retarget\.algorithm must be one of none, bitcoin, lwma, asert/,
    ],
    [
      { retarget: { algorithm: 'lwma', windowBlocks: 1 } },
      /blocks a retarget rule looks back over must be a whole/,
    ],
    [{ retarget: { algorithm: 'bitcoin', interval: 0 } }, /target block time must be a number of seconds/],
    [{ retarget: { algorithm: 'asert', halfLife: -5 } }, /half-life must be a number of seconds/],
    [{ hashRateStep: { at: 1.5 } }, /hash-rate step must start at a whole number of blocks/],
    [
      { retarget: { algorithm: 'lwma' }, pow: { rule: 'tutorial', difficulty: 4 } },
      /Retargeting needs the header rule/,
    ],
  ])('refuses %j', (patch, says) => {
    expect(() => readParams({ ...old, pow: { rule: 'header', difficulty: 12 }, ...patch })).toThrow(says);
  });
});
