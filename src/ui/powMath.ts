// The numbers behind the proof-of-work panel, as pure functions (tested in test/ui/powMath.test.ts).
import { leadingHexZeros, leadingZeroBits } from '../core/hash';
import { expectedAttempts, proofHash, proofInput, type PowParams } from '../core/pow';
import type { Block } from '../core/types';

export interface Difficulty {
  /** Expected attempts per block: 16^D (tutorial rules) or 2^bits (header rule). */
  readonly expected: number;
  /** "3 leading hex zeros" / "12 leading zero bits". */
  readonly label: string;
}

export function describeDifficulty(pow: PowParams): Difficulty {
  const d = pow.difficulty;
  const label =
    pow.rule === 'header'
      ? `${d} leading zero bit${d === 1 ? '' : 's'}`
      : `${d} leading hex zero${d === 1 ? '' : 's'}`;
  return { expected: expectedAttempts(pow), label };
}

/** How much of a hash already meets the rule: hex zeros, or zero bits for the header rule. */
export function zerosOf(pow: PowParams, hash: string): number {
  return pow.rule === 'header' ? leadingZeroBits(hash) : leadingHexZeros(hash);
}

/** The hash split into its leading zero hex digits (highlighted in the panel) and the rest. */
export function splitLeadingZeros(hash: string): { readonly zeros: string; readonly rest: string } {
  const n = leadingHexZeros(hash);
  return { zeros: hash.slice(0, n), rest: hash.slice(n) };
}

/**
 * The hash of the proof a node is trying. The worker miner reports it; the in-process miner does not, so for the
 * tutorial rules we hash it here (one hash per frame per node: sha256(f"{last_proof}{proof}{last_hash}")).
 * The header rule binds the block's timestamp, which only the miner knows, so it cannot be recomputed here.
 */
export function hashOfTry(
  pow: PowParams,
  tip: Block | undefined,
  nonce: number,
  reported?: string,
): string | null {
  if (reported) return reported;
  if (!tip || pow.rule === 'header') return null;
  return proofHash(proofInput(pow, tip, { timestamp: 0, transactions: [] }), nonce);
}

/** P(attempts > a) for a geometric distribution with success probability p per attempt. */
function survival(p: number, a: number): number {
  if (p >= 1) return a === 0 ? 1 : 0;
  return Math.exp(a * Math.log1p(-p));
}

export interface Bin {
  /** Attempts in (from, to]; `to` is null for the last, open bin. */
  readonly from: number;
  readonly to: number | null;
  readonly observed: number;
  /** Blocks expected in this bin on average: n × P(from < attempts ≤ to). */
  readonly expected: number;
}

/**
 * Probabilities of the bins (0, w], (w, 2w], … and a last open bin, under P(attempts = k) = (1-p)^(k-1) p.
 * Each bin is S(from) − S(to) with S the survival function, so the bins telescope to exactly 1.
 */
export function geometricBins(p: number, width: number, bins: number): number[] {
  const probs: number[] = [];
  for (let i = 0; i < bins; i++) {
    const from = survival(p, i * width);
    probs.push(i === bins - 1 ? from : from - survival(p, (i + 1) * width));
  }
  return probs;
}

export interface Histogram {
  readonly bins: readonly Bin[];
  readonly n: number;
  /** Mean attempts per block (0 when no blocks). */
  readonly mean: number;
  readonly expectedMean: number;
  /** Attempts per bin: half the expected value, so the bins show 0–3.5× the average and beyond. */
  readonly width: number;
}

export function attemptHistogram(attempts: readonly number[], pow: PowParams, binCount = 8): Histogram {
  const expectedMean = expectedAttempts(pow);
  const width = Math.max(1, Math.round(expectedMean / 2));
  const observed = new Array<number>(binCount).fill(0);
  let sum = 0;
  for (const a of attempts) {
    sum += a;
    const i = Math.min(binCount - 1, Math.max(0, Math.floor((a - 1) / width)));
    observed[i] = (observed[i] ?? 0) + 1;
  }
  const n = attempts.length;
  const probs = geometricBins(1 / expectedMean, width, binCount);
  const bins = probs.map((prob, i): Bin => ({
    from: i * width,
    to: i === binCount - 1 ? null : (i + 1) * width,
    observed: observed[i] ?? 0,
    expected: n * prob,
  }));
  return { bins, n, mean: n > 0 ? sum / n : 0, expectedMean, width };
}

/** Share of the average work done so far, capped at 1: a search may well need more than the average. */
export function shareOfAverage(attempts: number, expected: number): number {
  return expected > 0 ? Math.min(1, attempts / expected) : 1;
}
