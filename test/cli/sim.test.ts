// `npm run -s sim`: the last stdout line is one JSON object, the same seed gives the same bytes in another
// process, and hostile input gets a code and an exit status, never a stack trace.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainResponseText } from '../../src/core/chainJson';
import type { Block } from '../../src/core/types';
import { outFileText, runHeadless } from '../../src/sim/headless';
import { runCli, type Ran } from '../support/runCli';

const dir = mkdtempSync(join(tmpdir(), 'chainlab-cli-'));
const file = (name: string) => join(dir, name);
const RUN = ['--nodes', '3', '--blocks', '6', '--seed', '9', '--difficulty', '1', '--latency', '50'];

const cli = (args: readonly string[]): Promise<Ran> => runCli('src/cli/sim.ts', args);

const lastJson = (r: Ran): Record<string, unknown> => {
  const lines = r.stdout.trimEnd().split('\n');
  return JSON.parse(lines[lines.length - 1] as string) as Record<string, unknown>;
};
const noStack = (r: Ran) => {
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stdout).not.toMatch(/^\s+at /m);
};

// The same run in this process: its chains must be byte-identical to the CLI's.
const inProcess = runHeadless({
  nodes: 3,
  blocks: 6,
  seed: 9,
  difficulty: 1,
  rule: 'tutorial',
  latencyMs: 50,
  record: true,
});
const chain = inProcess.sim.bestChain();

const CASES: Record<string, readonly string[]> = {
  run1: [...RUN, '--out', file('out1.json')],
  help: ['--help'],
  valid: ['--import', file('valid.json'), '--difficulty', '1', '--strict'],
  tampered: ['--import', file('tampered.json'), '--difficulty', '1'],
  notChainItems: ['--import', file('ones.json'), '--difficulty', '1'],
  proto: ['--import', file('proto.json'), '--difficulty', '1'],
  nested: ['--import', file('nested.json'), '--difficulty', '1'],
  notJson: ['--import', file('text.json'), '--difficulty', '1'],
  oversized: ['--import', file('big.json'), '--difficulty', '1'],
  missing: ['--import', file('nope.json')],
  oneChain: [...RUN, '--out-chain', 'bob', file('bob.json')],
  eventOut: ['--event', '--nodes', '2', '--blocks', '50', '--out', file('event.json')],
  original: [
    '--rule',
    'tutorial-original',
    '--nodes',
    '2',
    '--blocks',
    '2',
    '--difficulty',
    '2',
    '--out-chain',
    '2',
    file('orig.json'),
  ],
  defaults: ['--nodes', '1', '--blocks', '1'],
  chainNoFile: [...RUN, '--out-chain', 'bob'],
  chainNoNode: [...RUN, '--out-chain', 'zed', file('zed.json')],
  chainEvent: ['--event', '--out-chain', 'alice', file('ev-alice.json')],
};
const results: Record<string, Ran> = {};

beforeAll(async () => {
  writeFileSync(file('valid.json'), chainResponseText(chain));
  // A student edits an amount in block 3: block 4's previous_hash no longer matches.
  const b3 = chain[2] as Block;
  const edited = { ...b3, transactions: b3.transactions.map((t) => ({ ...t, amount: 1000 })) };
  writeFileSync(file('tampered.json'), chainResponseText(chain.map((b, i) => (i === 2 ? edited : b))));
  writeFileSync(file('ones.json'), '{"chain": [1], "length": 1}');
  writeFileSync(file('proto.json'), '{"__proto__": {"chain": [], "length": 0}, "length": 0}');
  writeFileSync(file('nested.json'), `{"chain": ${'['.repeat(100_000)}${']'.repeat(100_000)}, "length": 1}`);
  writeFileSync(file('text.json'), 'this is not json at all');
  writeFileSync(file('big.json'), `{"chain": [], "length": 0, "pad": "${'x'.repeat(9 * 1024 * 1024)}"}`);
  // Two at a time: the machine has two cores and each start costs ~0.4 s.
  const names = Object.keys(CASES);
  const worker = async () => {
    for (let name = names.shift(); name !== undefined; name = names.shift())
      results[name] = await cli(CASES[name] as readonly string[]);
  };
  await Promise.all([worker(), worker()]);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli: run', () => {
  it('prints the documented JSON summary as its last line', () => {
    const r = results.run1 as Ran;
    expect(r.code).toBe(0);
    noStack(r);
    const s = lastJson(r);
    expect(Object.keys(s).sort()).toEqual(
      [
        'seed',
        'rule',
        'difficulty',
        'nodes',
        'heads',
        'converged',
        'staleBlocks',
        'messages',
        'simulatedSeconds',
      ].sort(),
    );
    expect(s).toMatchObject({ seed: 9, rule: 'tutorial', difficulty: 1, nodes: 3, converged: true });
    const heads = s.heads as { id: string; height: number; tip: string }[];
    expect(heads.map((h) => h.id)).toEqual(['alice', 'bob', 'carol']);
    for (const h of heads) expect(Object.keys(h).sort()).toEqual(['height', 'id', 'tip']);
    expect(heads[0]?.tip).toMatch(/^[0-9a-f]{64}$/);
    // Same summary as the same options in this process.
    expect(s).toEqual(JSON.parse(JSON.stringify(inProcess.summary)));
  });

  it('the same seed gives a byte-identical --out file in another process, chains in GET /chain shape', () => {
    const out1 = readFileSync(file('out1.json'), 'utf8');
    expect(out1).toBe(outFileText(inProcess));
    expect(out1).toContain(`"chain": ${chainResponseText(chain)}`);
    expect(out1.startsWith('{"nodes": [{"id": "alice", "url": "http://alice:5000"')).toBe(true);
  });

  it("--out-chain writes one node's chain as the bare GET /chain file, byte-identical to this process", () => {
    expect(results.oneChain?.code).toBe(0);
    const bob = inProcess.sim.nodes().find((n) => n.id === 'bob');
    expect(readFileSync(file('bob.json'), 'utf8')).toBe(chainResponseText(bob?.chain() ?? []) + '\n');
  });

  it("runs at the tutorial's difficulty 4 unless told otherwise", () => {
    expect(lastJson(results.defaults as Ran)).toMatchObject({ rule: 'tutorial', difficulty: 4 });
  });

  it('an event-mode --out file says "proofs": "none", and --import refuses it with E_NO_PROOF', async () => {
    expect(results.eventOut?.code).toBe(0);
    const text = readFileSync(file('event.json'), 'utf8');
    expect(text.startsWith('{"proofs": "none", "nodes": [{"id": "alice"')).toBe(true);
    const r = await cli(['--import', file('event.json')]);
    expect(r.code).toBe(1);
    expect(lastJson(r).error).toMatchObject({ code: 'E_NO_PROOF' });
  });

  it("--rule tutorial-original runs, writes and imports the article's first proof rule", async () => {
    expect(lastJson(results.original as Ran)).toMatchObject({ rule: 'tutorial-original', converged: true });
    const args = ['--import', file('orig.json'), '--difficulty', '2'];
    const [same, other] = await Promise.all([
      cli([...args, '--rule', 'tutorial-original']),
      cli([...args, '--rule', 'tutorial']),
    ]);
    expect(lastJson(same)).toEqual({ valid: true, length: 3 });
    // Block 2's proof was found for sha256(last_proof + proof); the tutorial's rule hashes last_hash too.
    expect(lastJson(other).error).toMatchObject({ code: 'E_POW', index: 2 });
  }, 20_000);

  for (const [name, says] of [
    ['chainNoFile', /--out-chain needs two values/],
    ['chainNoNode', /there is no such node; this run has alice, bob, carol/],
    ['chainEvent', /--out-chain cannot be used with --event/],
  ] as const)
    it(`${name}: E_USAGE saying ${says.source}`, () => {
      const r = results[name] as Ran;
      expect(r.code).toBe(2);
      expect(lastJson(r).error).toMatchObject({ code: 'E_USAGE', message: expect.stringMatching(says) });
    });

  it('--help lists every option', () => {
    const r = results.help as Ran;
    expect(r.code).toBe(0);
    for (const opt of [
      'nodes',
      'blocks',
      'seed',
      'difficulty',
      'rule',
      'latency',
      'scenario',
      'out',
      'out-chain',
    ])
      expect(r.stdout).toContain(`--${opt}`);
    expect(r.stdout).toContain('--import FILE');
    expect(r.stdout).toContain('--strict');
    expect(r.stdout).toContain('partition-heal');
  });
});

describe('cli: --import', () => {
  it('accepts a chain exported from a run, even strictly', () => {
    const r = results.valid as Ran;
    expect(lastJson(r)).toEqual({ valid: true, length: 7 });
    expect(r.code).toBe(0);
  });

  it('names the first broken link after a tampered block', () => {
    const r = results.tampered as Ran;
    expect(r.code).toBe(1);
    const out = lastJson(r);
    expect(out).toMatchObject({ valid: false, length: 7, error: { code: 'E_PREV_HASH', index: 4 } });
  });

  it('names the block whose shape is wrong', () => {
    const out = lastJson(results.notChainItems as Ran);
    expect(out.error).toMatchObject({
      code: 'E_SCHEMA',
      index: 1,
      message: expect.stringMatching(/^Block 1: /),
    });
  });

  for (const [name, code, exit] of [
    ['notChainItems', 'E_SCHEMA', 1],
    ['proto', 'E_JSON', 1],
    ['nested', 'E_JSON', 1],
    ['notJson', 'E_JSON', 1],
    ['oversized', 'E_TOO_LARGE', 1],
    ['missing', 'E_USAGE', 2],
  ] as const) {
    it(`${name}: ${code}, exit ${exit}, no stack trace`, () => {
      const r = results[name] as Ran;
      noStack(r);
      expect(r.code).toBe(exit);
      const out = lastJson(r);
      expect((out.error as { code: string }).code).toBe(code);
      if (exit === 1) expect(out.valid).toBe(false);
    });
  }
});
