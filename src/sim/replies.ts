// Answering a request that was held (GET /mine until the block is forged, GET /nodes/resolve until every peer
// has answered): the response travels back over the bus to whoever asked.
import { sendResponse } from './bus';
import type { Draft } from './draft';
import type { Response } from './protocol';
import type { Address, Held } from './world';

export function answerHeld(d: Draft, from: Address, held: Held, response: Response): void {
  sendResponse(d, from, held.from, held.label, response, held.replyTo);
}
