// The first half of resolve_conflicts: GET /chain from every neighbour, in registration order. Each answer, or
// its absence (timeout, unreachable), becomes a fork-choice candidate; `done` runs once, when all are in.
import type { Candidate } from '../core/consensus';
import { failure } from '../core/errors';
import type { Bus } from './network';
import type { ChainBody } from './protocol';

export function askPeers(
  bus: Bus,
  from: string,
  peers: readonly string[],
  timeout: number | null,
  done: (candidates: Candidate[]) => void,
): void {
  const candidates: Candidate[] = new Array(peers.length);
  let waiting = peers.length;
  if (waiting === 0) return done(candidates);
  peers.forEach((peer, i) => {
    bus.request(from, peer, { method: 'GET', path: '/chain' }, timeout, (o) => {
      if (o.ok && o.response.status === 200) {
        const body = o.response.body as unknown as ChainBody;
        candidates[i] = { peer, chain: body.chain, claimedLength: body.length };
      } else {
        candidates[i] = { peer, chain: null, error: o.ok ? failure('E_UNREACHABLE') : o.error };
      }
      if (--waiting === 0) done(candidates);
    });
  });
}
