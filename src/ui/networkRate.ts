import { useApp } from './context';

/**
 * The network's hash rate right now: measured by the miners when they report it, else the simulated rate.
 * It moves with every miner report (several times a second), so only the lines that print it subscribe to it:
 * a whole settings panel re-rendering with it rewrote its sliders and selects on every store update.
 */
export function useNetworkRate(): number {
  return useApp((s) => {
    const measured = s.nodes.reduce((sum, n) => sum + (s.progress[n.id]?.rate ?? 0), 0);
    const simulated = s.nodes
      .filter((n) => n.mining)
      .reduce((sum, n) => sum + s.params.hashRate * n.share, 0);
    return measured > 0 ? measured : simulated;
  });
}
