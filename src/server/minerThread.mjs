// The miner thread's entry when the node runs from TypeScript (npm run node): a thread does not inherit the
// TypeScript loader of the process that starts it, so it registers one, then loads the real shell.
import { register } from 'tsx/esm/api';

register();
await import('./minerThread.ts');
