// A broken rule of a chain as data: which block, the code, the English sentence the command line and the tests
// read, and which sentence it is with its facts (detail), for the page to word in the reader's language
// (src/ui/faultText.ts). validate.ts makes them.
import type { ErrorCode, Failure } from './errors';

/**
 * Which sentence a fault is, and the facts in it, as plain data: the page words them in the reader's language
 * (src/ui/faultText.ts), while `message` stays the English the command line and the tests read.
 */
export type FaultDetail =
  | { readonly id: 'empty' | 'genesisNoTx' | 'rewardLast'; readonly values: Record<string, never> }
  | { readonly id: 'genesisIndex'; readonly values: { readonly index: number } }
  | { readonly id: 'genesisPrevHash'; readonly values: { readonly previousHash: string } }
  | { readonly id: 'genesisProof'; readonly values: { readonly proof: string } }
  | {
      readonly id: 'prevHash';
      readonly values: { readonly before: number; readonly says: string; readonly hashesTo: string };
    }
  | {
      readonly id: 'powZeros' | 'powZeroBits';
      readonly values: { readonly proof: string; readonly zeros: number };
    }
  | { readonly id: 'powTarget'; readonly values: { readonly proof: string; readonly target: string } }
  | {
      readonly id: 'targetRule';
      readonly values: { readonly mined: string; readonly expected: string; readonly algorithm: string };
    }
  | { readonly id: 'targetHeight'; readonly values: { readonly mined: string; readonly expected: string } }
  | { readonly id: 'index'; readonly values: { readonly index: number; readonly follows: number } }
  | { readonly id: 'timestamp'; readonly values: { readonly timestamp: number } }
  | { readonly id: 'rewardCount'; readonly values: { readonly count: number } }
  | { readonly id: 'rewardAmount'; readonly values: { readonly amount: string; readonly reward: number } }
  | { readonly id: 'schema'; readonly values: { readonly tx: number; readonly json: string } }
  | { readonly id: 'amount'; readonly values: { readonly sender: string; readonly amount: string } }
  | {
      readonly id: 'balance';
      readonly values: { readonly sender: string; readonly amount: string; readonly had: string };
    };

export type FaultId = FaultDetail['id'];

export interface ChainFault extends Failure {
  /** 1-based position of the first bad block in the chain (the tutorial numbers blocks from 1). */
  readonly blockNumber: number;
  /** Set by every check here; absent only on a fault made elsewhere (an old saved value, a test). */
  readonly detail?: FaultDetail;
}

export function fault(
  code: ErrorCode,
  blockNumber: number,
  message: string,
  detail: FaultDetail,
): ChainFault {
  return { code, blockNumber, message: `Block ${blockNumber}: ${message}`, detail };
}

export const NONE: Record<string, never> = {};
