import { describe, expect, it } from 'vitest';
import { viewAfterKey, viewFromHash, VIEWS } from '../../src/ui/views';

describe('the views in the address bar', () => {
  it('reads a view from its hash, and nothing from a share link or an unknown hash', () => {
    expect(viewFromHash('#chain')).toBe('chain');
    expect(viewFromHash('#experiments')).toBe('experiments');
    expect(viewFromHash('')).toBeNull();
    expect(viewFromHash('#s=1.abc')).toBeNull();
    expect(viewFromHash('#view-panel')).toBeNull();
  });

  it('moves between tabs as WAI-ARIA tabs do: arrows wrap, Home and End jump, other keys do nothing', () => {
    expect(VIEWS.map((v) => v.label)).toEqual(['Network & consensus', 'Chain', 'Lessons', 'Experiments']);
    expect(viewAfterKey('network', 'ArrowRight')).toBe('chain');
    expect(viewAfterKey('experiments', 'ArrowRight')).toBe('network');
    expect(viewAfterKey('network', 'ArrowLeft')).toBe('experiments');
    expect(viewAfterKey('lessons', 'Home')).toBe('network');
    expect(viewAfterKey('chain', 'End')).toBe('experiments');
    expect(viewAfterKey('chain', 'ArrowDown')).toBeNull();
    expect(viewAfterKey('chain', 'a')).toBeNull();
  });
});
