// The classroom hub on a real socket (src/server/hubServer.ts): garbage on the WebSocket, bytes that are no
// WebSocket at all and a frame over the size limit each cost only their own connection; the class goes on.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHub, type RunningHub } from '../../src/server/hubServer';

let hub: RunningHub;
afterEach(async () => {
  await hub?.close();
});

const open = (url: string) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
const next = (ws: WebSocket) =>
  new Promise<Record<string, unknown>>((r) => ws.once('message', (d) => r(JSON.parse(d.toString()))));
const closed = (ws: WebSocket) => new Promise<number>((r) => ws.once('close', (code) => r(code)));

describe('the hub server', () => {
  it('survives garbage, raw bytes and an oversized frame, and still welcomes a student', async () => {
    hub = await startHub({ host: '127.0.0.1', port: 0, nodePorts: 'any', difficulty: 3, dist: null });
    const ws = `ws://127.0.0.1:${hub.port}/hub`;
    const junk = await open(ws);
    junk.send(Buffer.from([0xff, 0xfe, 0x00, 0x01]));
    expect(await next(junk)).toMatchObject({ type: 'error', code: 'E_HUB_MESSAGE' });
    junk.send('{"v":1,"type":"join","name":');
    expect(await next(junk)).toMatchObject({ type: 'error', code: 'E_HUB_MESSAGE' });

    const big = await open(ws);
    const bigClosed = closed(big);
    big.send('x'.repeat(9 << 20));
    expect(await bigClosed).toBe(1009); // "message too big", closed by ws: only this socket

    // An upgrade without a WebSocket key, then bytes: refused with 400, that connection only.
    const answer = await new Promise<string>((resolve) => {
      const raw = connect(hub.port, '127.0.0.1', () =>
        raw.write('GET /hub HTTP/1.1\r\nUpgrade: websocket\r\n\r\n\x00\x01garbage'),
      );
      raw.once('data', (d) => {
        raw.destroy();
        resolve(d.toString());
      });
      raw.on('error', () => resolve('error'));
    });
    expect(answer).toMatch(/^HTTP\/1.1 400/);

    const ann = await open(ws);
    ann.send(JSON.stringify({ v: 1, type: 'join', name: 'Ann', token: null }));
    expect(await next(ann)).toMatchObject({ type: 'welcome', name: 'Ann' });
    const list = (await (await fetch(`${hub.url}class`)).json()) as {
      nodes: { name: string; online: boolean }[];
    };
    expect(list.nodes).toEqual([expect.objectContaining({ name: 'Ann', online: true })]);
    for (const s of [junk, ann]) s.close();
  }, 20_000);
});
