// A run → a share link → a new controller: the replay reaches exactly the recorded state, whatever the
// miner was, and whatever the user did between frames, while paused or stepping (src/share/payload.ts).
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink } from '../../src/share/link';
import { createController } from '../../src/store/controller';
import { arrivingMiner, classroom, LOW, playedController, snapshot } from './helpers';

async function viaLink(c: ReturnType<typeof createController>) {
  const link = await encodeLink(c.runPayload());
  if (!link.ok) throw new Error(link.error.message);
  expect(link.value.startsWith('#s=')).toBe(true);
  const decoded = await decodeLink(link.value);
  if (!decoded.ok) throw new Error(decoded.error.message);
  const other = createController({ params: { seed: 999 } });
  const loaded = other.load(decoded.value);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return { other, link: link.value };
}

describe('share link round trip', () => {
  it('replays proofs that arrived at moments only the recording knows (the Web Worker case)', async () => {
    let fake: ReturnType<typeof arrivingMiner> | null = null;
    const c = classroom(createController({ params: LOW, miner: (s) => (fake = arrivingMiner(s)).port }));
    const miner = () => fake as unknown as ReturnType<typeof arrivingMiner>;
    let t = 0;
    const frame = () => c.tick((t += 100));
    for (let k = 0; k < 40; k++) {
      frame();
      // Proofs arrive between frames, in an order the seed does not decide.
      for (const id of miner().waiting()) if ((k + id.length) % 3 === 0) miner().arrive(id);
      if (k === 10)
        c.dispatch({ type: 'transaction', node: 'bob', body: { sender: 'x', recipient: 'y', amount: 2 } });
      if (k === 20) c.dispatch({ type: 'partition', groups: [['alice'], ['bob', 'carol']] });
      if (k === 30) c.dispatch({ type: 'heal' });
    }
    // Paused: step event by event, with a click and an arrival in between.
    c.pause();
    c.step();
    for (const id of miner().waiting()) miner().arrive(id);
    c.step();
    c.dispatch({ type: 'resolve', node: 'alice' });
    c.step();
    c.play();
    for (let k = 0; k < 10; k++) frame();
    const before = snapshot(c);
    expect(before.nodes.map((n) => n.length).every((l) => l > 3)).toBe(true);
    const { other, link } = await viaLink(c);
    expect(snapshot(other)).toEqual(before);
    // The loaded run records on from where it stands: sharing it again gives the very same link.
    const again = await encodeLink(other.runPayload());
    expect(again.ok && again.value).toBe(link);
  });

  it('replays every kind of command, including the bug lab’s and a loaded chain', async () => {
    const c = playedController(6);
    const bobChain = c.sim().node('bob')!.chain();
    const cmds = [
      { type: 'set-share', node: 'carol', share: 0.5 },
      { type: 'set-reward', node: 'carol', amount: 1000 },
      { type: 'claim-length', node: 'bob', length: 50 },
      { type: 'set-params', patch: { pow: { difficulty: 3 }, flaws: { noMempoolReconcile: true } } },
      { type: 'tamper', node: 'alice', blockNumber: 2, txIndex: 0, tx: { amount: 99 } },
      { type: 'remine', node: 'alice', fromBlock: 2 },
      { type: 'copy-proof', node: 'carol', from: 'bob' },
      { type: 'add-node' },
      { type: 'register', node: 'dave', urls: ['http://alice:5000', 'dave:5000'] },
      { type: 'load-chain', node: 'dave', chain: bobChain },
      { type: 'remove-node', node: 'carol' },
      { type: 'set-params', patch: { resolvePolicy: 'periodic', resolveInterval: 2 } },
    ] as const;
    let t = 6000;
    for (const cmd of cmds) {
      expect(c.dispatch(cmd).ok, cmd.type).toBe(true);
      c.tick((t += 150));
    }
    const { other } = await viaLink(c);
    expect(snapshot(other)).toEqual(snapshot(c));
    expect(snapshot(other).nodes.map((n) => n.id)).toEqual(['alice', 'bob', 'dave']);
  });

  it('a refused command is not recorded, so it cannot break the replay', async () => {
    const c = playedController(2);
    expect(c.dispatch({ type: 'mine', node: 'mallory' }).ok).toBe(false);
    expect(c.dispatch({ type: 'set-params', patch: { pow: { difficulty: 99 } } }).ok).toBe(false);
    expect(c.runPayload().log.some((e) => e.kind === 'command' && e.cmd.type === 'set-params')).toBe(false);
    const { other } = await viaLink(c);
    expect(snapshot(other)).toEqual(snapshot(c));
  });
});
