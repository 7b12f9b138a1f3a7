// How a resolve is told in the consensus log: one line per peer with its verdict, code and sentence.
import { describeOutcome, type ForkChoice, type ResolvePlan } from '../core/consensus';
import type { ResolveLine } from './events';

/** The #1 reason readers think resolve "never replaces" (docs/protocol.md "Known flaws of the tutorial node", issues #64–#89). */
export const NO_PEERS_NOTE = 'No peers are registered, so there is nothing to compare with.';

export function resolveLines(plan: ResolvePlan, forkChoice: ForkChoice): ResolveLine[] {
  return plan.outcomes.map((o) => ({
    peer: o.peer,
    verdict: o.verdict.kind,
    length: o.length,
    ...(o.verdict.kind === 'invalid' ? { code: o.verdict.fault.code } : {}),
    ...(o.verdict.kind === 'unavailable' ? { code: o.verdict.error.code } : {}),
    text: describeOutcome(o, forkChoice),
    facts: { forkChoice, work: o.work, verdict: o.verdict },
  }));
}
