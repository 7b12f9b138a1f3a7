// The tutorial's node in Python (tutorial_node.py), spoken to over HTTP: what it serves, byte for byte, and that
// the project's parser, encoder and proof rules agree with what Python computed (docs/protocol.md).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockToJson, encodeBlock, hashBlock } from '../../src/core/block';
import { parseChainResponse } from '../../src/core/chainJson';
import { dumps, type PyJson } from '../../src/core/encoding';
import { parseJson } from '../../src/core/parse';
import { validProof, type PowParams } from '../../src/core/pow';
import type { Chain } from '../../src/core/types';
import { freePort, pythonWithFlask, startFlaskNode, type FlaskNode } from './flaskNode';

const python = pythonWithFlask();
const TUTORIAL: PowParams = { rule: 'tutorial', difficulty: 4 };
const ORIGINAL: PowParams = { rule: 'tutorial-original', difficulty: 4 };
const BIG = '18446744073709551616'; // 2**64: Python keeps every digit

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly text: string;
}

async function request(url: string, body?: string, contentType = 'application/json'): Promise<Answer> {
  const init: RequestInit =
    body === undefined
      ? { signal: AbortSignal.timeout(5_000) }
      : {
          method: 'POST',
          body,
          headers: { 'Content-Type': contentType },
          signal: AbortSignal.timeout(5_000),
        };
  const res = await fetch(url, init);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** Parsed with the project's parser, so ints beyond 2^53 stay bigints. */
function json(answer: Answer): { readonly [key: string]: PyJson } {
  const parsed = parseJson(answer.text);
  if (!parsed.ok) throw new Error(`${parsed.error.message}\n${answer.text}`);
  return parsed.value as { readonly [key: string]: PyJson };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** GET /chain, checked: Flask's jsonify bytes (compact, sorted keys, trailing newline) re-encode exactly. */
async function getChain(node: FlaskNode): Promise<{ chain: Chain; text: string }> {
  const answer = await request(`${node.url}/chain`);
  expect(answer.status).toBe(200);
  const parsed = parseChainResponse(answer.text);
  if (!parsed.ok) throw new Error(`${parsed.error.message}\n${answer.text}`);
  const { chain, claimedLength } = parsed.value;
  expect(claimedLength).toBe(chain.length);
  expect(dumps({ chain: chain.map(blockToJson), length: chain.length }, true) + '\n').toBe(answer.text);
  return { chain, text: answer.text };
}

/**
 * The tutorial's valid_chain, recomputed with node:crypto over our encoding of each previous block, and with the
 * project's hashBlock and validProof: Python only made these links and proofs if our bytes are its bytes.
 */
function expectValidChain(chain: Chain, pow: PowParams): void {
  for (let i = 1; i < chain.length; i++) {
    const last = chain[i - 1]!;
    const block = chain[i]!;
    const lastHash = sha256(encodeBlock(last));
    expect(hashBlock(last)).toBe(lastHash);
    expect(block.previous_hash).toBe(lastHash);
    const guess =
      pow.rule === 'tutorial' ? `${last.proof}${block.proof}${lastHash}` : `${last.proof}${block.proof}`;
    expect(sha256(guess).startsWith('0000')).toBe(true);
    expect(validProof(pow, last, block)).toBe(true);
  }
}

/** proof_of_work counts up from 0: no smaller proof passes. */
function expectFirstProof(proof: number | bigint, prefix: string, suffix: string): void {
  expect(typeof proof).toBe('number');
  for (let p = 0; p < Number(proof); p++) {
    if (sha256(`${prefix}${p}${suffix}`).startsWith('0000'))
      throw new Error(`${p} < ${proof} is already valid`);
  }
}

const GENESIS_TEXT =
  '{"chain":[{"index":1,"previous_hash":"1","proof":100,"timestamp":T,"transactions":[]}],"length":1}\n';
const TIMESTAMP = /"timestamp":(-?\d+\.\d+(?:e[+-]\d+)?)/;

describe.skipIf(python === null)(
  python === null
    ? 'the tutorial node in Python: SKIPPED, no Python can import flask (apt-get install -y python3-flask)'
    : `the tutorial node in Python (${python})`,
  () => {
    let a: FlaskNode;
    let b: FlaskNode;
    let original: FlaskNode;

    beforeAll(async () => {
      [a, b, original] = await Promise.all([
        startFlaskNode({ id: 'miner-a' }),
        startFlaskNode({ id: 'miner-b' }),
        startFlaskNode({ id: 'miner-o', original: true }),
      ]);
    }, 20_000);

    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop(), original?.stop()]);
    });

    it('listens on loopback only, on the port it was given', () => {
      expect(a.host).toBe('127.0.0.1');
      expect(a.url).toBe(`http://127.0.0.1:${a.port}`);
      expect(new Set([a.port, b.port, original.port]).size).toBe(3);
    });

    it('GET /chain on a fresh node: the genesis block, byte for byte apart from its time() timestamp', async () => {
      const answer = await request(`${a.url}/chain`);
      expect(answer.status).toBe(200);
      expect(answer.type).toBe('application/json');
      const timestamp = TIMESTAMP.exec(answer.text)?.[1];
      expect(answer.text.replace(TIMESTAMP, '"timestamp":T')).toBe(GENESIS_TEXT);
      expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
      await getChain(a);
    });

    it('POST /transactions/new keeps an int of any size: 201 and the block it will go in', async () => {
      const answer = await request(
        `${a.url}/transactions/new`,
        `{"sender":"a","recipient":"b","amount":${BIG}}`,
      );
      expect(answer.status).toBe(201);
      expect(answer.text).toBe('{"message":"Transaction will be added to Block 2"}\n');
    });

    it('GET /mine forges block 2: the payment then the reward, with the first valid proof from 0', async () => {
      const { chain: before } = await getChain(a);
      const genesis = before[0]!;
      const answer = await request(`${a.url}/mine`);
      expect(answer.status).toBe(200);
      const mined = json(answer);
      expect(mined.message).toBe('New Block Forged');
      expect(mined.index).toBe(2);
      expect(mined.transactions).toEqual([
        { sender: 'a', recipient: 'b', amount: BigInt(BIG) },
        { sender: '0', recipient: 'miner-a', amount: 1 },
      ]);
      expect(mined.previous_hash).toBe(sha256(encodeBlock(genesis)));

      const { chain } = await getChain(a);
      expect(chain).toHaveLength(2);
      expect(chain[0]).toEqual(genesis);
      expect(chain[1]!.proof).toBe(mined.proof);
      expect(chain[1]!.transactions[0]!.amount).toBe(BigInt(BIG));
      expectValidChain(chain, TUTORIAL);
      expectFirstProof(chain[1]!.proof, String(genesis.proof), hashBlock(genesis));
    });

    it('POST /transactions/new without amount: 400 and the plain text "Missing values"', async () => {
      const answer = await request(`${a.url}/transactions/new`, '{"sender":"a","recipient":"b"}');
      expect(answer.status).toBe(400);
      expect(answer.type).toMatch(/^text\/html/);
      expect(answer.text).toBe('Missing values');
    });

    it('a body that is not a JSON object: the JSON null is a 500; text is refused by Flask itself', async () => {
      // The tutorial tests `k in values`: None is not iterable (flaw #45). Flask ≥ 2.1 refuses a body it cannot
      // read as JSON before the view runs (400; 415 from Werkzeug 2.3 on).
      expect((await request(`${a.url}/transactions/new`, 'null')).status).toBe(500);
      expect([400, 415]).toContain(
        (await request(`${a.url}/transactions/new`, 'hello', 'text/plain')).status,
      );
      expect((await request(`${a.url}/transactions/new`, '{"sender":')).status).toBe(400);
    });

    it('POST /nodes/register with a string registers each of its characters', async () => {
      // `for node in nodes` walks the string; urlparse of one character is a path, kept as a peer.
      const answer = await request(`${a.url}/nodes/register`, '{"nodes":"ab:1"}');
      expect(answer.status).toBe(201);
      const body = json(answer);
      expect(body.message).toBe('New nodes have been added');
      expect([...(body.total_nodes as string[])].sort()).toEqual(['1', ':', 'a', 'b']);
    });

    it('POST /nodes/register without "nodes": 400 and the plain text error', async () => {
      const answer = await request(`${a.url}/nodes/register`, '{"peers":["127.0.0.1:1"]}');
      expect(answer.status).toBe(400);
      expect(answer.text).toBe('Error: Please supply a valid list of nodes');
    });

    it('a shorter node that registers a longer one adopts its chain on resolve, then keeps it', async () => {
      const [mineA, mineB] = await Promise.all([request(`${a.url}/mine`), request(`${b.url}/mine`)]);
      expect([mineA.status, mineB.status]).toEqual([200, 200]);
      const longer = await getChain(a);
      expect(longer.chain).toHaveLength(3);
      expectValidChain(longer.chain, TUTORIAL);
      expect((await getChain(b)).chain).toHaveLength(2);

      const registered = await request(`${b.url}/nodes/register`, JSON.stringify({ nodes: [a.url] }));
      expect(registered.status).toBe(201);
      expect(json(registered).total_nodes).toEqual([`127.0.0.1:${a.port}`]);

      const resolved = await request(`${b.url}/nodes/resolve`);
      expect(resolved.status).toBe(200);
      const body = json(resolved);
      expect(body.message).toBe('Our chain was replaced');
      expect(dumps(body.new_chain as PyJson, true)).toBe(dumps(longer.chain.map(blockToJson), true));
      // Block for block the same bytes: B now serves exactly what A serves, and B's own block 2 is gone.
      expect((await getChain(b)).text).toBe(longer.text);

      const again = json(await request(`${b.url}/nodes/resolve`));
      expect(again.message).toBe('Our chain is authoritative');
      expect(dumps(again.chain as PyJson, true)).toBe(dumps(longer.chain.map(blockToJson), true));
    });

    it('an unreachable neighbour makes resolve a 500 (no error handling, flaw #119)', async () => {
      const closed = await freePort();
      const registered = await request(`${b.url}/nodes/register`, `{"nodes":["http://127.0.0.1:${closed}"]}`);
      expect(registered.status).toBe(201);
      expect((await request(`${b.url}/nodes/resolve`)).status).toBe(500);
    });

    it('--original: genesis previous_hash is the int 1 and proofs skip last_hash', async () => {
      const fresh = await request(`${original.url}/chain`);
      expect(fresh.text.replace(TIMESTAMP, '"timestamp":T')).toBe(GENESIS_TEXT.replace('"1"', '1'));
      expect((await request(`${original.url}/mine`)).status).toBe(200);
      const { chain } = await getChain(original);
      expect(chain).toHaveLength(2);
      expect(chain[0]!.previous_hash).toBe(1);
      expectValidChain(chain, ORIGINAL);
      expectFirstProof(chain[1]!.proof, '100', '');
    });
  },
);
