// Fork choice as a pure function returning a plan (STYLE.md: a plan, applied by a thin shell).
// `longest` is the tutorial's resolve_conflicts: adopt a chain only if it is longer than the best so far *and*
// valid, counting blocks ourselves. `most-work` compares Σ expected attempts, first-seen on ties.
import { hashBlock } from './block';
import type { Failure } from './errors';
import { expectedAttempts } from './pow';
import type { Block, Chain } from './types';
import { validateChain, type ChainFault, type ValidationOptions } from './validate';

export type ForkChoice = 'longest' | 'most-work';

export interface Candidate {
  readonly peer: string;
  /** The chain the peer sent, or null when it did not answer. */
  readonly chain: Chain | null;
  /** The `length` field the peer claimed in its GET /chain answer. */
  readonly claimedLength?: number;
  /** Why there is no chain (E_TIMEOUT, E_UNREACHABLE, E_JSON, E_SCHEMA …). */
  readonly error?: Failure;
}

export type Verdict =
  | { readonly kind: 'adopted' }
  | { readonly kind: 'not-better'; readonly than: 'ours' | string; readonly equal: boolean }
  | { readonly kind: 'outbid'; readonly by: string }
  | { readonly kind: 'invalid'; readonly fault: ChainFault }
  | { readonly kind: 'unavailable'; readonly error: Failure };

export interface CandidateOutcome {
  readonly peer: string;
  readonly length: number | null;
  readonly work: number | null;
  readonly verdict: Verdict;
}

export interface ResolvePlan {
  /** The chain to adopt, or null to keep ours. */
  readonly adopt: { readonly peer: string; readonly chain: Chain } | null;
  /** The tutorial's words for the outcome. */
  readonly message: 'Our chain was replaced' | 'Our chain is authoritative';
  readonly ownLength: number;
  readonly ownWork: number;
  readonly outcomes: readonly CandidateOutcome[];
}

export interface ForkChoiceOptions {
  readonly forkChoice: ForkChoice;
  readonly validation: ValidationOptions;
  /** Flaw switch (tutorial #50): compare the peer's claimed `length` instead of counting its blocks. */
  readonly trustClaimedLength?: boolean;
}

// Cumulative work per block, per difficulty schedule and rule: a resolve then costs O(new blocks), not O(history).
const workCache = new WeakMap<object, Map<string, WeakMap<Block, number>>>();

/** Work of a chain: Σ expected attempts of its mined blocks (genesis carries no work). */
export function chainWork(chain: Chain, opts: ValidationOptions): number {
  const at = opts.difficultyAt;
  if (!at) return Math.max(chain.length - 1, 0) * expectedAttempts(opts.pow);
  let byRule = workCache.get(at);
  if (!byRule) workCache.set(at, (byRule = new Map()));
  let cache = byRule.get(opts.pow.rule);
  if (!cache) byRule.set(opts.pow.rule, (cache = new WeakMap()));
  let i = chain.length - 1;
  while (i > 0 && !cache.has(chain[i] as Block)) i--;
  let work = i > 0 ? (cache.get(chain[i] as Block) as number) : 0;
  for (let j = i + 1; j < chain.length; j++) {
    const block = chain[j] as Block;
    work += expectedAttempts({ ...opts.pow, difficulty: at(block.index) });
    cache.set(block, work);
  }
  return work;
}

/**
 * How many leading blocks two chains share. A linear scan: a peer's chain is not validated yet, so a match at
 * position i says nothing about the blocks before it (a binary search would trust a forged early block).
 * Shared blocks are the same objects, so the scan is a pointer comparison per block; hashes are memoised.
 */
export function commonPrefix(a: Chain, b: Chain): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && (a[i] === b[i] || hashBlock(a[i] as Block) === hashBlock(b[i] as Block))) i++;
  return i;
}

export function chooseChain(
  own: Chain,
  candidates: readonly Candidate[],
  opts: ForkChoiceOptions,
): ResolvePlan {
  const byWork = opts.forkChoice === 'most-work';
  const measure = (c: Chain, claimed?: number) =>
    byWork
      ? chainWork(c, opts.validation)
      : opts.trustClaimedLength && claimed !== undefined
        ? claimed
        : c.length;
  const ownScore = measure(own);
  let best: { peer: string; chain: Chain; score: number } | null = null;
  const outcomes: CandidateOutcome[] = [];
  for (const cand of candidates) {
    if (!cand.chain) {
      const error = cand.error ?? {
        code: 'E_UNREACHABLE' as const,
        message: 'The peer did not send a chain.',
      };
      outcomes.push({ peer: cand.peer, length: null, work: null, verdict: { kind: 'unavailable', error } });
      continue;
    }
    const score = measure(cand.chain, cand.claimedLength);
    const length = cand.chain.length;
    const work = chainWork(cand.chain, opts.validation);
    const bar = best ? best.score : ownScore;
    // The tutorial checks length first and validates only a longer chain (resolve_conflicts).
    if (!(score > bar)) {
      const than = best ? best.peer : 'ours';
      outcomes.push({
        peer: cand.peer,
        length,
        work,
        verdict: { kind: 'not-better', than, equal: score === bar },
      });
      continue;
    }
    const valid = validateChain(cand.chain, opts.validation, commonPrefix(own, cand.chain));
    if (!valid.ok) {
      outcomes.push({ peer: cand.peer, length, work, verdict: { kind: 'invalid', fault: valid.error } });
      continue;
    }
    best = { peer: cand.peer, chain: cand.chain, score };
    outcomes.push({ peer: cand.peer, length, work, verdict: { kind: 'adopted' } });
  }
  // Earlier candidates that were the best for a while lost to a later, better one.
  const final = outcomes.map((o) =>
    o.verdict.kind === 'adopted' && best && o.peer !== best.peer
      ? { ...o, verdict: { kind: 'outbid' as const, by: best.peer } }
      : o,
  );
  return {
    adopt: best ? { peer: best.peer, chain: best.chain } : null,
    message: best ? 'Our chain was replaced' : 'Our chain is authoritative',
    ownLength: own.length,
    ownWork: chainWork(own, opts.validation),
    outcomes: final,
  };
}

/** One line a student can read for each outcome (the consensus log). */
export function describeOutcome(o: CandidateOutcome, forkChoice: ForkChoice): string {
  const size = forkChoice === 'most-work' ? `work ${o.work}` : `${o.length} blocks`;
  switch (o.verdict.kind) {
    case 'adopted':
      return `${o.peer}: adopted — ${size}, valid, and better than every other chain.`;
    case 'not-better': {
      const than = o.verdict.than === 'ours' ? 'our chain' : `${o.verdict.than}'s chain`;
      const cmp = o.verdict.equal ? 'the same as' : 'less than';
      const rule = forkChoice === 'most-work' ? 'more work' : 'a longer chain';
      return `${o.peer}: kept out — ${size}, ${cmp} ${than}; only ${rule} replaces it.`;
    }
    case 'outbid':
      return `${o.peer}: valid and longer than ours, but ${o.verdict.by} had a better chain.`;
    case 'invalid':
      return `${o.peer}: rejected — ${size} but invalid. ${o.verdict.fault.message} (${o.verdict.fault.code})`;
    case 'unavailable':
      return `${o.peer}: no answer — ${o.verdict.error.message} (${o.verdict.error.code})`;
  }
}
