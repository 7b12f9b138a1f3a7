// @vitest-environment jsdom
// Opening on the autosaved run says so, with "Start fresh" one click away; a fresh start says nothing.
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { saveRun, type StorageLike } from '../../src/share/autosave';
import { Notices } from '../../src/ui/Notices';
import { startFromLocation } from '../../src/ui/startFromLocation';
import { advance, renderWith, setupController } from './renderApp';

function memoryStorage(): StorageLike {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('Restored run', () => {
  it('says "Restored your last run — Start fresh", and Start fresh brings the classroom back', async () => {
    const storage = memoryStorage();
    const earlier = setupController();
    act(() => {
      earlier.dispatch({ type: 'mine', node: 'alice' });
      advance(earlier, 5);
    });
    saveRun(storage, earlier.runPayload());
    const next = setupController();
    const user = userEvent.setup();
    renderWith(<Notices />, next);
    expect(screen.getByRole('status')).toHaveTextContent('');
    await act(async () => {
      expect(await startFromLocation(next, { location: { hash: '' }, storage, watchHash: false })).toBe(
        'autosave',
      );
    });
    expect(screen.getByRole('status')).toHaveTextContent('Restored your last run — Start fresh');
    expect(next.sim().node('alice')!.chain()).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('a fresh classroom (nothing saved) says nothing', async () => {
    const next = setupController();
    renderWith(<Notices />, next);
    await act(async () => {
      expect(
        await startFromLocation(next, { location: { hash: '' }, storage: memoryStorage(), watchHash: false }),
      ).toBe('classroom');
    });
    expect(screen.getByRole('status')).toHaveTextContent('');
  });
});
