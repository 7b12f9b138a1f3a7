// Real nodes in the world (src/sim/hosts.ts): the app connects one by URL, reads its chain, registers it with
// its own nodes and resolves against it. Every answer is an input, so a run file replays to the same state
// without any network.
import { describe, expect, it } from 'vitest';
import { fromBlocks } from '../../src/core/chain';
import type { Chain } from '../../src/core/types';
import { parsePayloadText } from '../../src/share/readPayload';
import { payloadText } from '../../src/share/payload';
import { runPayload } from '../../src/share/recorder';
import { replayRun } from '../../src/share/replay';
import type { Request } from '../../src/sim/protocol';
import { createSimulation, type AskHost, type Simulation } from '../../src/sim/simulation';
import type { SimEvent } from '../../src/sim/events';
import { mine } from '../core/helpers';
import { LOW, nodeOf, settle } from './helpers';

/** The Python node's chain: 4 blocks at difficulty 1 on the shared genesis, its rewards to "py". */
const PY_CHAIN: Chain = mine({ rule: 'tutorial', difficulty: 1 }, [{}, {}, {}]);

const flush = () => new Promise((done) => setTimeout(done, 0));

/** A fake network: every host serves PY_CHAIN; the requests it was asked are kept. */
function fakeNet(serve: (to: string) => Chain | number = () => PY_CHAIN) {
  const asked: { to: string; request: Request; base: string | undefined }[] = [];
  const net: AskHost = async (to, request, base) => {
    asked.push({ to, request, base });
    const chain = serve(to);
    if (typeof chain === 'number') return { response: { status: chain, body: { message: 'Not Found' } } };
    return { response: { status: 200, body: { chain: fromBlocks(chain), length: chain.length } } };
  };
  return { net, asked };
}

/**
 * Resolve alice: her GET /chain leaves when the resolve request reaches her, and its answer comes back in real
 * time, before her timeout (virtual time does not run while the answer is on its way here).
 */
async function resolveAgainstHost(sim: Simulation): Promise<void> {
  const before = sim.messageCount();
  sim.dispatch({ type: 'resolve', node: 'alice' });
  sim.runUntil(() => sim.messages().some((m) => m.fate === 'sent' && m.id > before));
  await flush();
  settle(sim);
}

function classroom(net?: AskHost): { sim: Simulation; events: SimEvent[] } {
  const sim = createSimulation(LOW, net ? { net } : {});
  const events: SimEvent[] = [];
  sim.subscribe((e) => events.push(e));
  sim.dispatch({ type: 'add-node' });
  sim.dispatch({ type: 'add-node' });
  return { sim, events };
}

describe('real nodes in the world', () => {
  it('connecting reads the real node’s chain; a node that registers it adopts it on resolve', async () => {
    const { net, asked } = fakeNet();
    const { sim, events } = classroom(net);
    expect(sim.dispatch({ type: 'connect-host', url: 'http://127.0.0.1:5000/' }).ok).toBe(true);
    await flush();
    const [host] = sim.hosts();
    expect(host).toMatchObject({ address: '127.0.0.1:5000', url: 'http://127.0.0.1:5000', error: null });
    expect(host?.chain).toEqual(PY_CHAIN);
    expect(asked).toEqual([
      { to: '127.0.0.1:5000', request: { method: 'GET', path: '/chain' }, base: 'http://127.0.0.1:5000' },
    ]);

    sim.dispatch({ type: 'register', node: 'alice', urls: ['http://127.0.0.1:5000'] });
    settle(sim);
    await resolveAgainstHost(sim);
    expect(nodeOf(sim, 'alice').chain()).toEqual(PY_CHAIN);
    const resolved = events.filter((e) => e.type === 'resolve').at(-1);
    expect(resolved).toMatchObject({
      node: 'alice',
      adoptedFrom: '127.0.0.1:5000',
      message: 'Our chain was replaced',
    });
    // bob never registered it: his chain is his own.
    expect(nodeOf(sim, 'bob').chain()).toHaveLength(1);
  });

  it('a run with real nodes replays from its file to the same state, with no network', async () => {
    const { net } = fakeNet();
    const { sim } = classroom(net);
    sim.dispatch({ type: 'connect-host', url: 'http://127.0.0.1:5000' });
    sim.dispatch({ type: 'register', node: 'alice', urls: ['127.0.0.1:5000'] });
    settle(sim);
    await resolveAgainstHost(sim);
    const text = payloadText(runPayload(sim));
    expect(text).toContain('"kind":"answer"');
    const read = parsePayloadText(text, 1 << 24);
    if (!read.ok) throw new Error(read.error.message);
    const again = replayRun(read.value);
    if (!again.ok) throw new Error(again.error.message);
    expect(nodeOf(again.value, 'alice').chain()).toEqual(PY_CHAIN);
    expect(again.value.hosts()).toEqual(sim.hosts());
    expect(again.value.world().hosts.map((h) => h.address)).toEqual(['127.0.0.1:5000']);
  });

  it('a Chainlab node’s relay reaches the node it names, which is the address the world knows', async () => {
    const { net, asked } = fakeNet();
    const { sim } = classroom(net);
    sim.dispatch({ type: 'connect-host', url: 'http://127.0.0.1:5001/relay/127.0.0.1:5000' });
    await flush();
    expect(sim.hosts()[0]?.address).toBe('127.0.0.1:5000');
    expect(asked[0]?.base).toBe('http://127.0.0.1:5001/relay/127.0.0.1:5000');
  });

  it('says why a real node gave no chain, and keeps the reason in the world', async () => {
    const { net } = fakeNet(() => 404);
    const { sim, events } = classroom(net);
    sim.dispatch({ type: 'connect-host', url: 'http://127.0.0.1:5000' });
    await flush();
    expect(sim.hosts()[0]?.error).toMatchObject({
      code: 'E_SCHEMA',
      message: '127.0.0.1:5000 answered GET /chain with status 404 and no chain.',
    });
    expect(events.filter((e) => e.type === 'host').map((e) => e.type === 'host' && e.change)).toEqual([
      'connected',
      'answered',
    ]);
  });

  it('without a network (headless), a real node is unreachable at once, and the run goes on', () => {
    const { sim } = classroom();
    sim.dispatch({ type: 'connect-host', url: 'http://10.0.0.5:5000' });
    expect(sim.hosts()[0]?.error).toMatchObject({ code: 'E_UNREACHABLE' });
    expect(sim.hosts()[0]?.chain).toBeNull();
  });

  it('only reads: announcements and registrations to a real node are never sent', async () => {
    const { net, asked } = fakeNet();
    const sim = createSimulation({ ...LOW, resolvePolicy: 'on-announce' }, { net });
    sim.dispatch({ type: 'add-node' });
    sim.dispatch({ type: 'connect-host', url: 'http://127.0.0.1:5000' });
    sim.dispatch({ type: 'register', node: 'alice', urls: ['127.0.0.1:5000'] });
    sim.dispatch({ type: 'mine', node: 'alice' });
    settle(sim);
    await flush();
    expect(asked.map((a) => a.request.path)).toEqual(['/chain']);
    const announce = sim.messages().find((m) => m.to === '127.0.0.1:5000' && m.label.includes('announce'));
    expect(announce?.fate).toBe('unreachable');
  });

  for (const [url, code, says] of [
    ['ftp://127.0.0.1:5000', 'E_BAD_URL', /is not a node's address like http:\/\/127\.0\.0\.1:5000/],
    ['http://alice:5000', 'E_BAD_URL', /alice:5000 is a simulated node here/],
    ['http://127.0.0.1:99999', 'E_BAD_URL', /Port 99999 does not exist/],
    ['http://127.0.0.1:5000/relay/', 'E_BAD_URL', /is not a node's address/],
  ] as const)
    it(`refuses ${url}: ${code}, and the world is unchanged`, () => {
      const { sim } = classroom(fakeNet().net);
      const before = sim.world();
      const r = sim.dispatch({ type: 'connect-host', url });
      expect(r.ok ? null : r.error).toMatchObject({ code, message: expect.stringMatching(says) });
      expect(sim.world()).toBe(before);
    });

  it('refuses a second connection to the same node and a fifth real node', () => {
    const { sim } = classroom(fakeNet().net);
    for (let i = 0; i < 4; i++)
      expect(sim.dispatch({ type: 'connect-host', url: `http://10.0.0.${i + 1}:5000` }).ok).toBe(true);
    const again = sim.dispatch({ type: 'connect-host', url: 'http://10.0.0.1:5000' });
    expect(again.ok ? null : again.error.code).toBe('E_BAD_URL');
    const fifth = sim.dispatch({ type: 'connect-host', url: 'http://10.0.0.9:5000' });
    expect(fifth.ok ? null : fifth.error.code).toBe('E_PEER_LIMIT');
    expect(sim.dispatch({ type: 'disconnect-host', address: '10.0.0.1:5000' }).ok).toBe(true);
    expect(sim.hosts()).toHaveLength(3);
  });
});
