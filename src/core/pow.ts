// Proof-of-work rules behind one interface (docs/protocol.md "Proof of work").
// Every rule hashes `prefix + decimal(nonce) + suffix`, so one search loop (reference here, fast in src/worker)
// serves them all.
import { hashBlock, txToJson } from './block';
import { dumps, pyFloatRepr, pyString } from './encoding';
import { leadingHexZeros, sha256Hex, type HexHash } from './hash';
import { bitsForZeroBits, bitsHex, hashBelow, workOf } from './target';
import { REWARD_SENDER, type Block, type Transaction } from './types';

/**
 * - `tutorial`: sha256(f"{last_proof}{proof}{last_hash}") starts with D hex zeros (dvf/blockchain today).
 * - `tutorial-original`: the article's first version, sha256(f"{last_proof}{proof}"), without last_hash.
 * - `header`: Bitcoin-style header binding previous hash, transactions, timestamp, target and miner; the hash must
 *   be below the target (src/core/target.ts). D leading zero *bits* is the target 2^(256 − D), so one slider step
 *   doubles the expected work; a retarget rule moves it by any factor.
 */
export type ProofRule = 'tutorial' | 'tutorial-original' | 'header';

export interface PowParams {
  readonly rule: ProofRule;
  /**
   * Hex zeros for the tutorial rules (0–8, tutorial default 4); zero bits for `header` (0–40), fractional when
   * `bits` is given (what the slider would have to say).
   */
  readonly difficulty: number;
  /** Header rule under retargeting: the block's exact target, compact (otherwise 2^(256 − difficulty)). */
  readonly bits?: number;
}

export const DEFAULT_POW: PowParams = { rule: 'tutorial', difficulty: 4 };

export const DIFFICULTY_RANGE: Record<ProofRule, { min: number; max: number }> = {
  tutorial: { min: 0, max: 8 },
  'tutorial-original': { min: 0, max: 8 },
  header: { min: 0, max: 40 },
};

/** The bytes hashed per attempt are prefix + decimal(nonce) + suffix (all ASCII). */
export interface ProofInput {
  readonly prefix: string;
  readonly suffix: string;
}

/** What the header rule binds, besides the previous block: the candidate block's own contents. */
export interface BlockDraft {
  readonly timestamp: number;
  readonly transactions: readonly Transaction[];
}

/** Largest nonce we search or accept: 16 decimal digits, so the header's last SHA-256 block always fits. */
export const MAX_NONCE = Number.MAX_SAFE_INTEGER;
const MAX_NONCE_DIGITS = 16;

export function isValidDifficulty(params: PowParams): boolean {
  const r = DIFFICULTY_RANGE[params.rule];
  return Number.isInteger(params.difficulty) && params.difficulty >= r.min && params.difficulty <= r.max;
}

/** The miner named by a block's reward transaction (the last one whose sender is "0"), or "" if none. */
export function minerOf(transactions: readonly Transaction[]): string {
  for (let i = transactions.length - 1; i >= 0; i--) {
    const tx = transactions[i] as Transaction;
    if (tx.sender === REWARD_SENDER) return tx.recipient;
  }
  return '';
}

export function transactionsRoot(transactions: readonly Transaction[]): HexHash {
  return sha256Hex(dumps(transactions.map(txToJson)));
}

/** The header rule's target in compact form: the exact one under retargeting, else 2^(256 − difficulty). */
export function headerBits(params: PowParams): number {
  return params.bits ?? bitsForZeroBits(params.difficulty);
}

/**
 * The header rule's fixed part, padded with '.' to a multiple of 64 bytes so that after the midstate each
 * attempt is exactly one SHA-256 compression: 16 nonce digits + 0x80 + 8 length bytes = 25 ≤ 64
 * (docs/protocol.md "Proof of work"). A fixed difficulty keeps version 1 (`bits=` the zero bits D, so saved
 * header-rule runs replay to the same proofs); under retargeting version 2 carries the exact compact target as
 * 8 hex digits (docs/protocol.md "Retargeting").
 */
export function headerPrefix(
  previousHash: string,
  draft: BlockDraft,
  difficulty: number,
  target?: number,
): string {
  const head = target === undefined ? 'chainlab-header/1' : 'chainlab-header/2';
  const bits = target === undefined ? String(difficulty) : bitsHex(target);
  const fields =
    `${head} prev=${previousHash} root=${transactionsRoot(draft.transactions)} ` +
    `time=${pyFloatRepr(draft.timestamp)} bits=${bits} miner=${pyString(minerOf(draft.transactions))} nonce=`;
  const padded = Math.ceil(fields.length / 64) * 64;
  return fields.padEnd(padded, '.');
}

/** What gets hashed for a block that follows `last`. */
export function proofInput(params: PowParams, last: Block, draft: BlockDraft): ProofInput {
  switch (params.rule) {
    case 'tutorial':
      return { prefix: String(last.proof), suffix: hashBlock(last) };
    case 'tutorial-original':
      return { prefix: String(last.proof), suffix: '' };
    case 'header':
      return { prefix: headerPrefix(hashBlock(last), draft, params.difficulty, params.bits), suffix: '' };
  }
}

export function meetsDifficulty(params: PowParams, hashHex: string): boolean {
  return params.rule === 'header'
    ? hashBelow(hashHex, headerBits(params))
    : leadingHexZeros(hashHex) >= params.difficulty;
}

export function proofHash(input: ProofInput, nonce: number | bigint): HexHash {
  return sha256Hex(input.prefix + String(nonce) + input.suffix);
}

export function isValidNonce(nonce: number): boolean {
  return Number.isSafeInteger(nonce) && nonce >= 0 && String(nonce).length <= MAX_NONCE_DIGITS;
}

/**
 * valid_proof for `block` on top of `last`. Python's f-string takes any int, so the tutorial rules accept any
 * (a negative proof that gives the zeros is valid there, and so here); the header rule keeps its layout of at
 * most 16 digits after the fixed prefix.
 */
export function validProof(params: PowParams, last: Block, block: Block): boolean {
  const p = block.proof;
  const ok =
    params.rule === 'header'
      ? typeof p === 'number' && isValidNonce(p)
      : typeof p === 'bigint' || Number.isSafeInteger(p);
  return ok && meetsDifficulty(params, proofHash(proofInput(params, last, block), p));
}

export interface Found {
  readonly proof: number;
  readonly hash: HexHash;
  /** Hashes computed, including the successful one. */
  readonly attempts: number;
}

/**
 * The tutorial's proof_of_work: count up from `start` (0 in the tutorial, so the first valid proof is the number
 * of attempts minus one). The plain reference search; the fast miner lives in src/worker. Returns null when
 * `maxAttempts` run out first.
 */
export function searchProof(
  params: PowParams,
  input: ProofInput,
  start = 0,
  maxAttempts = Number.POSITIVE_INFINITY,
): Found | null {
  for (let attempts = 1, nonce = start; attempts <= maxAttempts && nonce <= MAX_NONCE; attempts++, nonce++) {
    const hash = proofHash(input, nonce);
    if (meetsDifficulty(params, hash)) return { proof: nonce, hash, attempts };
  }
  return null;
}

/** Expected attempts for one proof: 16^D hex zeros, or 2^256 / target for the header rule. Also a block's work. */
export function expectedAttempts(params: PowParams): number {
  if (params.rule !== 'header') return 16 ** params.difficulty;
  return params.bits === undefined ? 2 ** params.difficulty : workOf(params.bits);
}

/** Probability that a single attempt succeeds. */
export function successProbability(params: PowParams): number {
  return 1 / expectedAttempts(params);
}

/**
 * The difficulty a chain's own blocks show under a tutorial rule: the most leading hex zeros that more than half of
 * its proof hashes reach. A chain mined at 4 shows 4 (15 of 16 hashes have exactly 4 zeros), and a
 * block tampered with afterwards still fails at 4; a lone lucky hash cannot raise it. The header rule hashes its
 * difficulty into every attempt, so it shows none (null), nor does a chain of genesis alone.
 */
export function shownDifficulty(rule: ProofRule, chain: readonly Block[]): number | null {
  if (rule === 'header' || chain.length < 2) return null;
  const zeros: number[] = [];
  for (let i = 1; i < chain.length; i++) {
    const last = chain[i - 1] as Block;
    const block = chain[i] as Block;
    zeros.push(leadingHexZeros(proofHash(proofInput({ rule, difficulty: 0 }, last, block), block.proof)));
  }
  zeros.sort((a, b) => b - a);
  const majority = zeros[Math.floor(zeros.length / 2)] as number;
  return Math.min(majority, DIFFICULTY_RANGE[rule].max);
}
