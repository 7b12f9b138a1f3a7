// The search engines in Node, by CPU time: `npm run -s bench:search` prints one JSON line
// {"header": {loop, simd, js}, "tutorial": {...}, "opensslSha256Cps", "ratioToOpenssl": {header, tutorial}}
// in attempts (or compressions) per second of CPU time. The machine is shared by other jobs; wall-time figures
// (bench/miner.ts, in Chromium) fall with the load, CPU-time figures much less, and openssl's default figure is
// CPU time too, so this is the like-for-like ratio. Engines alternate in 200 ms slices, best slice of six.
import { genesisBlock, rewardTx } from '../src/core/block';
import { proofInput, type PowParams } from '../src/core/pow';
import { fastestEngine, jsEngine, simdEngine, type SearchEngine } from '../src/search/engines';
import { targetFor } from '../src/search/searchCommon';
import { opensslSha256Cps } from './openssl';

const genesis = genesisBlock(1700000000);
const draft = { timestamp: 1700000060.25, transactions: [rewardTx('a3f1c2d4e5b6')] };
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const engines: Record<string, SearchEngine> = { loop: fastestEngine, simd: simdEngine, js: jsEngine };

function measure(pow: PowParams): Record<string, number> {
  const input = proofInput(pow, genesis, draft);
  // A start nonce of nine digits, as the app's random starts (src/sim/mining.ts).
  const runs = Object.entries(engines).map(([name, engine]) => ({
    name,
    search: engine({ ...input, startNonce: 123_456_789, target: targetFor(pow) }),
    best: 0,
  }));
  for (let slice = 0; slice < 6; slice++) {
    for (const r of runs) {
      const t0 = cpuMs();
      let n = 0;
      while (cpuMs() - t0 < 200) n += r.search.run(20_000).attempts;
      r.best = Math.max(r.best, (n * 1000) / (cpuMs() - t0));
    }
  }
  return Object.fromEntries(runs.map((r) => [r.name, Math.round(r.best)]));
}

const header = measure({ rule: 'header', difficulty: 40 });
const tutorial = measure({ rule: 'tutorial', difficulty: 8 });
const sha = opensslSha256Cps(false);
const round2 = (x: number) => Math.round(x * 100) / 100;
console.log(
  JSON.stringify({
    header,
    tutorial,
    opensslSha256Cps: sha === null ? null : Math.round(sha),
    // Compressions: one per header attempt, two per tutorial attempt.
    ratioToOpenssl:
      sha === null
        ? null
        : { header: round2(header.loop! / sha), tutorial: round2((2 * tutorial.loop!) / sha) },
  }),
);
