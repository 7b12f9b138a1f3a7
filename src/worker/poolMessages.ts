// What a pool worker (pool.worker.ts) hears beyond the miner messages of messages.ts: the page's budget, the
// fraction of a core each unit of hash-power share may use now that several nodes share the pool.
import { MINER_PROTOCOL_VERSION, type PageToMiner } from './messages';

/**
 * Page → pool worker: a job of share s may use s × budget of a core (budget = min(1, workers / Σ shares of the
 * pool's jobs), minerPool.ts), so the worker idles only when its jobs ask for less than a whole core. Sent again
 * whenever the pool's jobs change; running jobs are never restarted for it.
 */
export interface BudgetMessage {
  readonly v: typeof MINER_PROTOCOL_VERSION;
  readonly type: 'budget';
  readonly budget: number;
}

export type PageToPool = PageToMiner | BudgetMessage;

/** The budget carried by `data`, or null when it is some other message (left to parsePageToMiner). */
export function readBudget(data: unknown): number | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.type !== 'budget' || m.v !== MINER_PROTOCOL_VERSION) return null;
  const b = m.budget;
  return typeof b === 'number' && b > 0 && b <= 1 ? b : null;
}
