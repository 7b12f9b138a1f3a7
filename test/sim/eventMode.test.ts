// Event mode: the same nodes, bus and fork choice with drawn block times. Blocks are marked as carrying no real
// proof, are never re-verified or checked, and a chain holding one is never exported.
import { describe, expect, it } from 'vitest';
import { checkExportable, chainResponseText, parseChainResponse } from '../../src/core/chainJson';
import { expectedAttempts } from '../../src/core/pow';
import { validateChain } from '../../src/core/validate';
import { chainFileText, outFileText, runHeadless } from '../../src/sim/headless';
import { createSimulation } from '../../src/sim/simulation';

const RUN = { nodes: 4, blocks: 200, seed: 3, difficulty: 4, rule: 'tutorial' as const, eventMode: true };

describe('event mode', () => {
  it('runs a network to agreement on a chain whose blocks are all marked noProof', () => {
    const { summary, sim } = runHeadless(RUN);
    expect(summary.converged).toBe(true);
    expect(summary.eventMode).toBe(true);
    const chain = sim.bestChain();
    expect(chain.length).toBe(201);
    expect(chain.slice(1).every((b) => b.noProof === true)).toBe(true);
    expect(chain[0]?.noProof).toBeUndefined();
    // The proofs are placeholders: the real rule rejects them, event-mode validation skips them.
    expect(validateChain(chain, { ...sim.validation(), skipProof: false }).ok).toBe(false);
    expect(validateChain(chain, sim.validation()).ok).toBe(true);
  });

  it('refuses to export such a chain, with a reason a student can read', () => {
    const run = runHeadless(RUN);
    const chain = run.sim.bestChain();
    const r = checkExportable(chain);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('E_NO_PROOF');
      expect(r.error.message).toMatch(/^Block 2 was made in event mode/);
    }
    expect(() => chainResponseText(chain)).toThrow(/event mode/);
    // The whole-run file is written, but says at the top that its chains are not tutorial chains.
    expect(outFileText(run).startsWith('{"proofs": "none", "nodes": [')).toBe(true);
    expect(() => chainFileText(run, 'alice')).toThrow(/event mode/);
    const read = parseChainResponse(outFileText(run));
    expect(read.ok ? null : read.error.code).toBe('E_NO_PROOF');
    expect(checkExportable(chain.slice(0, 1)).ok).toBe(true);
  });

  it('is deterministic: the same seed gives the same run', () => {
    expect(runHeadless(RUN).summary).toEqual(runHeadless(RUN).summary);
    expect(runHeadless({ ...RUN, seed: 4 }).summary).not.toEqual(runHeadless(RUN).summary);
  });

  it('draws block times with mean expected attempts / hash rate (one miner, within 4 SE)', () => {
    const sim = createSimulation({
      seed: 5,
      pow: { rule: 'header', difficulty: 16 },
      hashRate: 1000,
      eventMode: true,
    });
    sim.dispatch({ type: 'add-node' });
    sim.dispatch({ type: 'auto-mine', node: 'alice', on: true });
    const blocks = 2000;
    sim.runUntil(() => sim.bestChain().length > blocks);
    const chain = sim.bestChain();
    const mean = ((chain[blocks]?.timestamp ?? 0) - (chain[0]?.timestamp ?? 0)) / blocks;
    const expected = expectedAttempts({ rule: 'header', difficulty: 16 }) / 1000; // 65.5 s
    expect(Math.abs(mean - expected)).toBeLessThan((4 * expected) / Math.sqrt(blocks));
  });

  it('is chosen when the simulation is created and cannot be switched during a run', () => {
    const sim = createSimulation({ eventMode: false });
    const r = sim.dispatch({ type: 'set-params', patch: { eventMode: true } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('E_BAD_PARAM');
  });
});
