// "Connect a real node" in real Chromium, on the production build (its Content-Security-Policy included): a
// Python tutorial node (Flask) has mined 5 blocks; a Chainlab HTTP node registered it; the app reaches the
// Python node through the Chainlab node's relay (a Python node sends no CORS headers), shows its chain, and a
// node of the app registers it, resolves and adopts the Python node's chain.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLink } from '../../src/share/link';
import { runPayload } from '../../src/share/recorder';
import { startNode, type RunningNode } from '../../src/server/start';
import { createSimulation } from '../../src/sim/simulation';
import { pythonWithFlask, startFlaskNode, type FlaskNode } from '../interop/flaskNode';
import { card, height, openView } from './appPage';
import { buildAndServe, type ServedApp } from './appServer';
import { launchChromium } from './browser';

const PYTHON_BLOCKS = 5;
const hasFlask = pythonWithFlask() !== null;

let flask: FlaskNode;
let relay: RunningNode;
let app: ServedApp;
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];

/** A quiet run to open: alice and bob at the tutorial's difficulty 4, not mining, nothing registered. */
async function quietRunLink(): Promise<string> {
  const sim = createSimulation({
    seed: 3,
    pow: { rule: 'tutorial', difficulty: 4 },
    resolvePolicy: 'manual',
  });
  sim.dispatch({ type: 'add-node' });
  sim.dispatch({ type: 'add-node' });
  const link = await encodeLink(runPayload(sim));
  if (!link.ok) throw new Error(link.error.message);
  return link.value;
}

beforeAll(async () => {
  if (!hasFlask) return;
  flask = await startFlaskNode({ id: 'python' });
  for (let i = 0; i < PYTHON_BLOCKS; i++) expect((await fetch(`${flask.url}/mine`)).status).toBe(200);
  relay = await startNode({ port: 0, name: 'relay' });
  const reg = await fetch(`${relay.url}/nodes/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nodes: [flask.url] }),
  });
  expect(reg.status).toBe(201);
  app = await buildAndServe('/chainlab/');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to connect/i.test(m.text())) cspViolations.push(m.text());
  });
  await page.goto(`${app.url}${await quietRunLink()}`);
  await page.getByRole('region', { name: 'Real nodes' }).waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await relay?.close();
  await flask?.stop();
});

describe.skipIf(!hasFlask)('a real Python node, connected from the app', () => {
  it('shows its chain, and alice adopts it after registering it and resolving', async () => {
    const panel = page.getByRole('region', { name: 'Real nodes' });
    const python = `127.0.0.1:${flask.port}`;
    await panel.getByLabel('Node URL').fill(`${relay.url}/relay/${python}`);
    await panel.getByRole('button', { name: /Connect/ }).click();
    const item = panel.locator('li.node-card', { has: page.getByRole('button', { name: python }) });
    await expect
      .poll(() => item.locator('.node-facts strong').textContent(), { timeout: 15_000 })
      .toBe(String(PYTHON_BLOCKS));
    await expect(item.textContent()).resolves.toContain('real node, via relay');

    await item.getByRole('button', { name: /Register it on every node/ }).click();
    await expect.poll(() => card(page, 'Alice').locator('.node-peers').textContent()).toContain(python);
    await card(page, 'Alice').getByRole('button', { name: 'Alice', exact: true }).click();
    await page.getByRole('button', { name: /Resolve/ }).click();
    await expect.poll(() => height(page, 'Alice'), { timeout: 20_000 }).toBe(PYTHON_BLOCKS);
    const consensus = page.getByRole('region', { name: 'Consensus' });
    await expect.poll(() => consensus.textContent(), { timeout: 10_000 }).toContain('Our chain was replaced');
    // The Python node's chain, served by Flask, is alice's now, byte for byte (same tip).
    const served = (await (await fetch(`${flask.url}/chain`)).json()) as { chain: unknown[] };
    expect(served.chain).toHaveLength(PYTHON_BLOCKS + 1);
    await page.screenshot({ path: '/tmp/chainlab-real-node-1280.png' });
  }, 60_000);

  it('the Chain panel shows the real node’s chain, read-only, checked at the difficulty its blocks show', async () => {
    await openView(page, 'Chain');
    const chainPanel = page.getByRole('region', { name: 'Chain' });
    const python = `127.0.0.1:${flask.port}`;
    await chainPanel.getByRole('radio', { name: new RegExp(python.replaceAll('.', '\\.')) }).check();
    await expect(chainPanel.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
      `Chain — ${python} (real node)`,
    );
    await expect(chainPanel.textContent()).resolves.toMatch(
      /checked at difficulty 4, as its blocks show\. Valid\./,
    );
    await expect(
      chainPanel.getByRole('article', { name: `Block ${PYTHON_BLOCKS + 1}` }).isVisible(),
    ).resolves.toBe(true);
    await expect(chainPanel.getByRole('button', { name: /^Edit transaction/ }).count()).resolves.toBe(0);
    expect(cspViolations).toEqual([]);
  });

  it('a node that cannot be reached is named with its reason, on a 375 px phone too', async () => {
    await openView(page, 'Network & consensus');
    const panel = page.getByRole('region', { name: 'Real nodes' });
    await panel.getByLabel('Node URL').fill('http://127.0.0.1:9');
    await panel.getByRole('button', { name: /Connect/ }).click();
    const item = panel.locator('li.node-card', { has: page.getByRole('button', { name: '127.0.0.1:9' }) });
    await expect
      .poll(() => item.getByRole('alert').textContent(), { timeout: 15_000 })
      .toMatch(/E_UNREACHABLE/);
    await page.setViewportSize({ width: 375, height: 800 });
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/chainlab-real-node-375.png' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }, 30_000);
});
