// The answers of POST /transactions/new and POST /nodes/register as plans: what the reply is and what the
// node's state becomes. The node (node.ts) applies them; these stay pure and testable.
import type { Failure } from '../core/errors';
import type { Block, Transaction } from '../core/types';
import { planRegister } from './peers';
import { MESSAGES, type Response } from './protocol';
import { checkNewTransaction } from './transactions';
import type { Address } from './world';

export interface TransactionAnswer {
  readonly response: Response;
  readonly mempool: readonly Transaction[];
  /** The accepted transaction and the block it is promised to, or why it was refused (null for a duplicate). */
  readonly outcome:
    { readonly tx: Transaction; readonly blockIndex: number } | { readonly error: Failure } | null;
}

/** docs/protocol.md "Endpoints": 201 "Transaction will be added to Block N", 400 "Missing values". */
export function answerNewTransaction(
  body: unknown,
  mempool: readonly Transaction[],
  nextIndex: number,
  faithful: boolean,
): TransactionAnswer {
  const checked = checkNewTransaction(body, mempool, faithful);
  if (!checked.ok) {
    const message = checked.error.code === 'E_MISSING_VALUES' ? MESSAGES.missing : checked.error.message;
    return {
      response: { status: 400, body: { message, code: checked.error.code } },
      mempool,
      outcome: { error: checked.error },
    };
  }
  const tx = checked.value;
  if (!tx) {
    const message = `This transaction is already pending for Block ${nextIndex}`;
    return { response: { status: 200, body: { message } }, mempool, outcome: null };
  }
  return {
    response: { status: 201, body: { message: `Transaction will be added to Block ${nextIndex}` } },
    mempool: [...mempool, tx],
    outcome: { tx, blockIndex: nextIndex },
  };
}

export interface RegisterAnswer {
  readonly response: Response;
  readonly peers: readonly Address[];
  readonly added: readonly Address[];
  readonly rejected: readonly { readonly url: string; readonly error: Failure }[];
}

/** docs/protocol.md "Endpoints": 201 "New nodes have been added" with total_nodes, 400 when `nodes` is not a list. */
export function answerRegister(
  self: string,
  peers: readonly Address[],
  body: unknown,
  maxPeers: number,
): RegisterAnswer {
  const plan = planRegister(self, peers, body, maxPeers);
  if (!plan)
    return {
      response: { status: 400, body: { message: MESSAGES.badNodes } },
      peers,
      added: [],
      rejected: [],
    };
  const body201 = {
    message: MESSAGES.nodesAdded,
    total_nodes: plan.peers,
    ...(plan.rejected.length ? { rejected: plan.rejected } : {}),
  };
  return {
    response: { status: 201, body: body201 },
    peers: plan.peers,
    added: plan.added,
    rejected: plan.rejected,
  };
}

/** GET /mine's answer once the block is forged (docs/protocol.md "Endpoints": 200 "New Block Forged"). */
export function forgedResponse(block: Block): Response {
  const { index, transactions, proof, previous_hash } = block;
  return { status: 200, body: { message: MESSAGES.forged, index, transactions, proof, previous_hash } };
}
