// A headless run is a pure function of its options (docs/architecture.md "Determinism"), and a fully connected
// network ends on one chain that the core accepts as strictly valid.
import { describe, expect, it } from 'vitest';
import { chainResponseText, parseChainResponse } from '../../src/core/chainJson';
import { validateChain } from '../../src/core/validate';
import { outFileText, runHeadless, type HeadlessOptions } from '../../src/sim/headless';
import { tipOf } from './helpers';

const OPTS: HeadlessOptions = {
  nodes: 3,
  blocks: 12,
  seed: 42,
  difficulty: 1,
  rule: 'tutorial',
  latencyMs: 80,
  record: true,
};

describe('runHeadless determinism', () => {
  it('gives the same summary and byte-identical --out text for the same options', () => {
    const a = runHeadless(OPTS);
    const b = runHeadless(OPTS);
    expect(b.summary).toEqual(a.summary);
    const textA = outFileText(a);
    expect(outFileText(b)).toBe(textA);
    // The run really did something worth comparing.
    expect(a.summary.heads.map((h) => h.height)).toEqual([12, 12, 12]);
    expect(a.summary.messages).toBeGreaterThan(50);
    expect(textA.length).toBeGreaterThan(10_000);
  });

  it('a different seed gives a different run', () => {
    const a = runHeadless(OPTS);
    const b = runHeadless({ ...OPTS, seed: 43 });
    expect(b.summary.seed).toBe(43);
    expect(b.summary.heads[0]?.tip).not.toBe(a.summary.heads[0]?.tip);
    expect(outFileText(b)).not.toBe(outFileText(a));
  });

  it('is deterministic for the header rule too', () => {
    const o: HeadlessOptions = { ...OPTS, rule: 'header', difficulty: 6, blocks: 8, record: false };
    expect(runHeadless(o).summary).toEqual(runHeadless(o).summary);
  });
});

describe('runHeadless convergence', () => {
  for (const [nodes, rule, difficulty] of [
    [3, 'tutorial', 1],
    [5, 'tutorial', 2],
    [4, 'header', 8],
  ] as const) {
    it(`${nodes} fully connected nodes (${rule}, D=${difficulty}) end on one strictly valid chain`, () => {
      const run = runHeadless({ nodes, blocks: 15, seed: 5, difficulty, rule });
      const { summary, sim } = run;
      expect(summary.converged).toBe(true);
      expect(summary.nodes).toBe(nodes);
      expect(summary.heads).toHaveLength(nodes);
      const [first] = summary.heads;
      for (const h of summary.heads) expect(h).toEqual({ ...first, id: h.id });
      expect(first?.height).toBeGreaterThanOrEqual(15);
      expect(summary.staleBlocks).toBeGreaterThanOrEqual(0);
      for (const n of sim.nodes()) {
        // Export in the tutorial's GET /chain shape, read it back as an outsider would, validate strictly.
        const parsed = parseChainResponse(chainResponseText(n.chain()));
        if (!parsed.ok) throw new Error(parsed.error.message);
        expect(parsed.value.claimedLength).toBe(n.chain().length);
        expect(tipOf(parsed.value.chain)).toBe(first?.tip);
        const v = validateChain(parsed.value.chain, { pow: { rule, difficulty }, strictness: 'strict' });
        expect(v).toEqual({ ok: true, value: n.chain().length });
      }
    });
  }

  it('the exported chain names the miners in the rewards and numbers blocks from 1', () => {
    const { sim } = runHeadless({ ...OPTS, record: false });
    const chain = sim.bestChain();
    expect(chain.map((b) => b.index)).toEqual(Array.from({ length: chain.length }, (_, i) => i + 1));
    const miners = new Set(chain.slice(1).map((b) => b.transactions.at(-1)?.recipient));
    for (const m of miners) expect(['alice', 'bob', 'carol']).toContain(m);
  });
});
