// @vitest-environment jsdom
// The charts panel with a fixed size (ResponsiveContainer measures nothing in jsdom), fed by a real run.
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { hashBlock } from '../../src/core/block';
import { longestChain, networkRate, rateSample, rateTick, staleSeries } from '../../src/ui/chartData';
import ChartsPanel from '../../src/ui/ChartsPanel';
import { advance, renderWith, setupController } from './renderApp';

let consoleError: MockInstance;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
});
afterEach(() => {
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});

const SIZE = { width: 480, height: 220 };
const figure = (title: string) =>
  screen.getByRole('heading', { name: title }).closest('figure') as HTMLElement;

/** Three registered nodes that auto-mine at 2000 H/s each (tutorial difficulty 2: 256 attempts a block). */
function miningNetwork() {
  const controller = setupController();
  controller.dispatch({ type: 'register-all' });
  for (const id of ['alice', 'bob', 'carol']) controller.dispatch({ type: 'auto-mine', node: id, on: true });
  return controller;
}

describe('<ChartsPanel>', () => {
  it('draws one height line per node, and says the heights in words', () => {
    const controller = miningNetwork();
    renderWith(<ChartsPanel fixedSize={SIZE} />, controller);
    act(() => advance(controller, 1));
    const s = controller.store.getState();
    expect(screen.getByRole('region', { name: 'Charts' })).toContainElement(
      screen.getByRole('heading', { level: 2, name: 'Charts' }),
    );
    const heights = figure('Height per node over time');
    const lines = heights.querySelectorAll('.recharts-line-curve');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect([...heights.querySelectorAll('.chart-legend-text')].map((e) => e.textContent)).toEqual([
      'Alice',
      'Bob',
      'Carol',
    ]);
    // recharts' own legend names each icon "<name> legend icon" in English, whatever the page's language.
    expect(heights.querySelector('[aria-label*="legend icon"]')).toBeNull();
    const h = (id: string) => s.nodes.find((n) => n.id === id)!.chain.length - 1;
    expect(h('alice')).toBeGreaterThan(3);
    expect(within(heights).getByRole('img')).toHaveAccessibleName(
      `At 1.0 s: Alice ${h('alice')}, Bob ${h('bob')}, Carol ${h('carol')} blocks.`,
    );
  });

  it('compares block intervals with the target, and counts stale blocks off the longest chain', () => {
    const controller = miningNetwork();
    renderWith(<ChartsPanel fixedSize={SIZE} />, controller);
    act(() => advance(controller, 2));
    const s = controller.store.getState();

    // 3 nodes × 2000 H/s; 256 attempts on average → a block every 43 ms across the network.
    const interval = figure('Block interval against the target');
    expect(interval).toHaveTextContent(/vs 43 ms expected \(256 attempts ÷ 6\.0 kH\/s\)/);
    expect(interval.querySelectorAll('.recharts-bar-rectangle').length).toBeGreaterThan(5);

    const onChain = new Set(controller.sim().bestChain().map(hashBlock));
    const stale = s.mined.filter((m) => !onChain.has(m.hash)).length;
    expect(stale).toBeGreaterThan(0); // equal miners 43 ms apart with 50 ms latency do fork
    expect(within(figure('Forks: stale blocks')).getByRole('img')).toHaveAccessibleName(
      `${stale} of ${s.mined.length} mined blocks are not on the longest chain (stale).`,
    );

    expect(within(figure('Hash rate per node (attempts per second)')).getByRole('img')).toHaveAccessibleName(
      'At 2.0 s: Alice 2.0 kH/s, Bob 2.0 kH/s, Carol 2.0 kH/s; the network averages 6.0 kH/s.',
    );
    expect(
      figure('Hash rate per node (attempts per second)').querySelectorAll('.recharts-line-curve'),
    ).toHaveLength(3);
  });

  it('tells an empty run in words', () => {
    renderWith(<ChartsPanel fixedSize={SIZE} />, setupController());
    expect(screen.getByText('No blocks yet: every node holds only the genesis block.')).toBeInTheDocument();
    expect(screen.getByText('No blocks mined yet, so no forks.')).toBeInTheDocument();
  });
});

describe('chart data', () => {
  it('falls back to hashRate × the shares of auto-mining nodes when no rate was sampled', () => {
    const controller = setupController();
    controller.dispatch({ type: 'auto-mine', node: 'alice', on: true });
    controller.dispatch({ type: 'auto-mine', node: 'bob', on: true });
    expect(controller.dispatch({ type: 'set-share', node: 'alice', share: 0.5 }).ok).toBe(true);
    const { nodes } = controller.store.getState();
    // Carol does not mine: 1500 × (0.5 + 1).
    expect(networkRate([], nodes, 1500)).toBe(2250);
    expect(networkRate([{ t: 1, alice: 900, bob: 0 }, { t: 2, alice: 1100 }, { t: 3 }], nodes, 1500)).toBe(
      1000,
    );
  });

  it('keeps a mining node at its last rate while its miner measures a fresh job, and drops idle nodes to 0', () => {
    const controller = setupController();
    controller.dispatch({ type: 'auto-mine', node: 'alice', on: true });
    const s = controller.store.getState();
    const fresh = { ...s, progress: { alice: { jobId: 9, attempts: 0, nonce: 0, rate: 0 } } };
    expect(rateSample(fresh, { t: 0, alice: 1800, bob: 700 })).toEqual({
      t: 0,
      alice: 1800,
      bob: 0,
      carol: 0,
    });
    expect(rateSample(s)).toEqual({ t: 0, alice: 2000, bob: 0, carol: 0 });
    expect([950, 1500, 2_340_000].map(rateTick)).toEqual(['950', '1.5 k', '2.3 M']);
  });

  it('counts stale blocks cumulatively in the order they were mined', () => {
    const controller = miningNetwork();
    advance(controller, 1);
    const s = controller.store.getState();
    const best = longestChain(s.nodes);
    const series = staleSeries(s.mined, new Set(best.map(hashBlock)));
    expect(series).toHaveLength(s.mined.length);
    expect(series.at(-1)?.mined).toBe(s.mined.length);
    expect(series.at(-1)!.stale + best.length - 1).toBeGreaterThanOrEqual(s.mined.length);
  });
});
