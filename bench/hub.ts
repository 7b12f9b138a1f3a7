// npm run -s bench:hub [-- --json] [--clients 100] [--rate 10] [--seconds 10]: the classroom hub
// (src/server/hub.ts) under a class's load. The hub runs alone in its own process (bench/hubProcess.ts); this
// process opens `clients` WebSockets (the `ws` package), each joins as a student's node, then sends the
// tutorial's requests (GET /chain, POST /transactions/new, POST /nodes/register, GET /nodes/resolve, in turn)
// to a random other client at `rate` a second, and every client answers each request it is handed at once.
//  relayMs p50/p99: one way, from a request leaving its sender to its arrival at the node it names (the hub's
//    relay; both ends are in this process, so one clock).
//  roundTripMs p50/p99: request out, through the hub to the node, the node's reply back through the hub.
//  lost: requests sent minus answers received, after a 3 s drain (must be 0); refused: answers that are errors.
//  hubCpuPercent: the hub process's user+system time over the load, from /proc/<pid>/stat (100 = one core).
//  hubRssMB / hubPeakRssMB: VmRSS at the end and VmHWM, from /proc/<pid>/status.
// Prints progress on stderr; with --json one JSON object is the only stdout line.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { spawnGroup } from '../test/interop/nodeProcess';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    clients: { type: 'string', default: '100' },
    rate: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '10' },
  },
});
const CLIENTS = Number(values.clients);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const DRAIN_MS = 3000;
const log = (s: string) => process.stderr.write(`${s}\n`);

const REQUESTS = [
  { method: 'GET', path: '/chain', body: '' },
  {
    method: 'POST',
    path: '/transactions/new',
    body: '{"sender": "alice", "recipient": "bob", "amount": 5}',
  },
  { method: 'POST', path: '/nodes/register', body: '{"nodes": ["http://127.0.0.1:5001"]}' },
  { method: 'GET', path: '/nodes/resolve', body: '' },
] as const;
/** A GET /chain answer of a 3-block chain, about the size a class's early chain has. */
const CHAIN_ANSWER = JSON.stringify({
  chain: Array.from({ length: 3 }, (_, i) => ({
    index: i + 1,
    proof: 35293 + i,
    previous_hash: 'a'.repeat(64),
    timestamp: 1.7e9,
    transactions: [{ sender: '0', recipient: 'x', amount: 1 }],
  })),
  length: 3,
});

interface Client {
  readonly ws: WebSocket;
  address: string;
  readonly sent: Map<number, number>;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round2 = (x: number) => Math.round(x * 100) / 100;

function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of proc(5))
}
function memMB(pid: number, key: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

async function main() {
  const hubProc = spawnGroup(['node', '--import', 'tsx', 'bench/hubProcess.ts'], true);
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const rl = createInterface({ input: hubProc.child.stdout as NodeJS.ReadableStream });
      rl.once('line', resolve);
      void hubProc.exited.then(() => reject(new Error(`the hub exited: ${hubProc.output()}`)));
    });
    const { port } = JSON.parse(line) as { port: number };
    log(`hub on port ${port} (pid ${hubProc.pid}); ${CLIENTS} clients joining`);

    const relay: number[] = [];
    const roundTrip: number[] = [];
    let answers = 0;
    let refused = 0;
    let inbound = 0;
    const clients: Client[] = await Promise.all(
      Array.from(
        { length: CLIENTS },
        (_, i) =>
          new Promise<Client>((resolve, reject) => {
            const ws = new WebSocket(`ws://127.0.0.1:${port}/hub`);
            const c: Client = { ws, address: '', sent: new Map() };
            ws.on('open', () =>
              ws.send(JSON.stringify({ v: 1, type: 'join', name: `student-${i}`, token: null })),
            );
            ws.on('error', reject);
            ws.on('message', (data) => {
              const m = JSON.parse(data.toString()) as Record<string, unknown>;
              if (m.type === 'welcome') {
                c.address = m.address as string;
                resolve(c);
              } else if (m.type === 'inbound') {
                inbound++;
                const at = Number(/"t":([\d.]+)/.exec(m.body as string)?.[1] ?? NaN);
                if (!Number.isNaN(at)) relay.push(performance.now() - at);
                const body = m.path === '/chain' ? CHAIN_ANSWER : '{"message": "ok"}';
                ws.send(
                  JSON.stringify({
                    v: 1,
                    type: 'reply',
                    id: m.id,
                    status: 200,
                    contentType: 'application/json',
                    body,
                  }),
                );
              } else if (m.type === 'answer') {
                const t = c.sent.get(m.id as number);
                if (t === undefined) return;
                c.sent.delete(m.id as number);
                answers++;
                if ('error' in (m.outcome as object)) refused++;
                else roundTrip.push(performance.now() - t);
              }
            });
          }),
      ),
    );
    log(`all joined; ${RATE} requests a second each for ${SECONDS} s`);

    let sent = 0;
    let ids = 0;
    const cpu0 = cpuTicks(hubProc.pid);
    const t0 = performance.now();
    const intervals: ReturnType<typeof setInterval>[] = [];
    const starts = clients.map((c, i) =>
      setTimeout(
        () => {
          const timer = setInterval(() => {
            const to = clients[(i + 1 + Math.floor(Math.random() * (CLIENTS - 1))) % CLIENTS] as Client;
            const req = REQUESTS[ids % REQUESTS.length] as (typeof REQUESTS)[number];
            const id = ++ids;
            const stamp = `{"t":${performance.now()}}`;
            // GETs carry no body over HTTP; here the stamp rides in the body text the hub passes on untouched.
            c.sent.set(id, performance.now());
            c.ws.send(
              JSON.stringify({
                v: 1,
                type: 'request',
                id,
                to: to.address,
                method: req.method,
                path: req.path,
                body: req.body === '' ? stamp : `${stamp.slice(0, -1)},${req.body.slice(1)}`,
              }),
            );
            sent++;
          }, 1000 / RATE);
          intervals.push(timer);
        },
        (i * 1000) / RATE / CLIENTS,
      ),
    );
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    for (const t of starts) clearTimeout(t);
    for (const t of intervals) clearInterval(t);
    const loadMs = performance.now() - t0;
    const cpu1 = cpuTicks(hubProc.pid);
    await new Promise((r) => setTimeout(r, DRAIN_MS));
    relay.sort((a, b) => a - b);
    roundTrip.sort((a, b) => a - b);
    const result = {
      clients: CLIENTS,
      ratePerClient: RATE,
      seconds: SECONDS,
      sent,
      delivered: inbound,
      answered: answers,
      lost: sent - answers,
      refused,
      relayMs: { p50: round2(pct(relay, 50)), p99: round2(pct(relay, 99)), max: round2(relay.at(-1) ?? 0) },
      roundTripMs: { p50: round2(pct(roundTrip, 50)), p99: round2(pct(roundTrip, 99)) },
      hubCpuPercent: Math.round(((cpu1 - cpu0) * 10 * 100) / loadMs),
      hubRssMB: memMB(hubProc.pid, 'VmRSS'),
      hubPeakRssMB: memMB(hubProc.pid, 'VmHWM'),
    };
    for (const c of clients) c.ws.close();
    log(
      `sent ${sent}, answered ${answers}, lost ${result.lost}; relay p50 ${result.relayMs.p50} ms p99 ${result.relayMs.p99} ms; hub CPU ${result.hubCpuPercent}% RSS ${result.hubRssMB} MB`,
    );
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else log(JSON.stringify(result, null, 2));
    if (result.lost !== 0) process.exitCode = 1;
  } finally {
    await hubProc.stop();
  }
}

await main();
