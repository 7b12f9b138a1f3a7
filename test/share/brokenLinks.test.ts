// Damaged, oversized and hostile links: each fails with a named code and a sentence, and the simulation that
// was running is exactly as it was (fuzzed with a pinned seed, so a failure replays).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, LINK_LIMITS, LINK_PREFIX } from '../../src/share/link';
import type { SharePayload } from '../../src/share/payload';
import { replayRun } from '../../src/share/replay';
import { createController, type Controller } from '../../src/store/controller';
import { arrivingMiner, classroom, LOW, playedController, snapshot } from './helpers';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

async function deflate(text: string | Uint8Array): Promise<string> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('deflate-raw'));
  const packed = new Uint8Array(await new Response(stream).arrayBuffer());
  let bin = '';
  for (const b of packed) bin += String.fromCharCode(b);
  return LINK_PREFIX + btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Open `link` in `target` as the app does; the result and whether `target` kept its simulation untouched. */
async function open(target: Controller, link: string) {
  const sim = target.sim();
  const before = snapshot(target);
  const decoded = await decodeLink(link);
  const loaded = decoded.ok ? target.load(decoded.value) : decoded;
  const untouched = target.sim() === sim && JSON.stringify(snapshot(target)) === JSON.stringify(before);
  return { loaded, untouched };
}

const freshTarget = () => classroom(createController({ params: { ...LOW, seed: 5 } }));

let source: Controller;
let link: string;
let payload: SharePayload;
/** A run mined by stand-in Web Workers: its log holds the proofs they found. */
let workerPayload: SharePayload;

beforeAll(async () => {
  source = playedController(3);
  payload = source.runPayload();
  let miner: ReturnType<typeof arrivingMiner> | null = null;
  const worked = classroom(
    createController({ params: LOW, miner: (found) => (miner = arrivingMiner(found)).port }),
  );
  for (let k = 0; k < 20; k++) {
    worked.tick(k * 100);
    for (const id of miner!.waiting()) miner!.arrive(id);
  }
  workerPayload = worked.runPayload();
  const encoded = await encodeLink(payload);
  if (!encoded.ok) throw new Error(encoded.error.message);
  link = encoded.value;
});

describe('fuzzed broken links (pinned seed)', () => {
  it('every mutation either replays to the very same state or fails with a code, leaving the target alone', async () => {
    const body = () => fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 200 });
    const mutation = fc.oneof(
      fc.nat().map((n) => (l: string) => l.slice(0, n % l.length)),
      fc.tuple(fc.nat(), fc.constantFrom(...ALPHABET)).map(([n, ch]) => (l: string) => {
        const i = LINK_PREFIX.length + (n % (l.length - LINK_PREFIX.length));
        return l.slice(0, i) + ch + l.slice(i + 1);
      }),
      fc
        .tuple(fc.nat(), fc.constantFrom('%', ' ', '=', '/', '+', 'é', '\u0000', '#s='))
        .map(([n, junk]) => (l: string) => {
          const i = n % l.length;
          return l.slice(0, i) + junk + l.slice(i);
        }),
      body().map((s) => (l: string) => l + s),
      body().map((s) => () => LINK_PREFIX + s),
      fc.nat().map((n) => (l: string) => l + l.slice(LINK_PREFIX.length + (n % 50))),
    );
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(mutation, async (mutate) => {
        const target = freshTarget();
        const { loaded, untouched } = await open(target, mutate(link));
        if (loaded.ok) {
          // A change that left the data intact (e.g. the unused low bits of the last character).
          expect(snapshot(target)).toEqual(snapshot(source));
          codes.set('ok', (codes.get('ok') ?? 0) + 1);
          return;
        }
        expect(['E_SHARE_DECODE', 'E_TOO_LARGE']).toContain(loaded.error.code);
        expect(loaded.error.message.length).toBeGreaterThan(20);
        expect(untouched).toBe(true);
        codes.set(loaded.error.code, (codes.get(loaded.error.code) ?? 0) + 1);
      }),
      { seed: 20240611, numRuns: 150 },
    );
    expect(codes.get('E_SHARE_DECODE')).toBeGreaterThan(100);
  });
});

describe('hostile and oversized links', () => {
  const entry = (n: number, cmd: unknown) => ({ kind: 'command', n, at: 0, cmd });
  const bare = (log: unknown[], extra: object = {}) => ({
    v: 2,
    params: payload.params,
    miner: 'hash',
    log,
    check: { n: log.length, at: 0, heads: [] },
    ...extra,
  });
  const cases: [string, () => Promise<string>, string, RegExp][] = [
    ['not a link', async () => 'https://example.org/#x=1', 'E_SHARE_DECODE', /not a Chainlab share link/],
    ['empty', async () => LINK_PREFIX, 'E_SHARE_DECODE', /damaged/],
    [
      'too many characters',
      async () => LINK_PREFIX + 'A'.repeat(LINK_LIMITS.chars + 4),
      'E_TOO_LARGE',
      /at most/,
    ],
    ['a deflate bomb', () => deflate(`{"v": 1, "pad": "${' '.repeat(5 << 20)}"}`), 'E_TOO_LARGE', /MiB/],
    ['not UTF-8', () => deflate(new Uint8Array([0xff, 0xfe, 0xfd])), 'E_SHARE_DECODE', /not text/],
    ['__proto__', () => deflate('{"__proto__": {"v": 1}}'), 'E_SHARE_DECODE', /__proto__/],
    [
      'another version',
      () => deflate(JSON.stringify({ ...bare([]), v: 1 })),
      'E_SHARE_DECODE',
      /another version/,
    ],
    [
      'an unknown command',
      () => deflate(JSON.stringify(bare([entry(0, { type: 'format-disk' })]))),
      'E_SHARE_DECODE',
      /log\[0\]\.cmd\.type/,
    ],
    [
      'inputs out of order',
      () => deflate(JSON.stringify(bare([entry(5, { type: 'add-node' }), entry(2, { type: 'add-node' })]))),
      'E_SHARE_DECODE',
      /log\[1\]\.n/,
    ],
    [
      'a 1000-character node name',
      () => deflate(JSON.stringify(bare([entry(0, { type: 'mine', node: 'x'.repeat(1000) })]))),
      'E_SHARE_DECODE',
      /at most 200/,
    ],
    [
      'settings out of range',
      () =>
        deflate(
          JSON.stringify({
            ...bare([]),
            params: { ...payload.params, pow: { rule: 'tutorial', difficulty: 99 } },
          }),
        ),
      'E_SHARE_DECODE',
      /Difficulty must be/,
    ],
    ...(
      [
        [
          'a resolve interval of 1e-300 (the clock would never move)',
          { resolveInterval: 1e-300 },
          /resolve interval/,
        ],
        ['a genesis timestamp of 1e303', { genesisTimestamp: 1e303 }, /genesis timestamp/],
        ['a peer limit of -5', { maxPeers: -5 }, /peer limit/],
        ['a latency of 1e308 s', { net: { latency: 1e308, jitter: 0, loss: 0 } }, /Latency/],
      ] as const
    ).map(
      ([name, patch, message]) =>
        [
          name,
          () => deflate(JSON.stringify({ ...bare([]), params: { ...payload.params, ...patch } })),
          'E_SHARE_DECODE',
          message,
        ] as [string, () => Promise<string>, string, RegExp],
    ),
    [
      'eleven nodes',
      () =>
        deflate(JSON.stringify(bare(Array.from({ length: 11 }, (_, i) => entry(i, { type: 'add-node' }))))),
      'E_TOO_LARGE',
      /more than 10 nodes/,
    ],
    [
      'a forged check',
      () =>
        deflate(
          JSON.stringify({
            ...payload,
            check: {
              ...payload.check,
              heads: payload.check.heads.map((h) => ({ ...h, tip: 'a'.repeat(64) })),
            },
          }),
        ),
      'E_SHARE_DECODE',
      /went differently/,
    ],
    [
      'an edited proof',
      () => {
        const i = workerPayload.log.findIndex((e) => e.kind === 'found');
        const log = workerPayload.log.map((e, j) =>
          j === i && e.kind === 'found' ? { ...e, proof: e.proof + 1 } : e,
        );
        return deflate(JSON.stringify({ ...workerPayload, log }));
      },
      'E_SHARE_DECODE',
      /went differently/,
    ],
  ];

  it.each(cases)('%s → %s', async (_name, make, code, message) => {
    const target = freshTarget();
    const { loaded, untouched } = await open(target, await make());
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error.code).toBe(code);
    expect(loaded.error.message).toMatch(message);
    expect(untouched).toBe(true);
  });

  it('re-mining that would hash too long is refused before any hashing', () => {
    // Event mode draws block times, so a run can hold blocks of difficulty 8 without hashing them.
    const c = classroom(
      createController({
        params: { ...LOW, eventMode: true, pow: { rule: 'tutorial', difficulty: 8 }, hashRate: 1e9 },
      }),
    );
    for (let t = 0; t <= 20_000; t += 250) c.tick(t);
    expect(c.sim().node('alice')!.chain().length).toBeGreaterThan(3);
    const p = c.runPayload();
    const remine = {
      kind: 'command' as const,
      n: p.check.n,
      at: p.check.at,
      cmd: { type: 'remine' as const, node: 'alice', fromBlock: 2 },
    };
    const started = performance.now();
    const r = replayRun({ ...p, log: [...p.log, remine] });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({ code: 'E_TOO_LARGE', message: expect.stringMatching(/re-mine/) });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a run that would need endless steps is refused before it runs, and a far-off check cannot hang it', () => {
    const endless = {
      ...payload,
      params: { ...payload.params, resolvePolicy: 'periodic' as const, resolveInterval: 1e-3 },
      log: [{ kind: 'command' as const, n: 0, at: 0, cmd: { type: 'add-node' as const } }],
      check: { n: 50_000_000, at: 1e6, heads: [] },
    };
    const started = performance.now();
    const r = replayRun(endless, { limits: { inputs: 20_000 } });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'E_TOO_LARGE', message: expect.stringMatching(/20000 steps/) },
    });
    // Within the budget, a check a million seconds away cannot make the replay run a million seconds of
    // periodic resolves: the first input due before it shows the run was not recorded this way.
    const far = replayRun({ ...endless, check: { n: 1, at: 1e6, heads: [] } });
    expect(far).toMatchObject({ ok: false, error: { code: 'E_SHARE_DECODE' } });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
