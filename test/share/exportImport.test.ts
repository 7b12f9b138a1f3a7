// Export → import round trips: a node's chain as the tutorial's GET /chain JSON (checked by Python's own json
// and hashlib, as the Flask node would), and the whole run as a file; broken files fail with a code.
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hashBlock } from '../../src/core/block';
import { validateChain } from '../../src/core/validate';
import { payloadText } from '../../src/share/payload';
import { chainFileText, FILE_LIMIT, readFileText, readImportText } from '../../src/share/runFile';
import { createController } from '../../src/store/controller';
import { classroom, LOW, playedController, snapshot } from './helpers';

// The tutorial's valid_chain and hash (docs/protocol.md "Validation"), plus whether json.dumps re-creates the
// file byte for byte.
const PYTHON = `
import hashlib, json, sys
text = sys.stdin.read()
data = json.loads(text)
chain = data["chain"]
h = lambda b: hashlib.sha256(json.dumps(b, sort_keys=True).encode()).hexdigest()
D = int(sys.argv[1])
ok = all(
    chain[i]["previous_hash"] == h(chain[i - 1])
    and hashlib.sha256(f"{chain[i-1]['proof']}{chain[i]['proof']}{h(chain[i-1])}".encode()).hexdigest()[:D] == "0" * D
    for i in range(1, len(chain))
)
print(json.dumps({"valid": ok, "length": data["length"], "same_bytes": json.dumps(data, sort_keys=True) + "\\n" == text, "tip": h(chain[-1])}))
`;

function python(
  text: string,
  difficulty: number,
): Promise<{ valid: boolean; length: number; same_bytes: boolean; tip: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile('python3', ['-c', PYTHON, String(difficulty)], (err, out) =>
      err ? reject(err) : resolve(JSON.parse(out)),
    );
    child.stdin?.end(text);
  });
}

describe('chain export and import', () => {
  it('exports GET /chain JSON that Python validates and re-encodes byte for byte, and imports it back', async () => {
    const c = playedController(4);
    const chain = c.sim().node('alice')!.chain();
    expect(chain.length).toBeGreaterThan(3);
    const text = chainFileText(chain);
    if (!text.ok) throw new Error(text.error.message);
    const py = await python(text.value, LOW.pow.difficulty);
    expect(py).toEqual({
      valid: true,
      length: chain.length,
      same_bytes: true,
      tip: hashBlock(chain.at(-1)!),
    });

    const read = readImportText(text.value);
    if (!read.ok || read.value.kind !== 'chain') throw new Error('not read as a chain');
    expect(read.value.chain.map(hashBlock)).toEqual(chain.map(hashBlock));
    const other = classroom(createController({ params: { ...LOW, seed: 3 } }));
    expect(other.dispatch({ type: 'load-chain', node: 'bob', chain: read.value.chain }).ok).toBe(true);
    expect(other.sim().node('bob')!.chain().map(hashBlock)).toEqual(chain.map(hashBlock));
    expect(validateChain(other.sim().node('bob')!.chain(), other.sim().validation()).ok).toBe(true);
  });

  it('refuses a tampered chain file with the broken rule, leaving the node as it was', () => {
    const c = playedController(4);
    const chain = c.sim().node('alice')!.chain();
    // A student gives block 2's reward to mallory: block 3's previous_hash no longer matches.
    const edited = chain.map((b, i) =>
      i === 1 ? { ...b, transactions: b.transactions.map((t) => ({ ...t, recipient: 'mallory' })) } : b,
    );
    const text = chainFileText(edited);
    if (!text.ok) throw new Error(text.error.message);
    const read = readImportText(text.value);
    if (!read.ok || read.value.kind !== 'chain') throw new Error('not read as a chain');
    const other = classroom(createController({ params: LOW }));
    const before = other.sim().node('bob')!.chain();
    const r = other.dispatch({ type: 'load-chain', node: 'bob', chain: read.value.chain });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'E_PREV_HASH', blockNumber: 3 });
    expect(other.sim().node('bob')!.chain()).toBe(before);
  });

  it('will not export an event-mode chain as a tutorial chain (E_NO_PROOF)', () => {
    const c = classroom(createController({ params: { ...LOW, eventMode: true } }));
    for (let t = 0; t <= 5000; t += 250) c.tick(t);
    const r = chainFileText(c.sim().node('alice')!.chain());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('E_NO_PROOF');
  });
});

describe('run export and import', () => {
  it('an exported run file opens to the same state', () => {
    const c = playedController(5);
    c.dispatch({ type: 'transaction', node: 'carol', body: { sender: 'a', recipient: 'b', amount: 1.5 } });
    c.tick(5100);
    const read = readImportText(payloadText(c.runPayload()));
    if (!read.ok || read.value.kind !== 'run') throw new Error('not read as a run');
    const other = createController();
    expect(other.load(read.value.payload).ok).toBe(true);
    expect(snapshot(other)).toEqual(snapshot(c));
  });

  it.each([
    ['{"chain": [1], "length": 1}', 'E_SCHEMA', /Block 1: a block must be an object/],
    ['[1, 2, 3]', 'E_SCHEMA', /neither a chain/],
    [
      '{"v": 2, "params": {}, "miner": "hash", "log": "x", "check": {}}',
      'E_SHARE_DECODE',
      /log must be a list/,
    ],
    ['{"v": 1, "params": {}, "log": [], "check": {}}', 'E_SHARE_DECODE', /another version/],
    ['this is not json', 'E_JSON', /not valid JSON/],
    ['{"chain": [], "length": 0, "chain": []}', 'E_JSON', /appears twice/],
  ])('%s → %s', (text, code, message) => {
    const r = readImportText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(message);
    }
  });

  it('refuses a file over the size limit before reading it', async () => {
    const r = await readFileText(new Blob([new Uint8Array(FILE_LIMIT + 1)]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('E_TOO_LARGE');
    const small = await readFileText(new Blob(['{"chain": [], "length": 0}']));
    expect(small).toEqual({ ok: true, value: '{"chain": [], "length": 0}' });
  });
});
