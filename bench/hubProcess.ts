// The classroom hub alone in its own process for `npm run bench:hub` (bench/hub.ts), so its CPU time and memory
// are its own: prints {"url","port"} on stdout once it listens, and closes on SIGTERM.
import { startHub } from '../src/server/hubServer';

const hub = await startHub({ host: '127.0.0.1', port: 0, nodePorts: 'any', difficulty: 4, dist: null });
process.stdout.write(`${JSON.stringify({ url: hub.url, port: hub.port })}\n`);
process.once('SIGTERM', () => void hub.close().then(() => process.exit(0)));
