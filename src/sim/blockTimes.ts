// Mean time between blocks over stretches of a chain, beside the time its targets asked for: what a headless run
// with retargeting or a hash-rate step reports (the CLI's table and summary), so a reader sees blocks come
// faster after the step and the rule bring them back (docs/architecture.md "Retargeting").
import { expectedAttempts } from '../core/pow';
import { workOf } from '../core/target';
import type { Chain } from '../core/types';
import type { SimParams } from './params';

export interface Stretch {
  /** Heights of its first and last block (genesis is height 0). */
  readonly from: number;
  readonly to: number;
  /** Mean seconds between consecutive blocks. */
  readonly mean: number;
  /** Mean seconds the blocks' targets asked for at the network's hash rate (expected attempts ÷ attempts/s). */
  readonly expected: number;
}

/** Stretches of a run without a step. */
const PARTS = 8;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Heights of the stretches: without a step, PARTS equal ones; with one, the blocks before it, then stretches that
 * double from 1/40 of them, so the first few blocks after the step (4× faster) show apart from the rule's response.
 */
function stretches(top: number, at: number): [number, number][] {
  if (at === 0) {
    const size = Math.max(1, Math.ceil(top / PARTS));
    const out: [number, number][] = [];
    for (let from = 1; from <= top; from += size) out.push([from, Math.min(top, from + size - 1)]);
    return out;
  }
  const out: [number, number][] = [[1, at]];
  for (let from = at + 1, size = Math.max(1, Math.ceil(at / 40)); from <= top; from += size, size *= 2)
    out.push([from, Math.min(top, from + size - 1)]);
  return out;
}

/** `miners` nodes of hash-power share 1 mine the chain at params.hashRate each, × the step's factor after it. */
export function blockTimes(chain: Chain, p: SimParams, miners: number): Stretch[] {
  const top = chain.length - 1;
  if (top < 1) return [];
  const at = p.hashRateStep.at > 0 && p.hashRateStep.at < top ? p.hashRateStep.at : 0;
  const bounds = stretches(top, at);
  return bounds.map(([from, to]) => {
    let expected = 0;
    for (let h = from; h <= to; h++) {
      const b = chain[h] as Chain[number];
      const work = b.bits !== undefined ? workOf(b.bits) : expectedAttempts(p.pow);
      const rate = p.hashRate * miners * (at > 0 && h > at ? p.hashRateStep.factor : 1);
      expected += work / rate;
    }
    // A header block is stamped when its job starts, i.e. when the block before it was found
    // (src/sim/mining.ts): block h was found at the timestamp of block h + 1, so the tip's own time is unknown.
    const header = p.pow.rule === 'header';
    const found = (h: number) => (chain[header ? h + 1 : h] as Chain[number]).timestamp;
    const last = header ? Math.min(to, top - 1) : to;
    const mean = last >= from ? (found(last) - found(from - 1)) / (last - from + 1) : NaN;
    return {
      from,
      to,
      mean: round3(mean),
      expected: round3(expected / (to - from + 1)),
    };
  });
}

/** The stretches as a small table for the terminal. */
export function blockTimesTable(stretches: readonly Stretch[]): string[] {
  const rows = stretches.map((s) => [
    `${s.from}–${s.to}`,
    `${s.mean.toFixed(2)} s`,
    `${s.expected.toFixed(2)} s`,
  ]);
  const head = ['blocks', 'mean interval', 'asked by the targets'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ');
  return [line(head), ...rows.map(line)];
}
