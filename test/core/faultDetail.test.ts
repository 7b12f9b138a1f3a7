// Every chain fault carries its sentence's id and facts as data (src/core/validate.ts FaultDetail), so the page
// can word it in the reader's language, while the English message stays exactly what the CLI prints.
import { describe, expect, it } from 'vitest';
import { genesisBlock, rewardTx } from '../../src/core/block';
import type { PowParams } from '../../src/core/pow';
import type { Block, Transaction } from '../../src/core/types';
import {
  checkGenesis,
  validateChain,
  type ChainFault,
  type ValidationOptions,
} from '../../src/core/validate';
import { MINER, mine, mineSimple, T0, tamper, tx, type BlockSpec } from './helpers';

const POW: PowParams = { rule: 'tutorial', difficulty: 2 };
const STRICT: ValidationOptions = { pow: POW, strictness: 'strict' };
const reward = rewardTx(MINER);

function faultOf(chain: readonly Block[], opts: ValidationOptions = STRICT): ChainFault {
  const r = validateChain(chain as Block[], opts);
  if (r.ok) throw new Error('expected a fault');
  return r.error;
}

const block3 = (bad: BlockSpec) => faultOf(mine(POW, [{}, bad, {}]));
const genesis = genesisBlock(T0);
const jsonTx: Transaction = {
  sender: 'bob',
  recipient: 'alice',
  amount: 1,
  json: { sender: 'bob', recipient: 'alice', amount: '1' },
};

const CASES: [string, () => ChainFault | null, string, string][] = [
  ['empty', () => faultOf([]), 'Block 1: the chain is empty.', '{}'],
  [
    'genesisIndex',
    () => checkGenesis({ ...genesis, index: 0 }),
    'Block 1: the genesis block must have index 1, not 0.',
    '{"index":0}',
  ],
  [
    'genesisPrevHash',
    () => checkGenesis({ ...genesis, previous_hash: 'x' }),
    'Block 1: the genesis block\'s previous_hash must be "1", not "x".',
    '{"previousHash":"x"}',
  ],
  [
    'genesisProof',
    () => checkGenesis({ ...genesis, proof: 7 }),
    "Block 1: the genesis block's proof must be 100, not 7.",
    '{"proof":"7"}',
  ],
  [
    'genesisNoTx',
    () => checkGenesis({ ...genesis, transactions: [reward] }),
    'Block 1: the genesis block must have no transactions.',
    '{}',
  ],
  [
    'index',
    () => block3({ index: 5 }),
    'Block 3: its index is 5, but it follows block 2.',
    '{"index":5,"follows":2}',
  ],
  [
    'timestamp',
    () => block3({ timestamp: T0 + 1.5 }),
    'Block 3: its timestamp 1700000001.5 is earlier than the block before.',
    '{"timestamp":1700000001.5}',
  ],
  [
    'rewardCount',
    () => block3({ transactions: [reward, reward] }),
    'Block 3: it has 2 mining rewards; exactly one is allowed.',
    '{"count":2}',
  ],
  [
    'rewardLast',
    () => block3({ transactions: [reward, tx(MINER, 'bob', 0.5)] }),
    'Block 3: the mining reward must be the last transaction.',
    '{}',
  ],
  [
    'rewardAmount',
    () => block3({ transactions: [tx('0', MINER, 1000)] }),
    'Block 3: the miner paid itself 1000 coins; the reward is 1.',
    '{"amount":"1000","reward":1}',
  ],
  [
    'amount',
    () => block3({ transactions: [tx('bob', 'alice', -5), reward] }),
    'Block 3: a transaction from "bob" has amount -5; amounts must be positive.',
    '{"sender":"bob","amount":"-5"}',
  ],
  [
    'schema',
    () => block3({ transactions: [jsonTx, reward] }),
    'Block 3: transaction 1 is {"amount": "1", "recipient": "alice", "sender": "bob"}: the strict rules take a sender and a recipient that are text and an amount that is a number (the tutorial\'s node takes any JSON).',
    '{"tx":1,"json":"{\\"amount\\": \\"1\\", \\"recipient\\": \\"alice\\", \\"sender\\": \\"bob\\"}"}',
  ],
  [
    'balance',
    () =>
      faultOf(mine(POW, [{ transactions: [tx('bob', 'alice', 3), reward] }]), { ...STRICT, balances: true }),
    'Block 2: "bob" sends 3 but holds only 0.',
    '{"sender":"bob","amount":"3","had":"0"}',
  ],
  [
    'powZeros',
    () => faultOf(tamper(mineSimple(POW, 2), 3, (b) => ({ ...b, proof: -1 }))),
    'Block 3: proof -1 does not give a hash with 2 leading zeros.',
    '{"proof":"-1","zeros":2}',
  ],
  [
    'powZeroBits',
    () => {
      const pow: PowParams = { rule: 'header', difficulty: 8 };
      return faultOf(
        tamper(mineSimple(pow, 2), 3, (b) => ({ ...b, proof: -1 })),
        { pow, strictness: 'tutorial' },
      );
    },
    'Block 3: proof -1 does not give a hash with 8 leading zero bits.',
    '{"proof":"-1","zeros":8}',
  ],
];

describe('chain faults carry their sentence as data', () => {
  it.each(CASES)('%s', (id, make, english, values) => {
    const f = make();
    expect(f?.message).toBe(english);
    expect(f?.detail?.id).toBe(id);
    expect(JSON.stringify(f?.detail?.values)).toBe(values);
  });

  it('a broken link names both short hashes, the same ones the English sentence shows', () => {
    const chain = mineSimple(POW, 4);
    const f = faultOf(tamper(chain, 3, (b) => ({ ...b, transactions: [rewardTx('mallory')] })));
    expect(f.detail?.id).toBe('prevHash');
    if (f.detail?.id !== 'prevHash') return;
    const { before, says, hashesTo } = f.detail.values;
    expect(before).toBe(3);
    expect(f.message).toBe(
      `Block 4: previous_hash no longer matches block 3's hash (it says ${says}, block 3 hashes to ${hashesTo}).`,
    );
    expect(says).toMatch(/^[0-9a-f]{8}…$/);
    expect(says).not.toBe(hashesTo);
  });
});
