// The classroom network in real Chromium (README "A classroom network"): eight students' pages — separate
// contexts of one browser, so separate storage — join a hub on loopback and mine at a low class difficulty; the
// teacher's page splits the class into two halves (two chains) and heals it (one chain); a page closed while
// the others resolve against it stalls no one; the page reopened rejoins under its name with its chain. Then a
// Python tutorial node (Flask) registers the browsers' addresses, adopts the class chain and mines a block that
// the browsers adopt. A page opens in the language its reader chose on an earlier visit.
import Fastify from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src/server/hubServer';
import { serveStatic } from '../../src/server/hubStatic';
import { pythonWithFlask, startFlaskNode, type FlaskNode } from '../interop/flaskNode';
import { launchChromium } from './browser';
import { buildDist, classList, startClassHub, tips, until } from './classroomHub';

const STUDENTS = 8;
/** Low enough that a block takes a page a fraction of a second; Python's tutorial node takes it too. */
const DIFFICULTY = 3;
const SHOTS = process.env.CLASSROOM_SHOTS;
const hasFlask = pythonWithFlask() !== null;

let built: Awaited<ReturnType<typeof buildDist>>;
let hub: RunningHub;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pages: Page[] = [];
let teacher: Page;
const errors: string[] = [];
const names = Array.from({ length: STUDENTS }, (_, i) => `Student ${i + 1}`);
const clean = (name: string) => name.replace(' ', '-');

async function join(context: BrowserContext, name: string | null): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(hub.joinUrl);
  if (name !== null) {
    await page.getByLabel('Your name').fill(name);
    await page.getByRole('button', { name: 'Join' }).click();
  }
  await page.getByTestId('height').waitFor({ timeout: 20_000 });
  return page;
}

const mine = (page: Page) => page.getByRole('button', { name: 'Mine a block' }).click();

async function heightOf(page: Page): Promise<number> {
  return Number(await page.getByTestId('height').textContent());
}

beforeAll(async () => {
  built = await buildDist();
  hub = await startClassHub(built.dist, DIFFICULTY);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await hub?.close();
  await built?.remove();
});

describe('a class of browser nodes', () => {
  it('eight pages converge, split into two chains, heal to one, and survive a page closed mid-resolve', async () => {
    const started = Date.now();
    for (const name of names) {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
      contexts.push(context);
      pages.push(await join(context, name));
    }
    const tc = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    teacher = await tc.newPage();
    teacher.on('pageerror', (e) => errors.push(e.message));
    await teacher.goto(hub.teacherUrl);
    await teacher.getByText(`${STUDENTS} of ${STUDENTS} nodes online`).waitFor({ timeout: 20_000 });
    const roster = await classList(hub);
    expect(roster.map((n) => n.name).sort()).toEqual(names.map(clean).sort());

    // One block: every node adopts it through the app's announce.
    await mine(pages[0] as Page);
    const one = await until(
      'all on block 2',
      () => classList(hub),
      (ns) => ns.every((n) => n.height === 2) && new Set(ns.map((n) => n.tip)).size === 1,
    );
    expect(one).toHaveLength(STUDENTS);
    await expect
      .poll(() => teacher.getByTestId('branches').textContent(), { timeout: 10_000 })
      .toBe('One chain');

    // The teacher splits the class: each half mines its own block, and each half keeps its own.
    await teacher.getByRole('button', { name: 'Split: left half / right half' }).click();
    const left = names
      .map(clean)
      .sort()
      .slice(0, STUDENTS / 2);
    const right = names
      .map(clean)
      .sort()
      .slice(STUDENTS / 2);
    const pageOf = (name: string) => pages[names.map(clean).indexOf(name)] as Page;
    await expect
      .poll(() => pages[0]?.getByText(/You are in group \d of 2/).count(), { timeout: 10_000 })
      .toBe(1);
    // One block on the left; two on the right, one after the other, so the right half's chain is longer.
    await mine(pageOf(left[0] as string));
    await mine(pageOf(right[0] as string));
    await until(
      'right half on block 3',
      () => classList(hub),
      (ns) => ns.filter((n) => right.includes(n.name)).every((n) => n.height === 3),
    );
    await mine(pageOf(right[1] as string));
    // Each half agrees on its own chain: the left at block 3, the right at block 4.
    const two = await until(
      'two chains',
      async () => {
        const ns = await classList(hub);
        const half = (names: string[], height: number) => {
          const on = ns.filter((n) => names.includes(n.name));
          const t = new Set(on.map((n) => n.tip));
          return on.every((n) => n.height === height) && t.size === 1 ? [...t][0] : null;
        };
        return [half(left, 3), half(right, 4)];
      },
      ([l, r]) => l !== null && r !== null && l !== r,
    );
    const heights = await classList(hub);
    expect(heights.filter((n) => left.includes(n.name)).every((n) => n.height === 3)).toBe(true);
    expect(heights.filter((n) => right.includes(n.name)).every((n) => n.height === 4)).toBe(true);
    await expect
      .poll(() => teacher.getByTestId('branches').textContent(), { timeout: 10_000 })
      .toBe('2 branches');
    if (SHOTS) await teacher.screenshot({ path: `${SHOTS}/teacher-split-1280.png`, fullPage: true });

    // Heal: every node resolves, and the longer chain (the right half's) wins everywhere.
    await teacher.getByRole('button', { name: 'Heal the class' }).click();
    const healed = await until(
      'one chain again',
      () => tips(hub),
      (t) => t.size === 1,
    );
    expect([...healed][0]).toBe(two[1]);
    await expect
      .poll(() => teacher.getByTestId('branches').textContent(), { timeout: 10_000 })
      .toBe('One chain');
    if (SHOTS) {
      await teacher.screenshot({ path: `${SHOTS}/teacher-1280.png`, fullPage: true });
      await (pages[0] as Page).screenshot({ path: `${SHOTS}/student-375.png`, fullPage: true });
    }

    // A page closed while three others resolve against it: their resolves end at once, not at a timeout.
    const leaving = pages[STUDENTS - 1] as Page;
    const keptHeight = await heightOf(leaving);
    const t0 = Date.now();
    const resolves = [1, 2, 3].map((i) =>
      (pages[i] as Page).getByRole('button', { name: 'Resolve' }).click(),
    );
    await Promise.all(resolves);
    await leaving.close();
    for (const i of [1, 2, 3])
      await (pages[i] as Page)
        .getByRole('button', { name: 'Resolve', exact: true })
        .waitFor({ timeout: 4000 });
    const resolveMs = Date.now() - t0;
    expect(resolveMs).toBeLessThan(4000);
    await mine(pages[1] as Page);
    const after = await until(
      'the class goes on without it',
      () => classList(hub),
      (ns) => {
        const on = ns.filter((n) => n.online);
        return (
          on.length === STUDENTS - 1 &&
          on.every((n) => n.height === keptHeight + 1) &&
          new Set(on.map((n) => n.tip)).size === 1
        );
      },
    );
    expect(after.find((n) => n.name === clean(names[STUDENTS - 1] as string))?.online).toBe(false);

    // Reopened in the same browser profile: the page rejoins under its name, with its chain, and catches up.
    const back = await join(contexts[STUDENTS - 1] as BrowserContext, null);
    pages[STUDENTS - 1] = back;
    await back.getByRole('heading', { name: /^Student-8 / }).waitFor({ timeout: 5000 });
    expect(
      await back.getByText(`Your chain of ${keptHeight} blocks is back from this browser's storage.`).count(),
    ).toBe(1);
    await until(
      'the reopened page online with the class chain',
      () => classList(hub),
      (ns) =>
        ns.every((n) => n.online && n.height === keptHeight + 1) && new Set(ns.map((n) => n.tip)).size === 1,
    );
    console.log(
      `classroom: ${STUDENTS} pages, whole scenario ${((Date.now() - started) / 1000).toFixed(1)} s; resolve with a page closed ${resolveMs} ms`,
    );
    expect(errors).toEqual([]);
  }, 240_000);

  it.skipIf(!hasFlask)(
    "a Python tutorial node registers the browsers' addresses, adopts the class chain and mines a block they adopt",
    async () => {
      const flask: FlaskNode = await startFlaskNode({ difficulty: DIFFICULTY, id: 'python' });
      try {
        const before = await classList(hub);
        const classTip = [...(await tips(hub))][0];
        const height = (before[0] as { height: number }).height;
        // The tutorial's way: Python registers every browser node's address, and each browser node Python's.
        const reg = await fetch(`${flask.url}/nodes/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ nodes: before.map((n) => `http://${n.address}`) }),
        });
        expect(reg.status).toBe(201);
        for (const n of before) {
          const r = await fetch(`http://${n.address}/nodes/register`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ nodes: [flask.url] }),
          });
          expect(r.status).toBe(201);
        }
        const resolved = (await (await fetch(`${flask.url}/nodes/resolve`)).json()) as {
          message: string;
          new_chain?: unknown[];
        };
        expect(resolved.message).toBe('Our chain was replaced');
        const chain = (await (await fetch(`${flask.url}/chain`)).json()) as { length: number };
        expect(chain.length).toBe(height);
        const mined = (await (await fetch(`${flask.url}/mine`)).json()) as {
          index: number;
          transactions: { recipient: string }[];
        };
        expect(mined.index).toBe(height + 1);
        expect(mined.transactions.at(-1)?.recipient).toBe('python');
        // Each browser node resolves (through its port, as a Python node would ask it) and adopts Python's block.
        for (const n of before) await fetch(`http://${n.address}/nodes/resolve`);
        const adopted = await until(
          'every browser on the Python block',
          () => classList(hub),
          (ns) => ns.every((n) => n.height === height + 1) && new Set(ns.map((n) => n.tip)).size === 1,
        );
        expect(adopted[0]?.tip).not.toBe(classTip);
        const pageChain = await (pages[0] as Page).getByText(/Our chain was replaced by \S*:\d+'s/).count();
        expect(pageChain).toBeGreaterThan(0);
        console.log(
          `classroom: Python node registered ${before.length} browser nodes, adopted ${height} blocks, mined block ${mined.index}; every browser adopted it`,
        );
      } finally {
        await flask.stop();
      }
    },
    120_000,
  );
  it('without a hub (as on GitHub Pages), the tabs of one browser are the class', async () => {
    // Only the files: no WebSocket answers, so the join page falls back to the tabs of this browser.
    const files = Fastify({ logger: false });
    serveStatic(files, built.dist);
    const url = await files.listen({ port: 0, host: '127.0.0.1' });
    const context = await browser.newContext();
    try {
      const tabs: Page[] = [];
      for (const name of ['Ada', 'Ben', 'Cleo']) {
        const page = await context.newPage();
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${url}/?join&difficulty=2`);
        await page.getByLabel('Your name').fill(name);
        await page.getByRole('button', { name: 'Join' }).click();
        await page.getByTestId('height').waitFor({ timeout: 20_000 });
        tabs.push(page);
      }
      await expect
        .poll(() => tabs[0]?.getByText('Open this page in another tab to add a node.').first().isVisible())
        .toBe(true);
      await expect
        .poll(() => tabs[2]?.getByRole('heading', { name: 'The class (3 nodes)' }).count(), {
          timeout: 10_000,
        })
        .toBe(1);
      await mine(tabs[2] as Page);
      for (const page of tabs) await expect.poll(() => heightOf(page), { timeout: 10_000 }).toBe(2);
      const tipsShown = await Promise.all(tabs.map((page) => page.getByTestId('tip').textContent()));
      expect(new Set(tipsShown).size).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await files.close();
    }
  }, 60_000);

  it('opens in the language the reader chose before, and switches with the Language select', async () => {
    const files = Fastify({ logger: false });
    serveStatic(files, built.dist);
    const url = await files.listen({ port: 0, host: '127.0.0.1' });
    const context = await browser.newContext();
    try {
      // Chosen on an earlier visit (src/i18n/i18n.ts LANGUAGE_STORAGE_KEY): the page starts in German.
      await context.addInitScript(() => {
        if (!localStorage.getItem('chainlab.language')) localStorage.setItem('chainlab.language', 'de');
      });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${url}/?join&tabs&difficulty=2`);
      await page.getByLabel('Dein Name').waitFor({ timeout: 20_000 });
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Chainlab-Klasse');
      await page.getByLabel('Sprache').selectOption('es');
      await page.getByLabel('Tu nombre').fill('Ada');
      await page.getByRole('button', { name: 'Unirse' }).click();
      await page.getByRole('button', { name: 'Minar un bloque' }).click();
      await page.getByText(/^Minaste el bloque 2 \(/).waitFor({ timeout: 10_000 });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await files.close();
    }
  }, 60_000);
});
