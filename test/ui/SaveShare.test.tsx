// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chainResponseText } from '../../src/core/chainJson';
import { AUTOSAVE_KEY, type StorageLike } from '../../src/share/autosave';
import { decodeLink } from '../../src/share/link';
import { payloadText } from '../../src/share/payload';
import { createController } from '../../src/store/controller';
import { SaveShare } from '../../src/ui/SaveShare';
import { snapshot } from '../share/helpers';
import { advance, renderWith, setupController } from './renderApp';

const panel = () => screen.getByRole('region', { name: 'Save and share' });
const button = (name: RegExp | string) => within(panel()).getByRole('button', { name });

function memoryStorage(quota = Infinity): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem(k, v) {
      if (v.length > quota) throw new DOMException('full', 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}

/** A classroom that has mined a few blocks, seen through the panel. */
function mined() {
  const c = setupController({ params: { resolvePolicy: 'on-announce' } });
  c.dispatch({ type: 'register-all' });
  for (const n of c.sim().nodes()) c.dispatch({ type: 'auto-mine', node: n.id, on: true });
  advance(c, 3);
  return c;
}

/** Capture what a download button writes. */
function captureDownloads() {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:test'));
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return blobs;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('Save and share panel', () => {
  it('makes a share link that opens to the same state in another app', async () => {
    const user = userEvent.setup();
    const { controller } = renderWith(<SaveShare storage={null} />, mined());
    await user.click(button(/Copy share link/));
    const box = (await within(panel()).findByRole('textbox', { name: 'Share link' })) as HTMLInputElement;
    expect(box.value).toMatch(/^http:\/\/localhost(:\d+)?\/#s=[A-Za-z0-9_-]+$/);
    expect(panel()).toHaveTextContent(/Link copied|Link ready/);
    const decoded = await decodeLink(new URL(box.value).hash);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const other = createController();
    expect(other.load(decoded.value).ok).toBe(true);
    expect(snapshot(other)).toEqual(snapshot(controller));
  });

  it('exports the selected node’s chain as GET /chain JSON and the run as a file', async () => {
    const user = userEvent.setup();
    const blobs = captureDownloads();
    const { controller } = renderWith(<SaveShare storage={null} />, mined());
    await user.click(button('Export chain (Alice)'));
    // Mined at difficulty 2: said before anything is written, with the rule that breaks.
    expect(blobs).toHaveLength(0);
    expect(within(panel()).getByRole('alert')).toHaveTextContent(
      /A tutorial node \(rule tutorial, 4 leading zeros\) would refuse this chain: Block 2: proof \d+ does not give a hash with 4 leading zeros\. E_POW/,
    );
    await user.click(button('Export anyway'));
    expect(within(panel()).queryByRole('alert')).toBeNull();
    expect(await blobs[0]!.text()).toBe(chainResponseText(controller.sim().node('alice')!.chain()) + '\n');
    expect(panel()).toHaveTextContent(/Exported Alice's chain \(\d+ blocks\) as GET \/chain JSON/);
    await user.click(button('Export run'));
    expect(await blobs[1]!.text()).toBe(payloadText(controller.runPayload()));
  });

  it('imports a run file and a chain file, and names the problem with a broken one', async () => {
    const user = userEvent.setup();
    const source = mined();
    const { controller } = renderWith(<SaveShare storage={null} />, setupController());
    const input = within(panel()).getByLabelText(/Import a chain/);
    await user.upload(
      input,
      new File([payloadText(source.runPayload())], 'run.json', { type: 'application/json' }),
    );
    expect(await within(panel()).findByText(/Opened the run in run.json/)).toBeInTheDocument();
    expect(snapshot(controller)).toEqual(snapshot(source));

    const bobChain = source.sim().node('bob')!.chain();
    await user.upload(input, new File([chainResponseText(bobChain)], 'bob.json'));
    expect(
      await within(panel()).findByText(/Alice now holds the \d+ blocks of bob.json/),
    ).toBeInTheDocument();
    expect(controller.sim().node('alice')!.chain()).toHaveLength(bobChain.length);

    await user.upload(input, new File(['{"chain": [1], "length": 1}'], 'bad.json'));
    const alert = await within(panel()).findByRole('alert');
    expect(alert).toHaveTextContent('Block 1: a block must be an object, not the number 1. E_SCHEMA');
  });

  it('judges an imported chain at the difficulty its blocks show, and exports it without asking', async () => {
    const user = userEvent.setup();
    const blobs = captureDownloads();
    // A chain mined as the tutorial mines (difficulty 4), loaded into a classroom that mines at 2.
    const real = setupController({ params: { pow: { rule: 'tutorial', difficulty: 4 } } }, 1);
    real.dispatch({ type: 'auto-mine', node: 'alice', on: true });
    while (real.sim().node('alice')!.chain().length < 4) advance(real, 30);
    const chain = real.sim().node('alice')!.chain().slice(0, 4);
    const { controller } = renderWith(<SaveShare storage={null} />, setupController());
    const input = within(panel()).getByLabelText(/Import a chain/);
    await user.upload(input, new File([chainResponseText(chain)], 'real.json'));
    expect(
      await within(panel()).findByText(
        'Alice now holds the 4 blocks of real.json. Its proofs were checked at difficulty 4, as its blocks ' +
          'show. This network mines at 2, so the other nodes refuse this chain until Settings say 4.',
        { exact: false },
      ),
    ).toBeInTheDocument();
    expect(controller.sim().node('alice')!.chain()).toHaveLength(4);
    await user.click(button('Export chain (Alice)'));
    expect(await blobs[0]!.text()).toBe(chainResponseText(chain) + '\n');

    // The last proof changed afterwards still fails at 4, and the node keeps what it had.
    const forged = chain.map((b, i) => (i === 3 ? { ...b, proof: 1 } : b));
    await user.upload(input, new File([chainResponseText(forged)], 'forged.json'));
    expect(await within(panel()).findByRole('alert')).toHaveTextContent(
      'Block 4: proof 1 does not give a hash with 4 leading zeros. E_POW',
    );
    expect(controller.sim().node('alice')!.chain()).toEqual(chain);
  });

  it('autosaves every few seconds, reports a full storage, and starts fresh', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const storage = memoryStorage();
    const { controller } = renderWith(<SaveShare storage={storage} freshParams={{ seed: 7 }} />, mined());
    act(() => void vi.advanceTimersByTime(5000));
    expect(JSON.parse(storage.data.get(AUTOSAVE_KEY)!)).toEqual(
      JSON.parse(payloadText(controller.runPayload())),
    );
    expect(panel()).toHaveTextContent(/Autosaved at t = /);

    act(() => void button(/Start fresh/).click());
    expect(storage.data.size).toBe(0);
    expect(
      controller
        .sim()
        .nodes()
        .map((n) => n.chain().length),
    ).toEqual([1, 1, 1]);
    expect(panel()).toHaveTextContent('Started fresh: the autosave is cleared.');
  });

  it('says in words when the browser’s storage is full', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    renderWith(<SaveShare storage={memoryStorage(10)} />, mined());
    act(() => void vi.advanceTimersByTime(5000));
    expect(within(panel()).getByRole('alert')).toHaveTextContent(
      /Autosave is paused: the browser's storage for this page is full .* E_STORAGE/,
    );
  });
});
