// Pure logic behind the Chain panel: block validity as the panel shows it, the tamper preview, re-mine cost and
// how several nodes' chains diverge. No React here, so every rule is testable without a DOM.
import { amountFromText } from '../core/amount';
import { amountText, editTx, hashBlock } from '../core/block';
import { PyFloat } from '../core/encoding';
import { commonPrefix } from '../core/consensus';
import type { HexHash } from '../core/hash';
import { expectedAttempts, proofHash, proofInput, type PowParams } from '../core/pow';
import { REWARD_SENDER, type Block, type Chain, type Transaction } from '../core/types';
import { validateChain, type ChainFault, type ValidationOptions } from '../core/validate';
import { i18n } from '../i18n/i18n';
import { duration, nodeName } from './format';

export type BlockStatus =
  | { readonly kind: 'valid' }
  | { readonly kind: 'fault'; readonly fault: ChainFault }
  /** Builds on the first bad block: valid_chain stops there, so nothing after it counts. */
  | { readonly kind: 'after'; readonly firstBad: number };

export function blockStatus(firstFault: ChainFault | null, blockNumber: number): BlockStatus {
  if (!firstFault || blockNumber < firstFault.blockNumber) return { kind: 'valid' };
  if (blockNumber === firstFault.blockNumber) return { kind: 'fault', fault: firstFault };
  return { kind: 'after', firstBad: firstFault.blockNumber };
}

/**
 * Validates a node's chain as it grows. A mined block changes the chain every few seconds; re-checking 10 000
 * proofs each time costs ~200 ms, so blocks shared with the last fully checked prefix are trusted (the
 * same trick as resolve, validate.ts) and only new blocks are hashed.
 */
export function createChainChecker() {
  let last: { chain: Chain; opts: ValidationOptions; validBlocks: number } | null = null;
  return (chain: Chain, opts: ValidationOptions): ChainFault | null => {
    const trusted =
      last && last.opts === opts ? Math.min(commonPrefix(last.chain, chain), last.validBlocks) : 0;
    const r = validateChain(chain, opts, trusted);
    last = { chain, opts, validBlocks: r.ok ? chain.length : r.error.blockNumber - 1 };
    return r.ok ? null : r.error;
  };
}

/** The rule in force for a block (difficulty can change during a run). */
export function powAt(opts: ValidationOptions, index: number): PowParams {
  return opts.difficultyAt ? { ...opts.pow, difficulty: opts.difficultyAt(index) } : opts.pow;
}

/** The hash the proof of work produced for `block` on top of `prev`: what must start with zeros. */
export function proofHashOf(opts: ValidationOptions, prev: Block, block: Block): HexHash {
  const pow = powAt(opts, block.index);
  return proofHash(proofInput(pow, prev, block), block.proof);
}

const coversTransactions = (rule: PowParams['rule']) => rule === 'header';

/**
 * The sentence that explains why editing a transaction broke the chain where it did. The tutorial's proof is
 * sha256(last_proof, proof, last_hash): it never sees the block's own transactions
 * (docs/protocol.md "Known flaws of the tutorial node", #10), so the edited block keeps a valid proof and
 * only the *next* block's link breaks.
 */
export function proofNote(fault: ChainFault | null, rule: PowParams['rule']): string | null {
  if (!fault) return null;
  if (fault.code === 'E_PREV_HASH' && !coversTransactions(rule))
    return i18n.t('chainText.proofStillOk', { n: fault.blockNumber - 1 });
  if (fault.code === 'E_POW' && coversTransactions(rule))
    return i18n.t('chainText.proofCovers', { n: fault.blockNumber });
  return null;
}

/** Faults that new proofs and links can repair; the others are about a block's contents. */
export function remineFixes(fault: ChainFault): boolean {
  return fault.code === 'E_PREV_HASH' || fault.code === 'E_POW';
}

/** Expected hashes to re-mine blocks fromBlock…end (1-based), at the difficulty each block had. */
export function remineCost(chain: Chain, fromBlock: number, opts: ValidationOptions): number {
  let total = 0;
  for (let i = Math.max(fromBlock, 2) - 1; i < chain.length; i++)
    total += expectedAttempts(powAt(opts, (chain[i] as Block).index));
  return total;
}

export interface TxDraft {
  readonly sender: string;
  readonly recipient: string;
  readonly amount: string;
}

export function draftOf(tx: Transaction): TxDraft {
  return { sender: tx.sender, recipient: tx.recipient, amount: amountText(tx) };
}

/** The patch the tamper command applies, or why the draft cannot be applied. */
export function parseDraft(
  tx: Transaction,
  d: TxDraft,
): { ok: true; patch: Partial<Transaction> } | { ok: false; why: string } {
  const text = d.amount.trim();
  const value = amountFromText(text);
  if (value === null) return { ok: false, why: i18n.t('chainText.notNumber') };
  // Read as Python reads JSON: "5.0" stays a float, "18446744073709551616" an exact int.
  const patch: Partial<Transaction> = { sender: d.sender, recipient: d.recipient };
  if (text === amountText(tx)) return { ok: true, patch };
  const amount =
    value instanceof PyFloat ? { amount: value.value, amountIsFloat: true as const } : { amount: value };
  return { ok: true, patch: { ...patch, ...amount } };
}

export interface EditPreview {
  readonly block: Block;
  readonly hash: HexHash;
  readonly changed: boolean;
  /** What would break first (the edited block itself, or the next one), or null if nothing would notice. */
  readonly fault: ChainFault | null;
}

/**
 * Hash the edited block locally (the same merge the tamper command does) and validate just the edited block
 * and the one after it: earlier blocks are untouched, and a later block can only fail because of these two.
 */
export function previewEdit(
  chain: Chain,
  blockNumber: number,
  txIndex: number,
  patch: Partial<Transaction>,
  opts: ValidationOptions,
): EditPreview {
  const block = chain[blockNumber - 1] as Block;
  const transactions = block.transactions.map((t, i) => (i === txIndex ? editTx(t, patch) : t));
  const edited: Block = { ...block, transactions };
  const hash = hashBlock(edited);
  const window = [...chain.slice(0, blockNumber - 1), edited, ...chain.slice(blockNumber, blockNumber + 1)];
  const r = validateChain(window, opts, Math.max(blockNumber - 1, 1));
  return { block: edited, hash, changed: hash !== hashBlock(block), fault: r.ok ? null : r.error };
}

/**
 * "Alice → Bob: 5"; the tutorial's reward (sender "0") reads as "reward → Alice: 1": it is paid to the node's
 * id ("alice"), shown with the name people know it by, as everywhere else on the page.
 */
export function txLabel(tx: Transaction): string {
  const reward = tx.sender === REWARD_SENDER;
  const to = reward ? nodeName(tx.recipient) : tx.recipient;
  return `${reward ? i18n.t('chainText.reward') : tx.sender} → ${to}: ${amountText(tx)}`;
}

/** Time since genesis: "+12.4 s", "+3 min 20 s". */
export function sinceGenesis(timestamp: number, genesis: number): string {
  const dt = timestamp - genesis;
  const sign = dt < 0 ? '−' : '+';
  const a = Math.abs(dt);
  return `${sign}${a < 60 ? `${a.toFixed(1)} s` : duration(a)}`;
}

/** Full date for the hover text, in UTC so every machine in the class reads the same. */
export function fullDate(timestamp: number): string {
  return `${new Date(timestamp * 1000).toUTCString()} (timestamp ${timestamp})`;
}

export interface Divergence {
  /** Blocks every chain has in common (1-based count). */
  readonly shared: number;
  readonly lengths: readonly number[];
  /** One chain only extends another: no conflicting block yet. */
  readonly prefixOnly: boolean;
}

/** How far several chains agree. Chains are hash-linked, so the common prefix of all is the min pairwise. */
export function divergence(chains: readonly Chain[]): Divergence {
  const first = chains[0] ?? [];
  const shared = chains.reduce((m, c) => Math.min(m, commonPrefix(first, c)), first.length);
  const lengths = chains.map((c) => c.length);
  const sorted = [...chains].sort((a, b) => b.length - a.length);
  const longest = sorted[0] ?? [];
  const prefixOnly = chains.every((c) => commonPrefix(longest, c) === c.length);
  return { shared, lengths, prefixOnly };
}
