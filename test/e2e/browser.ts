// Real Chromium for end-to-end tests and benchmarks: the machine's own Chromium or Chrome (CHROMIUM_PATH,
// Playwright's browser if one was installed, chromium / chromium-browser / google-chrome on PATH, Debian's
// /usr/bin/chromium, macOS's usual places: chromiumPath.ts) driven by playwright-core, which never downloads one
// here (docs/development.md), and a Vite dev server on 127.0.0.1 serving the repository.
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { findChromiumHere } from './chromiumPath';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

// Flags that work as root in a container (docs/development.md); Playwright manages the profile directory
// itself.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface DevServerOptions {
  /**
   * CommonJS packages to pre-bundle before the first request (React pages need
   * REACT_DEPS: React ships CommonJS, which the browser cannot import as ES modules).
   */
  readonly optimize?: readonly string[];
  /** Chromium's flags, when not CHROMIUM_ARGS (the miner benchmark turns WebGPU on). */
  readonly chromiumArgs?: readonly string[];
}

export const REACT_DEPS = [
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
];

/** A Vite dev server rooted at the repository: pages anywhere in it load at `${url}/path/to/page.html`. */
export async function startDevServer(
  options: DevServerOptions = {},
): Promise<{ url: string; server: ViteDevServer }> {
  const port = await freePort();
  const server = await createServer({
    root: REPO_ROOT,
    configFile: false,
    logLevel: 'warn',
    clearScreen: false,
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null },
    // No dependency discovery: a mid-run "new dependencies optimized" reload would break a measurement.
    // @noble/hashes is plain ESM and loads unbundled.
    optimizeDeps: { noDiscovery: true, include: [...(options.optimize ?? [])] },
  });
  await server.listen();
  return { url: `http://127.0.0.1:${port}`, server };
}

/** The Chromium the tests drive; throws one sentence saying how to install one when there is none. */
export function chromiumExecutable(): string {
  const found = findChromiumHere(() => chromium.executablePath());
  if (!found.ok) throw new Error(found.message);
  return found.path;
}

export async function launchChromium(args: readonly string[] = CHROMIUM_ARGS): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: [...args] });
}

export interface BrowserSession {
  readonly url: string;
  readonly browser: Browser;
  /** Opens `path` (relative to the repository root) and fails on any uncaught page error. */
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function openSession(options: DevServerOptions = {}): Promise<BrowserSession> {
  const { url, server } = await startDevServer(options);
  let browser: Browser;
  try {
    browser = await launchChromium(options.chromiumArgs);
  } catch (err) {
    await server.close();
    throw err;
  }
  const errors: Error[] = [];
  return {
    url,
    browser,
    async open(path) {
      const page = await browser.newPage();
      page.on('pageerror', (err) => errors.push(err));
      await page.goto(`${url}/${path}`);
      return page;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      if (errors.length > 0) throw new Error(`page errors: ${errors.map((e) => e.message).join('; ')}`);
    },
  };
}
