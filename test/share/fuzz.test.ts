// Everything a run can hold goes out and comes back the same; anything else that comes in is refused with a
// code. Fuzzed with pinned seeds: random sessions (amounts of any size, floats, −0.0, payments between people)
// round-trip through a share link, a run file and the autosave to the very same state; random JSON and random
// text fed to the readers and the chain importer always give a Result, never an exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashBlock } from '../../src/core/block';
import { parseChainResponse } from '../../src/core/chainJson';
import { parseJson } from '../../src/core/parse';
import { loadSavedRun, saveRun, type StorageLike } from '../../src/share/autosave';
import { decodeLink, encodeLink } from '../../src/share/link';
import { payloadText } from '../../src/share/payload';
import { parsePayloadText, readPayload } from '../../src/share/readPayload';
import { replayRun } from '../../src/share/replay';
import { readImportText } from '../../src/share/runFile';
import type { Command } from '../../src/sim/commands';
import type { Simulation } from '../../src/sim/simulation';
import { createController } from '../../src/store/controller';

const memory = (): StorageLike & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
};

/** What a student sees of a run: every node's chain (by hashes), mempool and peers, and the clock. */
function state(sim: Simulation) {
  return {
    now: sim.now(),
    moment: sim.moment(),
    nodes: sim.nodes().map((n) => ({
      id: n.id,
      chain: n.chain().map(hashBlock),
      mempool: n
        .mempool()
        .map((tx) => `${tx.sender}>${tx.recipient}:${String(tx.amount)}:${tx.amountIsFloat ?? ''}`),
      peers: n.peers(),
    })),
  };
}

/** Amounts as Python's node takes them from curl: ints of any size, floats, integral floats, −0.0. */
const amount = fc.oneof(
  fc.integer({ min: -5, max: 100 }),
  fc.bigInt({ min: 2n ** 53n, max: 10n ** 40n }),
  fc.double({ min: -1e30, max: 1e30, noNaN: true }),
  fc.constantFrom(-0, 1e16, 1e21, 2 ** 53, 0.1),
);

const NAMES = ['alice', 'bob', 'carol'];
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES), amount)
      .map(([node, to, a]): Command => ({
        type: 'transaction',
        node,
        body: { sender: node, recipient: to, amount: a },
      })),
  },
  { weight: 2, arbitrary: fc.constantFrom(...NAMES).map((node): Command => ({ type: 'mine', node })) },
  { weight: 1, arbitrary: fc.constantFrom(...NAMES).map((node): Command => ({ type: 'resolve', node })) },
  {
    weight: 1,
    arbitrary: fc.constant<Command>({ type: 'partition', groups: [['alice'], ['bob', 'carol']] }),
  },
  { weight: 1, arbitrary: fc.constant<Command>({ type: 'heal' }) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...NAMES), amount).map(([node, a]): Command => ({
      type: 'tamper',
      node,
      blockNumber: 2,
      txIndex: 0,
      tx: { amount: a as number },
    })),
  },
);

const session = fc.array(fc.tuple(command, fc.integer({ min: 0, max: 8 })), { minLength: 3, maxLength: 25 });

describe('every state a run reaches round-trips', () => {
  it('through a share link, a run file and the autosave, to the very same state (random sessions)', async () => {
    const tried = { sessions: 0, inputs: 0 };
    await fc.assert(
      fc.asyncProperty(session, async (acts) => {
        const c = createController({
          params: { seed: 9, pow: { rule: 'tutorial', difficulty: 1 }, strictness: 'tutorial' },
        });
        for (let i = 0; i < 3; i++) c.dispatch({ type: 'add-node' });
        c.dispatch({ type: 'register-all' });
        let t = 0;
        for (const [cmd, frames] of acts) {
          c.dispatch(cmd);
          for (let k = 0; k < frames; k++) c.tick((t += 100));
        }
        tried.sessions++;
        tried.inputs += c.sim().moment();
        // What the nodes took is exactly what was sent: every digit of a big int, the sign of −0.0.
        const sent = acts.flatMap(([cmd]) =>
          cmd.type === 'transaction' ? [(cmd.body as { amount: unknown }).amount] : [],
        );
        for (const e of c.sim().events())
          if (e.type === 'transaction' && e.accepted && e.tx)
            expect(sent.some((a) => Object.is(a, e.tx?.amount))).toBe(true);
        const want = state(c.sim());
        const payload = c.runPayload();

        const link = await encodeLink(payload);
        if (!link.ok) throw new Error(link.error.message);
        const fromLink = await decodeLink(link.value);
        const file = parsePayloadText(payloadText(payload), 8 << 20);
        const storage = memory();
        expect(saveRun(storage, payload).ok).toBe(true);
        const saved = loadSavedRun(storage);
        for (const read of [fromLink, file, saved]) {
          if (!read?.ok) throw new Error(read ? read.error.message : 'nothing saved');
          const replayed = replayRun(read.value);
          if (!replayed.ok) throw new Error(replayed.error.message);
          expect(state(replayed.value)).toEqual(want);
        }
      }),
      { seed: 4242, numRuns: 25 },
    );
    expect(tried.inputs).toBeGreaterThan(500);
  });
});

describe('what the engine accepts, the readers accept', () => {
  it('a run that loaded an odd but valid tutorial chain (long names, index 0, any previous_hash, −0.0) reopens', async () => {
    const c = createController({
      params: { seed: 2, pow: { rule: 'tutorial', difficulty: 1 }, strictness: 'tutorial' },
    });
    c.dispatch({ type: 'add-node' });
    // Python's valid_chain checks only links and proofs: a genesis like this, and these amounts, pass there.
    const text =
      '{"chain": [{"index": 0, "previous_hash": "not-a-hash", "proof": 100, "timestamp": 1700000000.0, ' +
      `"transactions": [{"amount": -0.0, "recipient": "b", "sender": "${'s'.repeat(201)}"}, ` +
      '{"amount": 18446744073709551616, "recipient": "b", "sender": "a"}]}], "length": 1}';
    const chain = parseChainResponse(text);
    if (!chain.ok) throw new Error(chain.error.message);
    expect(c.dispatch({ type: 'load-chain', node: 'alice', chain: chain.value.chain }).ok).toBe(true);
    c.dispatch({ type: 'mine', node: 'alice' });
    for (let t = 0; t < 3000; t += 100) c.tick(t);
    expect(c.sim().node('alice')!.chain()).toHaveLength(2);
    const link = await encodeLink(c.runPayload());
    if (!link.ok) throw new Error(link.error.message);
    const read = await decodeLink(link.value);
    if (!read.ok) throw new Error(read.error.message);
    const again = replayRun(read.value);
    if (!again.ok) throw new Error(again.error.message);
    expect(state(again.value)).toEqual(state(c.sim()));
    const genesis = again.value.node('alice')!.chain()[0]!;
    expect(Object.is(genesis.transactions[0]!.amount, -0)).toBe(true);
    expect(genesis.transactions[1]!.amount).toBe(2n ** 64n);
  });
});

describe('anything else that comes in gets a code', () => {
  it('random JSON as a run: a payload or E_SHARE_DECODE, never an exception', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => {
        const r = readPayload(v);
        if (!r.ok) {
          expect(r.error.code).toBe('E_SHARE_DECODE');
          refused++;
        }
      }),
      { seed: 77, numRuns: 1000 },
    );
    expect(refused).toBe(1000);
  });

  it('random text as a run file, a chain file or either: a Result with a named code, never an exception', () => {
    const codes = new Set<string>();
    const texts = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.json({ maxDepth: 4 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => `{"chain": ${JSON.stringify(v)}, "length": 1}`),
      fc.bigInt().map((n) => `{"chain": [], "length": ${n}}`),
    );
    fc.assert(
      fc.property(texts, (text) => {
        for (const r of [parsePayloadText(text, 1 << 20), parseChainResponse(text), readImportText(text)]) {
          if (!r.ok) {
            expect(r.error.code).toMatch(/^E_[A-Z_0-9]+$/);
            expect(r.error.message.length).toBeGreaterThan(10);
            codes.add(r.error.code);
          }
        }
      }),
      { seed: 99, numRuns: 1500 },
    );
    expect([...codes].sort()).toEqual(expect.arrayContaining(['E_JSON', 'E_SCHEMA', 'E_SHARE_DECODE']));
  });

  it('a transaction body of any shape: 201 or 400 with a code, and the mempool only ever holds good ones', () => {
    const c = createController({ params: { seed: 1, pow: { rule: 'tutorial', difficulty: 1 } } });
    c.dispatch({ type: 'add-node' });
    let answered = 0;
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true }),
        (body) => {
          const before = c.sim().node('alice')!.mempool();
          const r = c.dispatch({ type: 'transaction', node: 'alice', body });
          expect(r.ok).toBe(true); // the request is sent; the node answers it
          c.sim().runUntil(() => c.sim().peek() === null);
          const after = c.sim().node('alice')!.mempool();
          expect(after.length - before.length).toBeLessThanOrEqual(1);
          for (const tx of after) expect(typeof tx.sender).toBe('string');
          answered++;
        },
      ),
      { seed: 5, numRuns: 400 },
    );
    const statuses = c
      .sim()
      .messages()
      .filter((m) => m.to === 'client')
      .map((m) => m.status);
    expect(new Set(statuses)).toEqual(new Set([400, 201, 200].filter((s) => statuses.includes(s))));
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThan(300);
    expect(answered).toBe(400);
  });

  it('parses the JSON a run holds back to the same numbers: bigint, integral floats and −0.0 keep their form', () => {
    const r = parseJson('[18446744073709551616, 5.0, -0.0, 0.1, -0]');
    expect(r.ok && r.value).toEqual([2n ** 64n, expect.anything(), expect.anything(), 0.1, 0]);
  });
});
