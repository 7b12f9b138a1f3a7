// The HTTP node on loopback, free ports: what a curl or a Python peer sees beyond the tutorial's happy path —
// errors written as jsonify writes them, a BOM, CORS, the GET /chain cache, a resolve that skips a dead peer,
// and the relay that only forwards the tutorial's requests to registered peers.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode, type RunningNode } from '../../src/server/start';

let a: RunningNode;
let b: RunningNode;
let strict: RunningNode;
const POW = { rule: 'tutorial', difficulty: 1 } as const;

/** A port that was free a moment ago and has nobody listening now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  return typeof address === 'object' && address ? address.port : 1;
}

const post = (url: string, body: string, type = 'application/json') =>
  fetch(url, { method: 'POST', headers: { 'content-type': type }, body });

beforeAll(async () => {
  [a, b, strict] = await Promise.all([
    startNode({ port: 0, name: 'a', pow: POW }),
    startNode({ port: 0, name: 'b', pow: POW }),
    startNode({ port: 0, name: 's', pow: POW, strict: true }),
  ]);
}, 20_000);

afterAll(async () => {
  await Promise.all([a, b, strict].map((n) => n?.close()));
});

describe('the HTTP node, beyond the happy path', () => {
  it('writes its errors as jsonify does (sorted keys, compact), with a code and a sentence', async () => {
    const bad = await post(`${a.url}/transactions/new`, '{"sender": "x",');
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text.startsWith('{"code":"E_JSON","message":"The text is not valid JSON: ')).toBe(true);
    expect(text.endsWith('line 1, character 16."}\n')).toBe(true);
    const missing = await fetch(`${a.url}/blocks`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(
      /^\{"code":"E_NOT_FOUND","message":"There is no GET \/blocks here\./,
    );
  });

  it('takes a body that starts with a UTF-8 byte order mark, as Flask does', async () => {
    const r = await post(`${a.url}/transactions/new`, '\uFEFF{"sender": "s", "recipient": "r", "amount": 5}');
    expect(r.status).toBe(201);
    expect(await r.text()).toBe('{"message":"Transaction will be added to Block 2"}\n');
  });

  it('answers the app from any origin (CORS) and to a preflight', async () => {
    const r = await fetch(`${a.url}/chain`, { headers: { origin: 'https://example.github.io' } });
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    const pre = await fetch(`${a.url}/transactions/new`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('serves the same GET /chain bytes until a block is added, then the new chain', async () => {
    const first = await (await fetch(`${a.url}/chain`)).text();
    expect(await (await fetch(`${a.url}/chain`)).text()).toBe(first);
    expect((await fetch(`${a.url}/mine`)).status).toBe(200);
    const after = JSON.parse(await (await fetch(`${a.url}/chain`)).text()) as { length: number };
    expect(JSON.parse(first)).toMatchObject({ length: 1 });
    expect(after.length).toBe(2);
  });

  it('skips a dead peer during resolve and says why, where the tutorial answers 500', async () => {
    const dead = `127.0.0.1:${await closedPort()}`;
    const reg = await post(`${b.url}/nodes/register`, JSON.stringify({ nodes: [a.url, `http://${dead}`] }));
    expect(reg.status).toBe(201);
    const r = await fetch(`${b.url}/nodes/resolve`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as { message: string; skipped: { node: string; code: string }[] };
    expect(body.message).toBe('Our chain was replaced');
    expect(body.skipped).toEqual([expect.objectContaining({ node: dead, code: 'E_UNREACHABLE' })]);
    // Nobody skipped: the tutorial's answer, with no extra key.
    const again = await (await fetch(`${a.url}/nodes/resolve`)).json();
    expect(Object.keys(again as object).sort()).toEqual(['chain', 'message']);
  });

  it("relays the tutorial's requests to registered peers only", async () => {
    const peer = new URL(a.url).host;
    const via = await fetch(`${b.url}/relay/${peer}/chain`);
    expect(via.status).toBe(200);
    expect(await via.text()).toBe(await (await fetch(`${a.url}/chain`)).text());
    const stranger = await fetch(`${a.url}/relay/127.0.0.1:9/chain`);
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toMatchObject({ code: 'E_BAD_URL' });
    const other = await fetch(`${b.url}/relay/${peer}/admin`);
    expect(other.status).toBe(404);
  });

  it('with --strict, refuses a transaction the tutorial would take, naming the rule', async () => {
    const odd = '{"sender": ["a", 1], "recipient": "r", "amount": 5}';
    const faithful = await post(`${a.url}/transactions/new`, odd);
    expect(faithful.status).toBe(201);
    const r = await post(`${strict.url}/transactions/new`, odd);
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ code: 'E_SCHEMA' });
  });
});
