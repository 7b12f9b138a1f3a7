// The page with every node mining, in real Chromium: `npm run bench:ui` (add `-- --json` for only the JSON line).
// 1. Hash rate (bench/pool.html on a Vite dev server): all nodes together with 1, 3 and 10 nodes on the miner
//    pool, against one worker hashing alone; 10 nodes on one worker per node (before the pool) for comparison;
//    and the pool's split between nodes of 100 %, 50 % and 25 % hash power.
// 2. The app (the production build, served as GitHub Pages serves it) opened on a run with the most nodes, all
//    mining, at 1× and at the top speed: p95 and max frame gap, long tasks (over 50 ms) with what filled them
//    (the app's scripts or not, and style/layout/paint: bench/uiMeasure.ts) and the scripts behind long frames,
//    main-thread busy % (CDP Performance.getMetrics TaskDuration), JS heap after a GC every 10 s with its
//    least-squares slope in MB a minute, and the gzip bytes of the JavaScript requested before the first
//    contentful paint.
// Last stdout line: one JSON object. Options: --seconds=N per app phase (default 20; 120 shows the heap's trend),
// --rates-seconds=N per hash-rate case (default 3), --no-rates (only the app), --no-containment (the panels
// without src/ui/paint.css, for comparison).
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { buildAndServe } from '../test/e2e/appServer';
import { launchChromium, openSession } from '../test/e2e/browser';
import type { Layout, MiningRun, PoolBenchApi } from './poolPage';
import { measureWindow, scriptsBeforeFirstPaint, type LongTask, type PageWindow } from './uiMeasure';
import { everyNodeMiningLink, MAX_NODES } from './uiLink';
import { SPEEDS } from '../src/ui/format';

const json = process.argv.includes('--json');
// For comparison: the app without the panels' paint containment (src/ui/paint.css).
const noContainment = process.argv.includes('--no-containment');
const arg = (name: string, dflt: number) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : dflt;
};
const PHASE_MS = arg('seconds', 20) * 1000;
// The heap is read (after a GC) between windows of this length: its trend gets a point every 10 s.
const WINDOW_MS = 10_000;
// Only the app's two phases (the hash rates take about half a minute more).
const noRates = process.argv.includes('--no-rates');
const RATE_MS = arg('rates-seconds', 3) * 1000;
const WARMUP_MS = 1000;
const log = (line: string): void => {
  if (!json) console.log(line);
};
const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

async function hashRates() {
  const session = await openSession();
  try {
    const page = await session.open('bench/pool.html');
    await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 30_000 });
    const mine = (layout: Layout, shares: number[]): Promise<MiningRun> =>
      page.evaluate(
        ([l, s, w, ms]) =>
          (window as unknown as { poolBench: PoolBenchApi }).poolBench.mine(
            l as Layout,
            s as number[],
            w,
            ms,
          ),
        [layout, shares, WARMUP_MS, RATE_MS] as const,
      );
    const info = await page.evaluate(() => {
      const b = (window as unknown as { poolBench: PoolBenchApi }).poolBench;
      return { cores: b.cores(), poolSize: b.poolSize() };
    });
    log(
      `hardwareConcurrency ${info.cores}, pool of ${info.poolSize} worker(s), load ${loadavg()[0]!.toFixed(2)}`,
    );
    const ones = (n: number) => Array.from({ length: n }, () => 1);
    const alone = await mine('per-node', ones(1));
    const pool = {
      1: await mine('pool', ones(1)),
      3: await mine('pool', ones(3)),
      10: await mine('pool', ones(10)),
    };
    const perNode10 = await mine('per-node', ones(MAX_NODES));
    const shares = await mine('pool', [1, 0.5, 0.25]);
    const show = (name: string, r: MiningRun) =>
      log(
        `${name.padEnd(26)} best ${(r.total.best / 1e6).toFixed(3)} MH/s, median ${(r.total.median / 1e6).toFixed(3)}`,
      );
    show('one worker alone', alone);
    for (const [n, r] of Object.entries(pool)) show(`pool, ${n} nodes`, r);
    show('one worker per node, 10', perNode10);
    log(
      `pool split for shares 1, 0.5, 0.25: ${shares.parts.map(round2).join(', ')} (expected 0.57, 0.29, 0.14)`,
    );
    const ratio = (r: MiningRun) => round2(r.total.median / alone.total.median);
    return {
      cores: info.cores,
      poolSize: info.poolSize,
      aloneHps: Math.round(alone.total.median),
      poolHps: Object.fromEntries(Object.entries(pool).map(([n, r]) => [n, Math.round(r.total.median)])),
      poolVsAlone: Object.fromEntries(Object.entries(pool).map(([n, r]) => [n, ratio(r)])),
      perNodeWorkersVsAlone: { 10: ratio(perNode10) },
      shareSplit: { shares: [1, 0.5, 0.25], parts: shares.parts.map(round2) },
    };
  } finally {
    await session.close();
  }
}

interface Metrics {
  taskSeconds: number;
  timestamp: number;
  heapMB: number;
}

async function metrics(cdp: CDPSession, gc = false): Promise<Metrics> {
  if (gc) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => list.find((m) => m.name === name)?.value ?? 0;
  return {
    taskSeconds: get('TaskDuration'),
    timestamp: get('Timestamp'),
    heapMB: get('JSHeapUsedSize') / 2 ** 20,
  };
}

/** Least-squares slope of `ys` over `xs`. */
function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/**
 * One speed for PHASE_MS, measured in windows of WINDOW_MS with the heap read after a GC between them, so the
 * collections' pauses stay out of the frame figures and the heap's trend has a point every WINDOW_MS.
 */
async function phase(page: Page, cdp: CDPSession, speed: number) {
  await page.locator('select:has(option[value="10"])').first().selectOption(String(speed));
  await page.waitForTimeout(WARMUP_MS);
  const first = await metrics(cdp, true);
  const heap = [{ minutes: 0, mb: first.heapMB }];
  const gaps: number[] = [];
  const longTasks: LongTask[] = [];
  const scripts: PageWindow['longFrameScripts'] = [];
  let busySeconds = 0;
  let wallSeconds = 0;
  for (let left = PHASE_MS; left > 0; left -= WINDOW_MS) {
    const before = await metrics(cdp);
    const w: PageWindow = await page.evaluate(measureWindow, Math.min(WINDOW_MS, left));
    const after = await metrics(cdp);
    busySeconds += after.taskSeconds - before.taskSeconds;
    wallSeconds += after.timestamp - before.timestamp;
    gaps.push(...w.gaps);
    longTasks.push(...w.longTasks);
    scripts.push(...w.longFrameScripts);
    const gc = await metrics(cdp, true);
    heap.push({ minutes: (gc.timestamp - first.timestamp) / 60, mb: gc.heapMB });
  }
  gaps.sort((a, b) => a - b);
  const sum = (f: (t: LongTask) => number) => Math.round(longTasks.reduce((a, t) => a + f(t), 0));
  const result = {
    speed,
    seconds: Math.round(wallSeconds),
    frames: gaps.length,
    p95FrameMs: round1(gaps[Math.floor(gaps.length * 0.95)] ?? NaN),
    maxFrameMs: round1(gaps.at(-1) ?? NaN),
    longTasks: longTasks.length,
    // "app": the app's own scripts ran in the task; "other": only the browser (GC, rendering) or the benchmark.
    longTasksBy: {
      app: longTasks.filter((t) => t.by === 'app').length,
      other: longTasks.filter((t) => t.by === 'other').length,
    },
    longestTaskMs: Math.max(0, ...longTasks.map((t) => t.ms)),
    // Where the long tasks' time went, summed over them.
    longTaskMs: {
      total: sum((t) => t.ms),
      appScripts: sum((t) => t.appScriptMs),
      otherScripts: sum((t) => t.otherScriptMs),
      forcedLayout: sum((t) => t.forcedLayoutMs),
      styleLayoutPaint: sum((t) => t.renderMs),
    },
    busyPercent: Math.round((100 * busySeconds) / wallSeconds),
    heapMB: {
      start: round1(first.heapMB),
      end: round1(heap.at(-1)!.mb),
      perMinute: round2(
        slope(
          heap.map((h) => h.minutes),
          heap.map((h) => h.mb),
        ),
      ),
      samples: heap.map((h) => round1(h.mb)),
    },
    longFrameScripts: scripts.sort((a, b) => b.ms - a.ms).slice(0, 8),
  };
  log(JSON.stringify(result));
  return result;
}

async function page() {
  const app = await buildAndServe();
  const browser = await launchChromium();
  try {
    const link = await everyNodeMiningLink();
    const tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx compiles with esbuild's keepNames, which wraps the functions sent to page.evaluate (uiMeasure.ts) in
    // calls to a __name helper that exists only in Node.
    await tab.addInitScript('globalThis.__name = (f) => f;');
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(`${app.url}${link}`);
    await tab.locator('section.panel').first().waitFor({ timeout: 30_000 });
    // Through the CSSOM: the app's Content-Security-Policy refuses an inline <style>.
    if (noContainment)
      await tab.evaluate(() => {
        const sheet = document.styleSheets[document.styleSheets.length - 1]!;
        sheet.insertRule('.panel { contain: none; content-visibility: visible; }', sheet.cssRules.length);
      });
    await tab.waitForTimeout(1000);
    const loaded = await tab.evaluate(scriptsBeforeFirstPaint);
    const gzip = async (urls: string[]) => {
      let bytes = 0;
      for (const u of urls) {
        const path = new URL(u).pathname.replace(/^\/chainlab\//, '');
        bytes += gzipSync(await readFile(join(app.dist, path))).length;
      }
      return bytes;
    };
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('Performance.enable');
    const slow = await phase(tab, cdp, 1);
    const fast = await phase(tab, cdp, Math.max(...SPEEDS));
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return {
      nodes: MAX_NODES,
      jsGzipBeforeFirstPaint: await gzip(loaded.before),
      jsGzipLoaded: await gzip(loaded.all),
      firstContentfulPaintMs: loaded.fcp === null ? null : Math.round(loaded.fcp),
      at1x: slow,
      atTopSpeed: fast,
    };
  } finally {
    await browser.close();
    await app.close();
  }
}

log(`load average ${loadavg()[0]!.toFixed(2)} (the machine is shared: repeat runs and read the spread)`);
const rates = noRates ? null : await hashRates();
const app = await page();
console.log(JSON.stringify({ hashRate: rates, app, loadAverage: round2(loadavg()[0]!) }));
