// Re-mining off the page's thread: the worker's proofs, handed to the world as one `remine` command, repair a
// tampered chain exactly as the world's own search would; a stale or wrong proof is refused and changes nothing.
import { describe, expect, it } from 'vitest';
import { hashBlock } from '../../src/core/block';
import type { Result } from '../../src/core/errors';
import { validateChain } from '../../src/core/validate';
import { asRecorded } from '../../src/share/wire';
import { powAt } from '../../src/ui/chainView';
import { createMainThreadMiner } from '../../src/worker/mainThreadMiner';
import { startRemine, type RemineProgress } from '../../src/worker/remine';
import { makeSim, settle } from '../sim/helpers';

/** Alice with a 4-block chain whose block 2 holds an edited payment: block 3 on no longer links. */
function tampered() {
  const sim = makeSim(1, { pow: { rule: 'tutorial', difficulty: 3 } });
  sim.dispatch({
    type: 'transaction',
    node: 'alice',
    body: { sender: 'Alice', recipient: 'Bob', amount: 5 },
  });
  for (let i = 0; i < 3; i++) {
    sim.dispatch({ type: 'mine', node: 'alice' });
    settle(sim);
  }
  const r = sim.dispatch({ type: 'tamper', node: 'alice', blockNumber: 2, txIndex: 0, tx: { amount: 50 } });
  expect(r.ok).toBe(true);
  return sim;
}

const remine = (
  chain: Parameters<typeof startRemine>[0]['chain'],
  powAt: Parameters<typeof startRemine>[0]['powAt'],
) =>
  new Promise<{ result: Result<readonly number[]>; progress: RemineProgress[] }>((resolve) => {
    const progress: RemineProgress[] = [];
    startRemine({
      chain,
      fromBlock: 3,
      powAt,
      open: createMainThreadMiner,
      onProgress: (p) => progress.push(p),
      onDone: (result) => resolve({ result, progress }),
    });
  });

describe('re-mining in the miner', () => {
  it('finds one proof per block that the world accepts; the chain is valid again', async () => {
    const sim = tampered();
    const chain = sim.node('alice')!.chain();
    const opts = sim.validation();
    expect(validateChain(chain, opts).ok).toBe(false);
    const { result } = await remine(chain, (index) => powAt(opts, index));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toHaveLength(2);
    const cmd = asRecorded({ type: 'remine', node: 'alice', fromBlock: 3, proofs: result.value });
    expect(cmd.ok && cmd.value).toEqual({
      type: 'remine',
      node: 'alice',
      fromBlock: 3,
      proofs: result.value,
    });
    expect(sim.dispatch({ type: 'remine', node: 'alice', fromBlock: 3, proofs: result.value }).ok).toBe(true);
    const repaired = sim.node('alice')!.chain();
    expect(validateChain(repaired, opts).ok).toBe(true);
    expect(repaired[1]!.transactions[0]!.amount).toBe(50);
    expect(repaired.slice(2).map((b) => b.proof)).toEqual(result.value);
  });

  it('a proof that does not fit (the chain changed meanwhile) is refused and the chain stays as it was', async () => {
    const sim = tampered();
    const before = sim.node('alice')!.chain();
    const r = sim.dispatch({ type: 'remine', node: 'alice', fromBlock: 3, proofs: [1, 2] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('E_POW');
      expect(r.error.message).toBe(
        'The proof found for block 3 no longer fits it: the chain changed meanwhile.',
      );
    }
    expect(sim.dispatch({ type: 'remine', node: 'alice', fromBlock: 3, proofs: [1] })).toMatchObject({
      ok: false,
      error: { code: 'E_SCHEMA' },
    });
    expect(sim.node('alice')!.chain().map(hashBlock)).toEqual(before.map(hashBlock));
  });

  it("an older run's remine (no proofs) still reads and searches in the world", () => {
    const cmd = asRecorded({ type: 'remine', node: 'alice', fromBlock: 3 });
    expect(cmd.ok && cmd.value).toEqual({ type: 'remine', node: 'alice', fromBlock: 3 });
    const sim = tampered();
    expect(sim.dispatch({ type: 'remine', node: 'alice', fromBlock: 3 }).ok).toBe(true);
    expect(validateChain(sim.node('alice')!.chain(), sim.validation()).ok).toBe(true);
  });

  it('reports progress against the expected work of every block at its own difficulty', async () => {
    const sim = tampered();
    const opts = sim.validation();
    const { progress } = await remine(sim.node('alice')!.chain(), (index) => powAt(opts, index));
    // 2 blocks at 16³ expected attempts each; progress may be too quick to report at difficulty 3.
    for (const p of progress) expect(p).toMatchObject({ from: 3, to: 4, expected: 2 * 16 ** 3 });
  });
});
