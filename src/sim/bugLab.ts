// Commands that make a node misbehave the way the tutorial allows (PROTOCOL.md "Known flaws"), and loading a
// chain file into a node. Kept out of simulation.ts so the facade stays a thin dispatcher.
import { fail, failure, ok, type Result } from '../core/errors';
import { validateChain, type ValidationOptions } from '../core/validate';
import type { Command } from './commands';
import type { SimEvent } from './events';
import type { SimNode } from './node';

export type BugLabCommand = Extract<
  Command,
  { type: 'set-reward' } | { type: 'claim-length' } | { type: 'copy-proof' } | { type: 'load-chain' }
>;

export interface BugLabContext {
  validation(): ValidationOptions;
  emit(ev: SimEvent): void;
  now(): number;
}

/** Largest reward or claimed length accepted: far beyond any lesson, small enough to print. */
const MAX_AMOUNT = 1e9;

export function applyBugLabCommand(
  cmd: BugLabCommand,
  nodeOf: (id: string) => Result<SimNode>,
  ctx: BugLabContext,
): Result<void> {
  const found = nodeOf(cmd.node);
  if (!found.ok) return found;
  const node = found.value;
  switch (cmd.type) {
    case 'set-reward':
      // Strict validation rejects any reward but 1 (E_REWARD); the tutorial's valid_chain never looks.
      if (!(Number.isFinite(cmd.amount) && cmd.amount >= 0 && cmd.amount <= MAX_AMOUNT))
        return fail(failure('E_BAD_PARAM', `A reward must be a number from 0 to ${MAX_AMOUNT}.`));
      node.setReward(cmd.amount);
      ctx.emit({ type: 'params', at: ctx.now(), what: `${node.id} now pays itself ${cmd.amount} per block` });
      return ok(undefined);
    case 'claim-length':
      // Flaw #50: the tutorial compares this field, so a liar's short chain can look longest.
      if (
        cmd.length !== null &&
        !(Number.isInteger(cmd.length) && cmd.length >= 0 && cmd.length <= MAX_AMOUNT)
      )
        return fail(failure('E_BAD_PARAM', 'A claimed length must be a whole number of blocks, or none.'));
      node.claimLength(cmd.length);
      ctx.emit({
        type: 'params',
        at: ctx.now(),
        what:
          cmd.length === null
            ? `${node.id} tells the truth about its length again`
            : `${node.id} now claims its chain has ${cmd.length} blocks`,
      });
      return ok(undefined);
    case 'copy-proof': {
      const source = nodeOf(cmd.from);
      if (!source.ok) return source;
      const tip = source.value.chain()[source.value.chain().length - 1];
      if (!tip || tip.index === 1)
        return fail(failure('E_POW', `${cmd.from} has not mined a block yet: there is no proof to copy.`));
      // An invalid copy is an event (the node refuses its own block), so a replay shows the same refusal.
      node.useProof(tip.proof, cmd.from);
      return ok(undefined);
    }
    case 'load-chain': {
      const v = validateChain(cmd.chain, ctx.validation());
      if (!v.ok) return fail(v.error);
      node.setChain(cmd.chain);
      ctx.emit({
        type: 'params',
        at: ctx.now(),
        what: `${node.id} loaded a chain of ${cmd.chain.length} blocks from a file`,
      });
      return ok(undefined);
    }
  }
}
