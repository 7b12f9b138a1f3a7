// Two hosts instead of one loopback: two Linux network namespaces joined by a veth pair, the tutorial's Python
// node on one and ours on the other, each listening on its own address, port 5000 on both. Every request the test
// makes is sent from the other host, so it crosses the link. Needs root (ip netns add) and Python with Flask;
// skipped otherwise. The namespaces and addresses (10.203.X.0/30) are the test's own; nothing else is contacted.
import { execFile, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChainResponse } from '../../src/core/chainJson';
import { parseJson } from '../../src/core/parse';
import type { PyJson } from '../../src/core/encoding';
import { validateChain } from '../../src/core/validate';
import { pythonWithFlask, TUTORIAL_NODE } from './flaskNode';
import { spawnGroup, spawnNode, type GroupProcess, type NodeProcess } from './nodeProcess';

const COMMAND_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 15_000;
const READY_TIMEOUT_MS = 20_000;

const id = process.pid;
const NS_PY = `clab-${id}-a`;
const NS_CL = `clab-${id}-b`;
// Interface names have at most 15 characters: "clab" + a pid of at most 7 digits + one letter.
const VETH_PY = `clab${id}a`;
const VETH_CL = `clab${id}b`;
const SUBNET = `10.203.${(id % 254) + 1}`;
const PY_ADDRESS = `${SUBNET}.1`;
const CL_ADDRESS = `${SUBNET}.2`;
const PY_URL = `http://${PY_ADDRESS}:5000`;
const CL_URL = `http://${CL_ADDRESS}:5000`;

function ip(...args: string[]): { ok: boolean; message: string } {
  const r = spawnSync('ip', args, { encoding: 'utf8', timeout: COMMAND_TIMEOUT_MS });
  const message = r.error ? r.error.message : (r.stderr ?? '').trim();
  return { ok: r.status === 0, message: `ip ${args.join(' ')}: ${message}` };
}

/** Why this machine cannot run the test, or null: `ip netns add` must work (root, iproute2). */
function netnsProblem(): string | null {
  const probe = `clab-${id}-probe`;
  const added = ip('netns', 'add', probe);
  if (!added.ok) return `ip netns add does not work here (${added.message || 'no ip command'})`;
  ip('netns', 'del', probe);
  return null;
}

const python = pythonWithFlask();
const problem = python === null ? 'no Python can import flask' : netnsProblem();

let namespacesCreated = false;
function deleteNamespaces(): void {
  if (!namespacesCreated) return;
  // Deleting a namespace removes its end of the veth pair, and with it the other end.
  ip('netns', 'del', NS_PY);
  ip('netns', 'del', NS_CL);
  namespacesCreated = false;
}

function must(r: { ok: boolean; message: string }): void {
  if (!r.ok) throw new Error(r.message);
}

function createHosts(): void {
  process.on('exit', deleteNamespaces);
  namespacesCreated = true;
  must(ip('netns', 'add', NS_PY));
  must(ip('netns', 'add', NS_CL));
  must(ip('link', 'add', VETH_PY, 'netns', NS_PY, 'type', 'veth', 'peer', 'name', VETH_CL, 'netns', NS_CL));
  for (const [ns, dev, address] of [
    [NS_PY, VETH_PY, PY_ADDRESS],
    [NS_CL, VETH_CL, CL_ADDRESS],
  ] as const) {
    must(ip('-n', ns, 'addr', 'add', `${address}/30`, 'dev', dev));
    must(ip('-n', ns, 'link', 'set', 'lo', 'up'));
    must(ip('-n', ns, 'link', 'set', dev, 'up'));
  }
}

interface Answer {
  readonly status: number;
  readonly text: string;
}

// A one-shot client run inside a namespace: argv is [url, body?]; prints {status, text} or {error}.
const CLIENT = `
const [url, body] = process.argv.slice(1);
const init = body === undefined ? {} : { method: 'POST', body, headers: { 'content-type': 'application/json' } };
fetch(url, { ...init, signal: AbortSignal.timeout(${REQUEST_TIMEOUT_MS - 2_000}) }).then(
  async (r) => process.stdout.write(JSON.stringify({ status: r.status, text: await r.text() })),
  (e) => process.stdout.write(JSON.stringify({ error: String(e?.cause?.code ?? e) })),
);`;

/** An HTTP request made from the host `ns`. */
function requestFrom(ns: string, url: string, body?: string): Promise<Answer> {
  const args = [
    'netns',
    'exec',
    ns,
    process.execPath,
    '-e',
    CLIENT,
    url,
    ...(body === undefined ? [] : [body]),
  ];
  return new Promise((resolve, reject) => {
    execFile('ip', args, { timeout: REQUEST_TIMEOUT_MS, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${url} from ${ns}: ${error.message}\n${stderr}`));
      const answer = JSON.parse(stdout) as Answer & { error?: string };
      if (answer.error) reject(new Error(`${url} from ${ns}: ${answer.error}`));
      else resolve(answer);
    });
  });
}

/** Requests to the Python node go from our host, requests to ours from the Python host: all over the link. */
const toPy = (path: string, body?: string) => requestFrom(NS_CL, `${PY_URL}${path}`, body);
const toCl = (path: string, body?: string) => requestFrom(NS_PY, `${CL_URL}${path}`, body);

function message(answer: Answer): PyJson {
  const parsed = parseJson(answer.text);
  if (!parsed.ok) throw new Error(answer.text);
  return (parsed.value as { readonly [key: string]: PyJson }).message ?? null;
}

async function waitForPython(flask: GroupProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && !flask.hasExited()) {
    try {
      if ((await toPy('/chain')).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the Python node on ${PY_URL} did not come up\n${flask.output()}`);
}

describe.skipIf(problem !== null)(
  problem === null
    ? `two hosts (network namespaces ${NS_PY}, ${NS_CL}): a Python node and ours across a veth link`
    : `two hosts in network namespaces: SKIPPED, ${problem}`,
  () => {
    let flask: GroupProcess | undefined;
    let ours: NodeProcess | undefined;

    async function cleanUp(): Promise<void> {
      await Promise.all([flask?.stop(), ours?.stop()]);
      deleteNamespaces();
    }

    beforeAll(async () => {
      try {
        createHosts();
        const pyArgs = [TUTORIAL_NODE, '--host', PY_ADDRESS, '--port', '5000', '--id', 'py-host'];
        flask = spawnGroup(['ip', 'netns', 'exec', NS_PY, python as string, ...pyArgs]);
        const [node, ready] = await Promise.allSettled([
          spawnNode(['--host', CL_ADDRESS, '--port', '5000', '--name', 'cl-host'], {
            prefix: ['ip', 'netns', 'exec', NS_CL],
          }),
          waitForPython(flask),
        ]);
        if (node.status === 'fulfilled') ours = node.value;
        for (const r of [node, ready]) if (r.status === 'rejected') throw r.reason;
      } catch (e) {
        await cleanUp();
        throw e;
      }
    }, 45_000);

    afterAll(cleanUp, 15_000);

    it('each node answers from the other host, on its own address', async () => {
      expect(ours?.url).toBe(CL_URL);
      for (const answer of await Promise.all([toPy('/chain'), toCl('/chain')])) {
        expect(answer.status).toBe(200);
        expect(answer.text).toMatch(
          /^\{"chain":\[\{"index":1,"previous_hash":"1","proof":100,.*"length":1\}\n$/,
        );
      }
    }, 30_000);

    it('they register each other, mine, resolve both ways and end on one chain', async () => {
      const toOurs = await toPy('/nodes/register', JSON.stringify({ nodes: [CL_URL] }));
      expect(toOurs.status).toBe(201);
      expect(toOurs.text).toContain(`"total_nodes":["${CL_ADDRESS}:5000"]`);
      const toTheirs = await toCl('/nodes/register', JSON.stringify({ nodes: [PY_URL] }));
      expect(toTheirs.status).toBe(201);
      expect(toTheirs.text).toContain(`"total_nodes":["${PY_ADDRESS}:5000"]`);

      // Ours mines two blocks (one holding 2**64), Python one: the Python node adopts ours over the link.
      expect(
        (await toCl('/transactions/new', '{"sender":"a","recipient":"b","amount":18446744073709551616}'))
          .status,
      ).toBe(201);
      for (let i = 0; i < 2; i++) expect((await toCl('/mine')).status).toBe(200);
      expect((await toPy('/mine')).status).toBe(200);
      expect(message(await toPy('/nodes/resolve'))).toBe('Our chain was replaced');

      // Then Python mines two more on it, and ours adopts them back.
      for (let i = 0; i < 2; i++) expect((await toPy('/mine')).status).toBe(200);
      expect(message(await toCl('/nodes/resolve'))).toBe('Our chain was replaced');
      expect(message(await toPy('/nodes/resolve'))).toBe('Our chain is authoritative');

      const [theirs, mine] = await Promise.all([toPy('/chain'), toCl('/chain')]);
      expect(mine.text).toBe(theirs.text);
      const parsed = parseChainResponse(mine.text);
      if (!parsed.ok) throw new Error(parsed.error.message);
      expect(parsed.value.chain).toHaveLength(5);
      expect(parsed.value.chain[1]!.transactions[0]!.amount).toBe(2n ** 64n);
      expect(parsed.value.chain.map((b) => b.transactions.at(-1)?.recipient)).toEqual([
        undefined,
        'cl-host',
        'cl-host',
        'py-host',
        'py-host',
      ]);
      const valid = validateChain(parsed.value.chain, {
        pow: { rule: 'tutorial', difficulty: 4 },
        strictness: 'tutorial',
      });
      expect(valid.ok).toBe(true);
    }, 30_000);
  },
);
