import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n/i18n';
import { cachedNumberFormats } from '../../src/i18n/numberFormat';

describe('the {{n, number}} format', () => {
  it("writes numbers the language's way", () => {
    expect(i18n.t('units.blocks', { count: 65536 })).toBe('65,536 blocks');
    // German texts are a chunk of their own; the number follows the language asked for all the same.
    expect(i18n.t('units.blocks', { count: 65536, lng: 'de' })).toMatch(/^65\.536 /);
    expect(i18n.t('timeline.valueText', { moment: 1234, end: 5678, time: '3 s' })).toBe(
      'moment 1,234 of 5,678, t = 3 s',
    );
  });

  it('keeps a few formatters however many different values a page shows', () => {
    for (let i = 0; i < 500; i++) i18n.t('timeline.valueText', { moment: i, end: 1000 + i, time: `${i} s` });
    const kept = cachedNumberFormats();
    for (let i = 500; i < 1000; i++)
      i18n.t('timeline.valueText', { moment: i, end: 1000 + i, time: `${i} s` });
    expect(cachedNumberFormats()).toBe(kept);
    // These formatters are the ones in use (i18next's own cache would have grown by one per call).
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThanOrEqual(3);
  });
});
