// English of the engine's own sentences, for the page: the consensus log's verdicts (src/ui/outcomeText.ts), chain
// faults by detail id (src/core/validate.ts FaultDetail, src/ui/faultText.ts) and the error codes a browser user
// can meet (src/core/errors.ts; E_USAGE is the command line's own). The core keeps its English for the CLI.
import { ERROR_CODES, type ErrorCode } from '../../core/errors';

// E_USAGE is the command line's own: a page never shows it. Typed as strings, not the registry's literal
// English, so the other languages' files can say them their own way.
const { E_USAGE: _commandLineOnly, ...registry } = ERROR_CODES;
const browserErrors: { readonly [C in Exclude<ErrorCode, 'E_USAGE'>]: string } = registry;

export const engineEn = {
  outcome: {
    work: 'work {{work, number}}',
    adopted: '{{size}}, valid, and better than every other chain.',
    equal: '{{size}}, the same as {{than}}; only {{rule}} replaces it.',
    less: '{{size}}, less than {{than}}; only {{rule}} replaces it.',
    ourChain: 'our chain',
    peerChain: "{{name}}'s chain",
    ruleLongest: 'a longer chain',
    ruleWork: 'more work',
    outbid: 'valid and longer than ours, but {{by}} had a better chain.',
    invalid: '{{size}} but invalid. {{fault}}',
    noPeers: 'No peers are registered, so there is nothing to compare with.',
  },
  fault: {
    at: 'Block {{n, number}}: {{sentence}}',
    empty: 'the chain is empty.',
    genesisIndex: 'the genesis block must have index 1, not {{index}}.',
    genesisPrevHash: 'the genesis block\'s previous_hash must be "1", not "{{previousHash}}".',
    genesisProof: "the genesis block's proof must be 100, not {{proof}}.",
    genesisNoTx: 'the genesis block must have no transactions.',
    prevHash:
      "previous_hash no longer matches block {{before, number}}'s hash (it says {{says}}, block {{before, number}} hashes to {{hashesTo}}).",
    powZeros_one: 'proof {{proof}} does not give a hash with {{count, number}} leading zero.',
    powZeros_other: 'proof {{proof}} does not give a hash with {{count, number}} leading zeros.',
    powZeroBits_one: 'proof {{proof}} does not give a hash with {{count, number}} leading zero bit.',
    powZeroBits_other: 'proof {{proof}} does not give a hash with {{count, number}} leading zero bits.',
    powTarget: 'proof {{proof}} does not give a hash below the target {{target}}.',
    targetRule:
      'it was mined at the target {{mined}}, but the {{algorithm}} retarget rule gives {{expected}} from the timestamps and targets of the blocks before it.',
    targetHeight:
      'it was mined at the target {{mined}}, but blocks at this height are mined at {{expected}}.',
    index: 'its index is {{index}}, but it follows block {{follows}}.',
    timestamp: 'its timestamp {{timestamp}} is earlier than the block before.',
    rewardCount_one: 'it has {{count, number}} mining reward; exactly one is allowed.',
    rewardCount_other: 'it has {{count, number}} mining rewards; exactly one is allowed.',
    rewardLast: 'the mining reward must be the last transaction.',
    rewardAmount: 'the miner paid itself {{amount}} coins; the reward is {{reward}}.',
    schema:
      "transaction {{tx, number}} is {{json}}: the strict rules take a sender and a recipient that are text and an amount that is a number (the tutorial's node takes any JSON).",
    amount: 'a transaction from "{{sender}}" has amount {{amount}}; amounts must be positive.',
    balance: '"{{sender}}" sends {{amount}} but holds only {{had}}.',
  },
  peer: {
    /** The browser's lane in the message diagram, where the HTTP requests start (src/sim/world.ts CLIENT). */
    client: 'Client',
  },
  // The same sentences as the core's registry: one English copy.
  errors: browserErrors,
};
