// Chainlab nodes and the tutorial's Python node on one loopback network, over real HTTP: they register each
// other, carry values only Python has (ints beyond 2^53, 5.0, 1e16, any JSON as a sender), mine, resolve and end
// on one chain served byte for byte alike. Then what our node does where the tutorial's breaks (a dead or slow
// peer, junk bodies) and what a kill -9 leaves of a node that keeps a --data file (docs/protocol.md).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockToJson, forgeBlock, genesisBlock } from '../../src/core/block';
import { parseChainResponse } from '../../src/core/chainJson';
import { dumps, type PyJson } from '../../src/core/encoding';
import { parseJson } from '../../src/core/parse';
import type { PowParams } from '../../src/core/pow';
import type { Chain } from '../../src/core/types';
import { validateChain } from '../../src/core/validate';
import { DATA_VERSION } from '../../src/http/nodeData';
import { startNode, type RunningNode } from '../../src/server/start';
import { freePort, pythonWithFlask, startFlaskNode, type FlaskNode } from './flaskNode';
import { spawnNode, type NodeProcess } from './nodeProcess';

const python = pythonWithFlask();
const POW: PowParams = { rule: 'tutorial', difficulty: 4 };
const VALIDATION = { pow: POW, strictness: 'tutorial' } as const;
const REQUEST_TIMEOUT_MS = 15_000;
/** One step of the story: a few requests and at most a few blocks at difficulty 4 (0.1–0.5 s each). */
const STEP_TIMEOUT_MS = 20_000;

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly text: string;
}

async function request(url: string, body?: string): Promise<Answer> {
  const res = await fetch(url, {
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    ...(body === undefined ? {} : { method: 'POST', body, headers: { 'content-type': 'application/json' } }),
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

type PyObject = { readonly [key: string]: PyJson };

/** Parsed with the project's parser: ints beyond 2^53 stay bigints, 5.0 stays a float. */
function pyObject(text: string): PyObject {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(`${parsed.error.message}\n${text}`);
  return parsed.value as PyObject;
}

const json = (answer: Answer) => pyObject(answer.text);

/** GET /chain: its exact text, and the chain our parser reads from it, valid under the tutorial's rules. */
async function chainOf(url: string): Promise<{ text: string; chain: Chain }> {
  const answer = await request(`${url}/chain`);
  expect(answer.status).toBe(200);
  const parsed = parseChainResponse(answer.text);
  if (!parsed.ok) throw new Error(`${url}: ${parsed.error.message}`);
  expect(parsed.value.claimedLength).toBe(parsed.value.chain.length);
  const valid = validateChain(parsed.value.chain, VALIDATION);
  if (!valid.ok) throw new Error(`${url}: ${valid.error.message}`);
  return { text: answer.text, chain: parsed.value.chain };
}

const netloc = (url: string) => new URL(url).host;

/** Transactions only the Python node's JSON holds as they are: each one is posted as this exact text. */
const ODD_TRANSACTIONS = [
  '{"sender": "alice", "recipient": "bob", "amount": 18446744073709551616}',
  '{"sender": "alice", "recipient": "bob", "amount": 1000000000000000000000000000000}',
  '{"sender": "alice", "recipient": "bob", "amount": 1e16}',
  '{"sender": "alice", "recipient": "bob", "amount": 5.0}',
  '{"sender": "José", "recipient": "日本", "amount": 5}',
  '{"sender": ["a", 1], "recipient": "bob", "amount": 1}',
  '{"sender": null, "recipient": ["a", 1], "amount": null}',
];

/** What Flask's jsonify writes for them in a block (sorted keys, compact, ensure_ascii), the reward last. */
const ODD_BLOCK_TRANSACTIONS =
  '"transactions":[' +
  '{"amount":18446744073709551616,"recipient":"bob","sender":"alice"},' +
  '{"amount":1000000000000000000000000000000,"recipient":"bob","sender":"alice"},' +
  '{"amount":1e+16,"recipient":"bob","sender":"alice"},' +
  '{"amount":5.0,"recipient":"bob","sender":"alice"},' +
  '{"amount":5,"recipient":"\\u65e5\\u672c","sender":"Jos\\u00e9"},' +
  '{"amount":1,"recipient":"bob","sender":["a",1]},' +
  '{"amount":null,"recipient":["a",1],"sender":null},' +
  '{"amount":1,"recipient":"MINER","sender":"0"}]}\n';

describe.skipIf(python === null)(
  python === null
    ? 'Chainlab and Python nodes together: SKIPPED, no Python can import flask (apt-get install -y python3-flask)'
    : `Chainlab and Python (${python}) nodes on one loopback network`,
  () => {
    let pyA: FlaskNode;
    let pyB: FlaskNode;
    let clA: RunningNode;
    let clB: RunningNode;
    let clSlow: RunningNode | undefined;
    let slowPeer: Server | undefined;
    const slowTimers = new Set<ReturnType<typeof setTimeout>>();
    const urls = () => [pyA.url, pyB.url, clA.url, clB.url];
    const names = () => ['py-a', 'py-b', clA.name, clB.name];

    /** GET /chain of all four: one text, the same bytes everywhere. */
    async function oneChain(): Promise<{ text: string; chain: Chain }> {
      const all = await Promise.all(urls().map(chainOf));
      for (const c of all) expect(c.text).toBe(all[0]!.text);
      return all[0]!;
    }

    async function resolve(url: string): Promise<PyObject> {
      const answer = await request(`${url}/nodes/resolve`);
      expect(answer.status).toBe(200);
      return json(answer);
    }

    beforeAll(async () => {
      [pyA, pyB, clA, clB] = await Promise.all([
        startFlaskNode({ id: 'py-a' }),
        startFlaskNode({ id: 'py-b' }),
        startNode({ port: 0, name: 'cl-a', pow: POW }),
        startNode({ port: 0, name: 'cl-b', pow: POW, bodyLimit: 64 * 1024 }),
      ]);
    }, 30_000);

    afterAll(async () => {
      for (const t of slowTimers) clearTimeout(t);
      slowPeer?.closeAllConnections();
      await Promise.all([
        pyA?.stop(),
        pyB?.stop(),
        clA?.close(),
        clB?.close(),
        clSlow?.close(),
        new Promise<void>((done) => (slowPeer ? slowPeer.close(() => done()) : done())),
      ]);
    }, 15_000);

    it(
      'every node registers every other one by its http://127.0.0.1:PORT address',
      async () => {
        for (const url of urls()) {
          const others = urls().filter((u) => u !== url);
          const answer = await request(`${url}/nodes/register`, JSON.stringify({ nodes: others }));
          expect(answer.status).toBe(201);
          const body = json(answer);
          expect(body.message).toBe('New nodes have been added');
          expect([...(body.total_nodes as string[])].sort()).toEqual(others.map(netloc).sort());
        }
      },
      STEP_TIMEOUT_MS,
    );

    it(
      'values only Python holds go into blocks mined by both kinds of node, written alike',
      async () => {
        for (const url of urls()) {
          for (const tx of ODD_TRANSACTIONS) {
            const answer = await request(`${url}/transactions/new`, tx);
            expect(answer.status, `${url} ${tx}`).toBe(201);
            expect(answer.text).toBe('{"message":"Transaction will be added to Block 2"}\n');
          }
        }
        const mined = await Promise.all(urls().map((url) => request(`${url}/mine`)));
        mined.forEach((answer, i) => {
          expect(answer.status).toBe(200);
          expect(answer.text).toMatch(
            /^\{"index":2,"message":"New Block Forged","previous_hash":"[0-9a-f]{64}",/,
          );
          // Keys are sorted, so the transactions come last: the same bytes from Python and from us.
          const txs = answer.text.slice(answer.text.indexOf('"transactions":'));
          expect(txs.replace(`"recipient":"${names()[i]}"`, '"recipient":"MINER"')).toBe(
            ODD_BLOCK_TRANSACTIONS,
          );
        });
        for (const url of urls()) {
          const { chain } = await chainOf(url);
          expect(chain).toHaveLength(2);
          expect(chain[1]!.transactions[0]!.amount).toBe(2n ** 64n);
        }
      },
      STEP_TIMEOUT_MS,
    );

    it(
      'Python nodes adopt a Chainlab chain and Chainlab nodes follow: one chain, the same bytes everywhere',
      async () => {
        for (let i = 0; i < 2; i++) expect((await request(`${clA.url}/mine`)).status).toBe(200);
        const longest = await chainOf(clA.url);
        expect(longest.chain).toHaveLength(4);

        for (const url of [pyA.url, pyB.url, clB.url]) {
          const body = await resolve(url);
          expect(body.message, url).toBe('Our chain was replaced');
          expect(dumps(body.new_chain as PyJson, true)).toBe(dumps(pyObject(longest.text).chain!, true));
        }
        expect((await resolve(clA.url)).message).toBe('Our chain is authoritative');
        const one = await oneChain();
        expect(one.text).toBe(longest.text);
        expect(one.text).toContain(ODD_BLOCK_TRANSACTIONS.replace('MINER', 'cl-a').replace(/\]\}\n$/, ']'));
      },
      STEP_TIMEOUT_MS,
    );

    it(
      "Chainlab nodes adopt a Python node's longer chain holding the same values",
      async () => {
        for (const tx of ODD_TRANSACTIONS)
          expect((await request(`${pyB.url}/transactions/new`, tx)).status).toBe(201);
        for (let i = 0; i < 2; i++) expect((await request(`${pyB.url}/mine`)).status).toBe(200);
        const longest = await chainOf(pyB.url);
        expect(longest.chain).toHaveLength(6);
        expect(longest.chain[4]!.transactions).toHaveLength(ODD_TRANSACTIONS.length + 1);

        for (const url of [clA.url, clB.url, pyA.url]) {
          const body = await resolve(url);
          expect(body.message, url).toBe('Our chain was replaced');
        }
        expect((await resolve(pyB.url)).message).toBe('Our chain is authoritative');
        const one = await oneChain();
        expect(one.text).toBe(longest.text);
        // Block 5, mined in Python, as our encoder writes it: Python's bytes.
        expect(one.text).toContain(ODD_BLOCK_TRANSACTIONS.replace('MINER', 'py-b').replace(/\]\}\n$/, ']'));
      },
      STEP_TIMEOUT_MS,
    );

    it(
      'a dead peer: our resolve still answers 200 and adopts from the live ones; the tutorial answers 500',
      async () => {
        const closed = `http://127.0.0.1:${await freePort()}`;
        expect((await request(`${clA.url}/nodes/register`, JSON.stringify({ nodes: [closed] }))).status).toBe(
          201,
        );
        expect((await request(`${pyA.url}/mine`)).status).toBe(200);
        const longest = await chainOf(pyA.url);
        expect(longest.chain).toHaveLength(7);

        const body = await resolve(clA.url);
        expect(body.message).toBe('Our chain was replaced');
        expect((await chainOf(clA.url)).text).toBe(longest.text);

        // The tutorial's own node: no try around the request (flaw #119), so one dead peer breaks resolve.
        expect((await request(`${pyB.url}/nodes/register`, JSON.stringify({ nodes: [closed] }))).status).toBe(
          201,
        );
        expect((await request(`${pyB.url}/nodes/resolve`)).status).toBe(500);
        expect((await chainOf(pyB.url)).chain).toHaveLength(6);
      },
      STEP_TIMEOUT_MS,
    );

    it(
      'a peer that answers after 10 s: resolve with a 1 s timeout returns in time and adopts from the others',
      async () => {
        let asked = 0;
        slowPeer = createServer((_req, res) => {
          asked++;
          const t = setTimeout(() => {
            slowTimers.delete(t);
            res.end('{"chain":[],"length":0}\n');
          }, 10_000);
          slowTimers.add(t);
        });
        const server = slowPeer;
        await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
        const address = server.address();
        const slow = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
        clSlow = await startNode({ port: 0, name: 'cl-slow', pow: POW, timeout: 1 });
        const registered = await request(
          `${clSlow.url}/nodes/register`,
          JSON.stringify({ nodes: [slow, clA.url] }),
        );
        expect(registered.status).toBe(201);

        const started = performance.now();
        const body = await resolve(clSlow.url);
        const elapsed = performance.now() - started;
        expect(body.message).toBe('Our chain was replaced');
        expect(asked).toBe(1);
        // It waited for the slow peer as long as its timeout, and no longer.
        expect(elapsed).toBeGreaterThanOrEqual(900);
        expect(elapsed).toBeLessThan(4_000);
        expect((await chainOf(clSlow.url)).text).toBe((await chainOf(clA.url)).text);
      },
      STEP_TIMEOUT_MS,
    );

    it(
      'junk bodies: JSON errors, too large, bad node lists, missing values; the chain is unchanged',
      async () => {
        const before = await chainOf(clB.url);

        const malformed = await request(`${clB.url}/transactions/new`, '{"sender": "a", "amount": ');
        expect(malformed.status).toBe(400);
        expect(malformed.type).toMatch(/^application\/json/);
        const why = json(malformed);
        expect(why.code).toBe('E_JSON');
        expect(why.message).toMatch(/JSON/);
        expect((await request(`${clB.url}/nodes/register`, '{"nodes": [}')).status).toBe(400);

        const padding = 'x'.repeat(100 * 1024);
        const large = await request(
          `${clB.url}/transactions/new`,
          `{"sender": "a", "recipient": "b", "amount": 1, "pad": "${padding}"}`,
        );
        expect(large.status).toBe(413);
        expect(json(large).code).toBe('E_TOO_LARGE');

        const notList = await request(`${clB.url}/nodes/register`, '{"nodes": 5}');
        expect(notList.status).toBe(400);
        expect(notList.text).toBe('Error: Please supply a valid list of nodes');

        const mixed = await request(
          `${clB.url}/nodes/register`,
          JSON.stringify({ nodes: ['http://x:99999', 'ok.example:5000'] }),
        );
        expect(mixed.status).toBe(201);
        const registered = json(mixed);
        expect(registered.total_nodes).toContain('ok.example:5000');
        const rejected = registered.rejected as PyObject[];
        expect(rejected).toHaveLength(1);
        expect(rejected[0]!.url).toBe('http://x:99999');

        const missing = await request(`${clB.url}/transactions/new`, '{"sender": "a", "recipient": "b"}');
        expect(missing.status).toBe(400);
        expect(missing.type).toMatch(/^text\/html/);
        expect(missing.text).toBe('Missing values');

        expect((await chainOf(clB.url)).text).toBe(before.text);
      },
      STEP_TIMEOUT_MS,
    );
  },
);

describe('a Chainlab node with --data, killed with SIGKILL right after its answers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chainlab-interop-'));
  const data = join(dir, 'node.json');
  const children: NodeProcess[] = [];
  const start = async (port: number) => {
    const child = await spawnNode(['--port', String(port), '--name', 'durable', '--data', data]);
    children.push(child);
    return child;
  };

  afterAll(async () => {
    await Promise.all(children.map((c) => c.stop()));
    rmSync(dir, { recursive: true, force: true });
  }, 15_000);

  it('loses nothing it answered 2xx: the mined block, byte for byte, and a pending transaction', async () => {
    const first = await start(0);
    const fresh = (await chainOf(first.url)).text;
    const paid = await request(
      `${first.url}/transactions/new`,
      '{"sender": "a", "recipient": "b", "amount": 5.0}',
    );
    expect(paid.status).toBe(201);
    const mined = await request(`${first.url}/mine`);
    expect(mined.status).toBe(200);
    await first.kill9();

    const second = await start(first.port);
    expect(second.url).toBe(first.url);
    const { text, chain } = await chainOf(second.url);
    expect(chain).toHaveLength(2);
    // The genesis block it served before, then the block GET /mine announced: the same bytes, field by field.
    expect(text.startsWith(`${fresh.slice(0, fresh.lastIndexOf(']'))},{`)).toBe(true);
    const announced = json(mined);
    expect(announced.index).toBe(2);
    const block = (pyObject(text).chain as PyJson[])[1] as PyObject;
    for (const key of ['index', 'previous_hash', 'proof', 'transactions'])
      expect(dumps(block[key]!, true), key).toBe(dumps(announced[key]!, true));
    expect(text).toContain('"transactions":[{"amount":5.0,"recipient":"b","sender":"a"},');

    const pending = await request(
      `${second.url}/transactions/new`,
      '{"sender": "c", "recipient": "d", "amount": 7}',
    );
    expect(pending.status).toBe(201);
    await second.kill9();

    const third = await start(first.port);
    expect((await chainOf(third.url)).text).toBe(text);
    const next = await request(`${third.url}/mine`);
    expect(next.status).toBe(200);
    expect(next.text).toContain(
      '"transactions":[{"amount":7,"recipient":"d","sender":"c"},{"amount":1,"recipient":"durable","sender":"0"}]',
    );
  }, 45_000);

  // A --data file is judged by the node's own rules: a file picked in the app is judged at the difficulty its
  // blocks show, but a node at --difficulty 4 must never serve a chain the tutorial's node would reject.
  it('refuses a --data file whose chain does not meet its --difficulty', async () => {
    const easy = join(dir, 'difficulty-0.json');
    const genesis = genesisBlock(1_700_000_000);
    const second = forgeBlock(genesis, [], 'easy', 0, 1_700_000_001);
    const third = forgeBlock(second, [], 'easy', 0, 1_700_000_002);
    const file = {
      v: DATA_VERSION,
      chain: [genesis, second, third].map(blockToJson),
      mempool: [],
      peers: [],
    };
    writeFileSync(easy, `${dumps(file)}\n`);
    const started = spawnNode(['--port', '0', '--difficulty', '4', '--data', easy]);
    void started.then(
      (child) => children.push(child),
      () => undefined,
    );
    await expect(started).rejects.toThrow(/does not validate here/);
  }, 30_000);
});
