// Autosave and boot: a saved run comes back after a reload, "Start fresh" forgets it, a full or disabled
// storage is a message with a code, and a bad link or save never replaces the running classroom.
import { describe, expect, it } from 'vitest';
import {
  AUTOSAVE_KEY,
  loadSavedRun,
  saveRun,
  type StorageLike,
  discardKeptRun,
  keptRun,
} from '../../src/share/autosave';
import { encodeLink } from '../../src/share/link';
import { createController } from '../../src/store/controller';
import { startFresh, startFromLocation } from '../../src/ui/startFromLocation';
import { classroom, LOW, playedController, snapshot } from './helpers';

function memoryStorage(quota = Infinity): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem(k, v) {
      if (v.length > quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}

const disabled: StorageLike = {
  getItem() {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem() {
    throw new DOMException('denied', 'SecurityError');
  },
  removeItem() {
    throw new DOMException('denied', 'SecurityError');
  },
};

const newClassroom = () => classroom(createController({ params: { ...LOW, seed: 77 } }));

describe('autosave', () => {
  it('saves a run and restores it at the next start', async () => {
    const storage = memoryStorage();
    const c = playedController(3);
    expect(saveRun(storage, c.runPayload())).toEqual({
      ok: true,
      value: storage.data.get(AUTOSAVE_KEY)?.length,
    });
    const next = newClassroom();
    expect(await startFromLocation(next, { location: { hash: '' }, storage, watchHash: false })).toBe(
      'autosave',
    );
    expect(snapshot(next)).toEqual(snapshot(c));
  });

  it('a full storage gives E_STORAGE in words, and nothing is half-written', () => {
    const storage = memoryStorage(100);
    const r = saveRun(storage, playedController(1).runPayload());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('E_STORAGE');
      expect(r.error.message).toMatch(/storage for this page is full .* Export the run/);
    }
    expect(storage.data.size).toBe(0);
    const off = saveRun(disabled, playedController(1).runPayload());
    expect(!off.ok && off.error.message).toMatch(/does not let the page store data/);
    expect(loadSavedRun(disabled)).toBeNull();
  });

  it('a save this version cannot replay is reported once and kept aside, never lost; the classroom keeps running', async () => {
    const storage = memoryStorage();
    const unreadable = '{"v": 2, "params": 5}';
    storage.setItem(AUTOSAVE_KEY, unreadable);
    const next = newClassroom();
    const sim = next.sim();
    expect(await startFromLocation(next, { location: { hash: '' }, storage, watchHash: false })).toBe(
      'classroom',
    );
    expect(next.sim()).toBe(sim);
    expect(next.store.getState().notices.at(-1)?.error).toMatchObject({
      code: 'E_SHARE_DECODE',
      message: expect.stringMatching(
        /^The autosaved run could not be restored: .*params must be an object.* It is kept aside: “Download the kept run”/,
      ),
    });
    // Out of the way of new autosaves, but every character of it still there to download.
    expect(storage.data.has(AUTOSAVE_KEY)).toBe(false);
    expect(keptRun(storage)).toBe(unreadable);
    discardKeptRun(storage);
    expect(keptRun(storage)).toBeNull();
  });

  it('"Start fresh" forgets the save and runs the classroom again', () => {
    const storage = memoryStorage();
    const c = playedController(2);
    saveRun(storage, c.runPayload());
    startFresh(c, storage, LOW);
    expect(storage.data.size).toBe(0);
    expect(c.sim().now()).toBe(0);
    expect(
      c
        .sim()
        .nodes()
        .map((n) => [n.id, n.chain().length, n.autoMine(), n.peers().length]),
    ).toEqual([
      ['alice', 1, true, 0],
      ['bob', 1, true, 0],
      ['carol', 1, true, 0],
    ]);
  });
});

describe('boot from a link', () => {
  it('a link wins over the autosave', async () => {
    const storage = memoryStorage();
    saveRun(storage, playedController(2).runPayload());
    const shared = playedController(3, { ...LOW, seed: 12 });
    const link = await encodeLink(shared.runPayload());
    if (!link.ok) throw new Error(link.error.message);
    const next = newClassroom();
    expect(await startFromLocation(next, { location: { hash: link.value }, storage, watchHash: false })).toBe(
      'link',
    );
    expect(snapshot(next)).toEqual(snapshot(shared));
  });

  it('a broken link shows E_SHARE_DECODE and the classroom keeps running', async () => {
    const next = newClassroom();
    const sim = next.sim();
    const started = await startFromLocation(next, {
      location: { hash: '#s=AAAA' },
      storage: null,
      watchHash: false,
    });
    expect(started).toBe('classroom');
    expect(next.sim()).toBe(sim);
    expect(next.store.getState().notices.at(-1)?.error.code).toBe('E_SHARE_DECODE');
  });
});
