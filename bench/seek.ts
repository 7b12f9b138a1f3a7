// Seek benchmark in real Chromium: `npm run -s bench:seek` (add `-- --blocks N --seeks K`). Builds a 10⁴-block
// run in the page, then seeks to random moments of it: the engine's seek alone and the app's (plus every
// panel's lists rebuilt). Prints progress, then one JSON line: {"chromium", "runs": [{kind, blocks, moments,
// buildSeconds, simMs: {p50, p95, max}, appMs: {…}}]}. The goal is p95 < 200 ms.
import { openSession } from '../test/e2e/browser';
import type { SeekFigures } from './seekPage';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const BLOCKS = arg('blocks', 10_000);
const SEEKS = arg('seeks', 200);

const session = await openSession({ optimize: ['react', 'react-dom', 'zustand', 'zustand/vanilla'] });
try {
  const page = await session.open('bench/seek.html');
  await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 60_000 });
  const runs: SeekFigures[] = [];
  for (const kind of ['hash', 'external'] as const) {
    process.stderr.write(`building a ${BLOCKS}-block run (${kind} miner) and seeking ${SEEKS} times …\n`);
    const r = await page.evaluate(
      ([k, b, s]) =>
        (
          window as unknown as {
            seekBench: { measure(k: string, b: number, s: number): Promise<SeekFigures> };
          }
        ).seekBench.measure(k, b, s),
      [kind, BLOCKS, SEEKS] as const,
    );
    process.stderr.write(`  ${JSON.stringify(r)}\n`);
    runs.push(r);
  }
  console.log(JSON.stringify({ chromium: session.browser.version(), runs }));
} finally {
  await session.close();
}
