// A command as a run file holds it, and back: the inverse of readCommand.ts. Chains are the tutorial's JSON
// (timestamps as floats, amounts as Python holds them), so a recorded load-chain is read by the same importer
// as a chain file; an amount keeps its exact int or float form.
import { amountJson, blockToJson } from '../core/block';
import { jsonText } from '../core/jsonText';
import { parseJson } from '../core/parse';
import { fail, failure, ok, type Result } from '../core/errors';
import type { Transaction } from '../core/types';
import type { Command } from '../sim/commands';
import { Bad } from './fields';
import { readCommand } from './readCommand';

function txPatchJson(tx: Partial<Transaction>): Record<string, unknown> {
  const { amountIsFloat: _flag, ...rest } = tx;
  return 'amount' in tx ? { ...rest, amount: amountJson(tx as Transaction) } : rest;
}

export function commandToJson(cmd: Command): unknown {
  switch (cmd.type) {
    case 'load-chain':
      return { ...cmd, chain: cmd.chain.map(blockToJson) };
    case 'tamper':
      return { ...cmd, tx: txPatchJson(cmd.tx) };
    default:
      return cmd;
  }
}

/**
 * The command exactly as a replay of its run will see it (written, then read back through the same checks as a
 * link): what the simulation runs and what it records can never differ. Refused if the reader would refuse it.
 */
export function asRecorded(cmd: Command): Result<Command> {
  const parsed = parseJson(jsonText(commandToJson(cmd)), { maxChars: Number.MAX_SAFE_INTEGER });
  if (!parsed.ok) return parsed;
  try {
    return ok(readCommand(parsed.value, 'command'));
  } catch (e) {
    if (!(e instanceof Bad)) throw e;
    return fail(failure('E_SCHEMA', `This command cannot be recorded: ${e.message}`));
  }
}
