// Where the page's main thread goes with every node mining: `npx tsx bench/uiProfile.ts [--speed=1]
// [--seconds=20] [--top=40]`. The production build without minification (so components keep their names), the
// run bench/ui.ts opens, a CPU profile (CDP Profiler) of `seconds` at `speed`, and the DOM mutations made in that
// time per panel. Prints one JSON object: the page's functions (React's included: it is bundled with the app) by
// self time and by total time (with what they call), components apart, in ms; the browser's own work (idle,
// program, GC, DOM calls) in parentheses; and the mutations by panel (its aria-label), hidden copy or not, and
// kind.
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';
import { launchChromium, freePort, REPO_ROOT } from '../test/e2e/browser';
import { everyNodeMiningLink } from './uiLink';

const arg = (name: string, dflt: number) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : dflt;
};
const SPEED = arg('speed', 1);
const SECONDS = arg('seconds', 20);
const TOP = arg('top', 40);
// Components (and other capitalised functions) are listed apart: which panel a render cost belongs to.
const COMPONENTS = 25;

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self and total ms per function of the app's own files (not its dependencies). */
function summarise(profile: Profile, ours: (url: string) => boolean) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (f: CallFrame) =>
    `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/assets\//, '')}:${f.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let sampled = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    sampled += ms;
    const leaf = byId.get(id)!;
    const leafKey = ours(leaf.callFrame.url)
      ? name(leaf.callFrame)
      : `(${leaf.callFrame.functionName || 'other'})`;
    self.set(leafKey, (self.get(leafKey) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame;
      if (!ours(f.url)) continue;
      const key = name(f);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([k, v]) => [k, Math.round(v)]);
  const components = new Map([...total].filter(([k]) => /^[A-Z]/.test(k)));
  return {
    sampledMs: Math.round(sampled),
    self: top(self),
    total: top(total),
    components: [...components]
      .sort((a, b) => b[1] - a[1])
      .slice(0, COMPONENTS)
      .map(([k, v]) => [k, Math.round(v)]),
  };
}

async function serve(dist: string) {
  const base = '/chainlab/';
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dist, path.slice(base.length)));
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[extname(file)];
      res.writeHead(200, { 'content-type': type ?? 'application/octet-stream' }).end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}${base}`, close: () => server.close() };
}

const dist = await mkdtemp(join(tmpdir(), 'chainlab-profile-'));
process.env.NODE_ENV = 'production';
await build({
  root: REPO_ROOT,
  mode: 'production',
  logLevel: 'warn',
  build: { outDir: dist, emptyOutDir: true, minify: false, sourcemap: false },
});
const app = await serve(dist);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // tsx's keepNames wraps the functions sent to page.evaluate in a __name helper that exists only in Node.
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.goto(`${app.url}${await everyNodeMiningLink()}`);
  await page.locator('section.panel').first().waitFor({ timeout: 30_000 });
  await page.locator('select:has(option[value="10"])').first().selectOption(String(SPEED));
  await page.waitForTimeout(2000);
  // Mutations counted per panel (its aria-label) and kind, from the page itself.
  await page.evaluate(() => {
    const counts: Record<string, number> = {};
    const w = window as unknown as {
      mutationCounts: Record<string, number>;
      mutationObserver: MutationObserver;
    };
    w.mutationCounts = counts;
    w.mutationObserver = new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target instanceof Element ? r.target : r.target.parentElement;
        const panel = el?.closest('section[aria-label]')?.getAttribute('aria-label') ?? '(page)';
        const hidden = el?.closest('.visually-hidden') ? ' hidden' : '';
        // What a childList change added or removed: "+g.seq-msg", "-tr".
        const nodes = (list: NodeList, sign: string) =>
          Array.from(list, (n) =>
            n instanceof Element
              ? `${sign}${n.localName}${n.classList[0] ? `.${n.classList[0]}` : ''}`
              : `${sign}#text`,
          );
        const kind =
          r.type === 'attributes'
            ? `attr ${r.attributeName}`
            : r.type === 'childList'
              ? `childList ${[...nodes(r.addedNodes, '+'), ...nodes(r.removedNodes, '-')].slice(0, 2).join(' ')}`
              : r.type;
        const key = `${panel}${hidden}: ${kind}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
    });
    w.mutationObserver.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.waitForTimeout(SECONDS * 1000);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const mutations = await page.evaluate(() => {
    const w = window as unknown as {
      mutationCounts: Record<string, number>;
      mutationObserver: MutationObserver;
    };
    w.mutationObserver.disconnect();
    return w.mutationCounts;
  });
  const origin = new URL(app.url).origin;
  const summary = summarise(profile, (url) => url.startsWith(origin));
  const sorted = Object.entries(mutations).sort((a, b) => b[1] - a[1]);
  console.log(
    JSON.stringify({
      speed: SPEED,
      seconds: SECONDS,
      load: Math.round(loadavg()[0]! * 100) / 100,
      ...summary,
      mutations: Object.values(mutations).reduce((a, b) => a + b, 0),
      mutationsBy: sorted.slice(0, TOP),
    }),
  );
} finally {
  await browser.close();
  app.close();
}
