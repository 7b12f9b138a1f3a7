// Fork choice as a pure function returning a plan, applied by a thin shell (docs/protocol.md "Fork choice").
// `longest` is the tutorial's resolve_conflicts: adopt a chain only if it is longer than the best so far *and*
// valid, counting blocks ourselves. `most-work` compares Σ expected attempts, first-seen on ties.
import { hashBlock } from './block';
import { fork, fromBlocks, type Link } from './chain';
import type { Failure } from './errors';
import { beats } from './forkRule';
import { expectedAttempts } from './pow';
import { chainWorkOf } from './retarget';
import type { Block, Chain } from './types';
import { validateChain, type ChainFault, type ValidationOptions } from './validate';

export type ForkChoice = 'longest' | 'most-work';

/** A chain as the tutorial's list of blocks, or as the engine's persistent chain (core/chain.ts). */
export type AnyChain = Chain | Link;

export interface Candidate<C extends AnyChain = AnyChain> {
  readonly peer: string;
  /** The chain the peer sent, or null when it did not answer. */
  readonly chain: C | null;
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

export interface ResolvePlan<C extends AnyChain = AnyChain> {
  /** The chain to adopt (the candidate's own object), or null to keep ours. */
  readonly adopt: { readonly peer: string; readonly chain: C } | null;
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

// Cumulative work per chain, per difficulty schedule and rule: a resolve then costs O(new blocks), not O(history).
// A persistent chain's link fixes its whole history, so it is the key; a list is keyed by its blocks.
const workCache = new WeakMap<object, Map<string, WeakMap<object, number>>>();

function cacheFor(at: object, rule: string): WeakMap<object, number> {
  let byRule = workCache.get(at);
  if (!byRule) workCache.set(at, (byRule = new Map()));
  let cache = byRule.get(rule);
  if (!cache) byRule.set(rule, (cache = new WeakMap()));
  return cache;
}

/** Work of a chain: Σ expected attempts of its mined blocks (genesis carries no work). */
export function chainWork(chain: AnyChain, opts: ValidationOptions): number {
  if (opts.targets)
    return chainWorkOf(opts.targets, Array.isArray(chain) ? fromBlocks(chain as Chain) : (chain as Link));
  const at = opts.difficultyAt;
  if (!at) return Math.max(chain.length - 1, 0) * expectedAttempts(opts.pow);
  const cache = cacheFor(at, opts.pow.rule);
  const blockWork = (b: Block) => expectedAttempts({ ...opts.pow, difficulty: at(b.index) });
  if (!Array.isArray(chain)) {
    const link = chain as Link;
    const todo: Link[] = [];
    let l = link;
    while (l.parent && !cache.has(l)) {
      todo.push(l);
      l = l.parent;
    }
    let work = l.parent ? (cache.get(l) as number) : 0;
    for (let i = todo.length - 1; i >= 0; i--) {
      const t = todo[i] as Link;
      work += blockWork(t.block);
      cache.set(t, work);
    }
    return work;
  }
  const list = chain as Chain;
  let i = list.length - 1;
  while (i > 0 && !cache.has(list[i] as Block)) i--;
  let work = i > 0 ? (cache.get(list[i] as Block) as number) : 0;
  for (let j = i + 1; j < list.length; j++) {
    const block = list[j] as Block;
    work += blockWork(block);
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

/** What fork choice compares: work, or length (the claimed one, with the tutorial's flaw #50). */
function measure(c: AnyChain, claimed: number | undefined, opts: ForkChoiceOptions): number {
  if (opts.forkChoice === 'most-work') return chainWork(c, opts.validation);
  return opts.trustClaimedLength && claimed !== undefined ? claimed : c.length;
}

/** How many leading blocks two chains share (by links where both are persistent, else block by block). */
function shared(a: AnyChain, b: AnyChain): number {
  if (Array.isArray(a) && Array.isArray(b)) return commonPrefix(a as Chain, b as Chain);
  const la = Array.isArray(a) ? fromBlocks(a as Chain) : (a as Link);
  const lb = Array.isArray(b) ? fromBlocks(b as Chain) : (b as Link);
  return fork(la, lb).common;
}

export function chooseChain<C extends AnyChain>(
  own: AnyChain,
  candidates: readonly Candidate<C>[],
  opts: ForkChoiceOptions,
): ResolvePlan<C> {
  const ownScore = measure(own, undefined, opts);
  let best: { peer: string; chain: C; score: number } | null = null;
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
    const score = measure(cand.chain, cand.claimedLength, opts);
    const length = cand.chain.length;
    const work = chainWork(cand.chain, opts.validation);
    const bar = best ? best.score : ownScore;
    // The tutorial checks length first and validates only a longer chain (resolve_conflicts).
    if (!beats(score, bar)) {
      const than = best ? best.peer : 'ours';
      outcomes.push({
        peer: cand.peer,
        length,
        work,
        verdict: { kind: 'not-better', than, equal: score === bar },
      });
      continue;
    }
    const valid = validateChain(cand.chain, opts.validation, shared(own, cand.chain));
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
  const size =
    forkChoice === 'most-work' ? `work ${o.work}` : `${o.length} block${o.length === 1 ? '' : 's'}`;
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
