// The production build's Content-Security-Policy (vite.config.ts) in real Chromium, served under /chainlab/ as
// GitHub Pages serves it: the app mines (its workers run the WebAssembly SIMD search), the lazy panels load, a
// lesson plays, an experiment starts its worker, and the browser reports no violation. Then controls show the
// policy is really enforced: an inline script and eval() are refused and reported (so "no violation" above is
// not a listener that never fires), while WebAssembly still compiles on the page ('wasm-unsafe-eval', which the
// main-thread miner needs).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';
import { height, openView } from './appPage';
import { buildAndServe, type ServedApp } from './appServer';
import { launchChromium, REPO_ROOT } from './browser';

interface Violation {
  readonly directive: string;
  readonly blocked: string;
  readonly sample: string;
}

let app: ServedApp;
let browser: Browser;
let page: Page;
const consoleCsp: string[] = [];
const pageErrors: string[] = [];

const violations = () =>
  page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations);

beforeAll(async () => {
  app = await buildAndServe('/chainlab/');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Registered before any of the page's scripts run (Playwright injects it outside the page's policy).
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { cspViolations: Violation[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }),
    );
  });
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) consoleCsp.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(app.url);
  await page.getByRole('region', { name: 'Network' }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the Content-Security-Policy of the production build', () => {
  it('is the first thing in <head>, and only in the build', async () => {
    const html = await readFile(join(app.dist, 'index.html'), 'utf8');
    const head = html.slice(html.indexOf('<head>'), html.indexOf('<script'));
    expect(head).toContain('http-equiv="Content-Security-Policy"');
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(
      CONTENT_SECURITY_POLICY,
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|'unsafe-eval'|\*/);
    // `npm start`: the dev server's page has no policy (it injects CSS as inline <style> elements).
    const dev = await createServer({
      root: REPO_ROOT,
      logLevel: 'silent',
      server: { middlewareMode: true, hmr: false, watch: null },
      optimizeDeps: { noDiscovery: true },
    });
    try {
      const devHtml = await dev.transformIndexHtml(
        '/',
        await readFile(join(REPO_ROOT, 'index.html'), 'utf8'),
      );
      expect(devHtml).toContain('/@vite/client');
      expect(devHtml).not.toContain('http-equiv="Content-Security-Policy"');
    } finally {
      await dev.close();
    }
  });

  it('lets the app mine: a node’s height grows', async () => {
    const start = await height(page, 'Alice');
    await expect.poll(() => height(page, 'Alice'), { timeout: 45_000 }).toBeGreaterThan(start);
  });

  it('lets the lazy panels load and run: Charts, Lessons (a lesson plays), Experiments (its worker starts)', async () => {
    await openView(page, 'Lessons');
    const lessons = page.getByRole('region', { name: 'Lessons' });
    await lessons.getByRole('radio').first().check();
    await lessons.getByRole('button', { name: /Run/ }).click();
    await lessons.getByRole('button', { name: 'Replace my run' }).click();
    await expect
      .poll(async () => (await lessons.textContent()) ?? '', { timeout: 45_000 })
      .toMatch(/The lesson is playing|You predicted/);

    await openView(page, 'Experiments');
    const charts = page.getByRole('region', { name: 'Charts' });
    await expect.poll(() => charts.getAttribute('aria-busy')).toBeNull();

    const experiments = page.getByRole('region', { name: 'Experiments' });
    await expect.poll(() => experiments.getAttribute('aria-busy')).toBeNull();
    await experiments.getByRole('button', { name: /Run/ }).click();
    await expect.poll(() => experiments.textContent(), { timeout: 30_000 }).toMatch(/ % — |Done in/);
    await page.waitForTimeout(1500);
    const cancel = experiments.getByRole('button', { name: /Cancel/ });
    if (await cancel.isEnabled()) await cancel.click();
  });

  it('and the browser reported no violation, in events or in the console', async () => {
    await page.waitForTimeout(2000); // let the last mining and panel work settle
    expect(await violations()).toEqual([]);
    expect(consoleCsp).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('is enforced: an inline script and eval() are refused and reported; WebAssembly compiles', async () => {
    // Code that Playwright evaluates may call eval whatever the policy (DevTools allows it), so the attempts run
    // in a timer callback of the page's own, as the app's code would.
    const outcome = await page.evaluate(
      () =>
        new Promise<{ inlineRan: boolean; evalRefused: boolean; wasm: boolean }>((resolve) =>
          setTimeout(() => {
            const s = document.createElement('script');
            s.textContent = 'window.inlineRan = true';
            document.body.append(s);
            let evalRefused = false;
            try {
              (0, eval)('1');
            } catch (e) {
              evalRefused = e instanceof EvalError;
            }
            // A module using a SIMD instruction, compiled from bytes on the page as the main-thread miner
            // compiles its SIMD module: this needs 'wasm-unsafe-eval'.
            const hex =
              '0061736d01000000' + // magic, version 1
              '0105016000017b' + // one type: () -> v128
              '03020100' + // one function of that type
              `0a16011400fd0c${'00'.repeat(16)}0b`; // its body: v128.const 0, end
            let wasm: boolean;
            try {
              wasm =
                new WebAssembly.Module(
                  Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)),
                ) instanceof WebAssembly.Module;
            } catch {
              wasm = false;
            }
            const inlineRan = (window as unknown as { inlineRan?: boolean }).inlineRan === true;
            resolve({ inlineRan, evalRefused, wasm });
          }, 0),
        ),
    );
    expect(outcome).toEqual({ inlineRan: false, evalRefused: true, wasm: true });
    await expect
      .poll(async () => (await violations()).map((v) => `${v.directive} ${v.blocked}`).sort())
      .toEqual(['script-src eval', 'script-src-elem inline']);
  });
});
