// What every search engine (the CPU loop, src/worker/minerLoop.ts; the GPU, gpuMiner.ts) does with a job: the
// start message the page sends for it (startMessage, the one way to write it), its proof parameters read back, and report the end of its search — the proof re-verified by the
// core before it is sent, since a found proof the core rejects is an engine bug, never a block.
import { DIFFICULTY_RANGE, meetsDifficulty, proofHash, type PowParams, type ProofInput } from '../core/pow';
import type { RunResult } from '../search/searchCommon';
import { MINER_PROTOCOL_VERSION as v, type MinerToPage, type StartMessage } from './messages';

/** The message that starts a search for `pow` over `input` (a node's mining job, a re-mine's block). */
export function startMessage(
  jobId: string,
  pow: PowParams,
  input: ProofInput,
  startNonce: number,
  share: number,
): StartMessage {
  return {
    v,
    type: 'start',
    jobId,
    rule: pow.rule,
    // Under retargeting the exact target travels as `bits`; the whole-number difficulty is only its neighbour.
    difficulty: Math.min(DIFFICULTY_RANGE[pow.rule].max, Math.floor(pow.difficulty)),
    ...(pow.bits !== undefined ? { bits: pow.bits } : {}),
    prefix: input.prefix,
    suffix: input.suffix,
    startNonce,
    share,
  };
}

/** The job's proof rule, difficulty and (retargeted header blocks only) its compact target. */
export function powOf(msg: StartMessage): PowParams {
  return {
    rule: msg.rule,
    difficulty: msg.difficulty,
    ...(msg.bits !== undefined ? { bits: msg.bits } : {}),
  };
}

/** The message for a finished search: found (checked by the core), or the nonces ran out. */
export function outcomeMessage(
  msg: StartMessage,
  pow: PowParams,
  r: RunResult,
  attempts: number,
  engine: string,
): MinerToPage {
  const { jobId, prefix, suffix } = msg;
  if (r.found === null)
    return {
      v,
      type: 'error',
      jobId,
      code: 'E_MINER_EXHAUSTED',
      message: 'no proof up to the largest nonce',
    };
  const { proof, hashHex } = r.found;
  const hash = proofHash({ prefix, suffix }, proof);
  if (hash !== hashHex || !meetsDifficulty(pow, hash)) {
    const message = `proof ${proof}: ${engine} hash ${hashHex}, core hash ${hash}`;
    return { v, type: 'error', jobId, code: 'E_MINER_VERIFY', message };
  }
  return { v, type: 'found', jobId, proof, hash, attempts };
}
